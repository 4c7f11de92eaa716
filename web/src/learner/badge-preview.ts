/** What the console can tell about a pasted badge before sending it; the server verifies it and decides. */
export interface BadgePreview {
  format: string;
  name: string | null;
  issuer: string | null;
  issued: string | null;
  expires: string | null;
  recipient: string | null;
  alignments: string[];
  signed: string;
}

function b64json(part: string): Record<string, any> {
  const bytes = Uint8Array.from(atob(part.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));
  return JSON.parse(new TextDecoder().decode(bytes)) as Record<string, any>;
}

const str = (v: unknown): string | null => (typeof v === 'string' ? v : v && typeof v === 'object' && 'name' in v ? String((v as any).name) : v && typeof v === 'object' && 'id' in v ? String((v as any).id) : null);

function fromCredential(c: Record<string, any>, format: string, signed: string): BadgePreview {
  const subject = Array.isArray(c.credentialSubject) ? c.credentialSubject[0] : c.credentialSubject;
  const achievement = subject?.achievement ?? c.badge ?? {};
  const alignments = [...(achievement.alignment ?? achievement.alignments ?? [])].map((a: any) => a.targetName ?? a.targetUrl ?? '').filter(Boolean);
  return {
    format,
    name: str(achievement.name) ?? str(c.name),
    issuer: str(c.issuer) ?? str(achievement.issuer),
    issued: c.validFrom ?? c.issuanceDate ?? c.issuedOn ?? null,
    expires: c.validUntil ?? c.expirationDate ?? c.expires ?? null,
    recipient: subject?.id ?? subject?.name ?? (c.recipient ? `${c.recipient.type ?? 'identity'} ${c.recipient.hashed ? '(hashed)' : c.recipient.identity}` : null),
    alignments,
    signed,
  };
}

export function previewBadge(text: string): BadgePreview {
  const t = text.trim();
  if (/^[\w-]+\.[\w-]+\.[\w-]*$/.test(t)) {
    const [header, payload] = t.split('.').map((p, i) => (i < 2 ? b64json(p) : p)) as [Record<string, any>, Record<string, any>];
    if (payload.vc) return fromCredential(payload.vc, 'Open Badges 3.0 as a VC-JWT', `JWT signature (${header.alg})`);
    if (payload.badge || payload.recipient) return fromCredential(payload, 'Open Badges 2.0 signed assertion', `JWS signature (${header.alg})`);
    return fromCredential(payload, 'JWT credential', `JWT signature (${header.alg})`);
  }
  const json = JSON.parse(t) as Record<string, any>;
  const types: string[] = [].concat(json.type ?? []);
  const proof = json.proof ? [].concat(json.proof).map((p: any) => p.cryptosuite ?? p.type).join(', ') : 'none (hosted or unsigned)';
  if (types.includes('ClrCredential')) return { ...fromCredential(json, 'CLR 2.0 (several credentials)', `embedded proof: ${proof}`), alignments: [] };
  if (types.some((x) => /OpenBadgeCredential|AchievementCredential/.test(x))) return fromCredential(json, 'Open Badges 3.0 credential', `embedded proof: ${proof}`);
  if (types.includes('Assertion') || json.badge) return fromCredential(json, 'Open Badges 2.0 assertion', json.verification?.type === 'signed' ? 'signed' : 'hosted (not signed)');
  return fromCredential(json, 'unrecognised credential (the server will say)', `embedded proof: ${proof}`);
}
