import { createHash } from 'node:crypto';
import type { VerificationCheck } from './types';
import { asArray, isObject, str } from './util';

/** An identity claim about the recipient, normalised from OB3 IdentityObject or OB2 IdentityObject (`recipient`). */
export interface RecipientIdentity {
  /** 'emailAddress' (OB3) / 'email' (OB2), or other identity types (name, url, telephone, …). */
  type: string;
  hashed: boolean;
  /** 'sha256$<hex>' / 'md5$<hex>' when hashed, else the plaintext identity. */
  identity: string;
  salt?: string;
}

const EMAIL_TYPES = new Set(['emailaddress', 'email']);

/** OB3: credentialSubject.identifier (IdentityObject | IdentityObject[]). */
export function ob3Identities(subject: unknown): RecipientIdentity[] {
  if (!isObject(subject)) return [];
  return asArray(subject.identifier)
    .filter(isObject)
    .map((o) => ({
      type: str(o.identityType) ?? '',
      hashed: o.hashed === true || o.hashed === 'true',
      identity: str(o.identityHash) ?? '',
      salt: typeof o.salt === 'string' ? o.salt : undefined,
    }))
    .filter((i) => i.identity !== '');
}

/** OB2: assertion.recipient. */
export function ob2Identities(assertion: unknown): RecipientIdentity[] {
  if (!isObject(assertion) || !isObject(assertion.recipient)) return [];
  const r = assertion.recipient;
  const identity = str(r.identity);
  if (!identity) return [];
  return [{ type: str(r.type) ?? 'email', hashed: r.hashed === true || r.hashed === 'true', identity, salt: typeof r.salt === 'string' ? r.salt : undefined }];
}

/** The (first) hashed identity, for `subject.identityHash`. */
export function firstIdentityHash(ids: RecipientIdentity[]): string | undefined {
  return ids.find((i) => i.hashed)?.identity;
}

function matches(id: RecipientIdentity, email: string): boolean | 'unsupported' {
  const candidates = [...new Set([email, email.toLowerCase()])];
  if (!id.hashed) return candidates.some((c) => c === id.identity.trim().toLowerCase() || c === id.identity.trim());
  const m = /^(sha256|md5)\$([0-9a-fA-F]+)$/u.exec(id.identity.trim());
  if (!m) return 'unsupported';
  const [, alg, hex] = m;
  return candidates.some((c) => createHash(alg).update(c + (id.salt ?? '')).digest('hex') === hex.toLowerCase());
}

/**
 * Compare the credential's email identities with the candidate's email (`hash(email + salt)` per OB2/OB3;
 * the email is tried as given and lower-cased). SKIPPED when either side has no email.
 */
export function recipientCheck(ids: RecipientIdentity[], recipientEmail: string | null | undefined): VerificationCheck {
  const emailIds = ids.filter((i) => EMAIL_TYPES.has(i.type.toLowerCase()));
  if (emailIds.length === 0) {
    const other = ids.length ? ` (identity types present: ${[...new Set(ids.map((i) => i.type || 'unspecified'))].join(', ')})` : '';
    return { name: 'recipient-identity', outcome: 'SKIPPED', detail: `credential has no email identity${other}` };
  }
  const email = recipientEmail?.trim();
  if (!email) return { name: 'recipient-identity', outcome: 'SKIPPED', detail: 'candidate has no email to compare' };
  let unsupported = 0;
  for (const id of emailIds) {
    const r = matches(id, email);
    if (r === true) return { name: 'recipient-identity', outcome: 'PASS', detail: id.hashed ? 'identity hash matches the candidate email' : 'identity matches the candidate email' };
    if (r === 'unsupported') unsupported += 1;
  }
  if (unsupported === emailIds.length) {
    return { name: 'recipient-identity', outcome: 'UNKNOWN', detail: 'identity hash algorithm not supported (sha256$ / md5$ only)' };
  }
  return { name: 'recipient-identity', outcome: 'FAIL', detail: 'credential was issued to a different email address' };
}
