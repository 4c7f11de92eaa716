import { bundledContexts, CLR_CONTEXT_URLS, collectContextUrls, CREDENTIALS_V2_URL, OB2_CONTEXT_URL } from './contexts';
import { BadgeInputError } from './badge-input.error';
import { loadLibs, VerificationLibs } from './esm-libs';
import { extractOb2, extractOb3, ExtractedFields, ob3Subject } from './extract';
import { verifyJsonLdProofs } from './jsonld-verifier';
import { COMPACT_JWS, decodeJws, verifyJwsSignature } from './jwt-verifier';
import { firstIdentityHash, ob2Identities, ob3Identities, RecipientIdentity, recipientCheck } from './recipient';
import { ob2Status, StatusOutcome, VerifiedStatusList, vcStatus } from './status';
import type {
  BadgeFormat,
  BadgeStatus,
  BadgeVerificationResult,
  BadgeVerifierOptions,
  VerificationCheck,
  VerifyContext,
} from './types';
import { asArray, canonicalJson, errorMessage, idOf, isObject, Json, parseDate, sha256Hex, str, typesOf } from './util';
import { validityWindowCheck } from './validity';
import type { ResolvedKey } from './keys';
import { decideTrust, trustCheck } from './trust';

export const DEFAULT_MAX_INPUT_BYTES = 1_048_576;

const OB3_TYPES = ['OpenBadgeCredential', 'AchievementCredential'];
const CLR_TYPE = 'ClrCredential';
const JWT_TYPS = new Set(['jwt', 'vc+jwt', 'vc+ld+jwt', 'vc+ld+json+jwt', 'application/vc+jwt', 'application/vc+ld+json+jwt']);
const JWT_REGISTERED = ['iss', 'sub', 'jti', 'nbf', 'exp', 'iat', 'aud', 'cnf'];

type Parsed = { kind: 'jwt'; jwt: string } | { kind: 'json'; json: Json };

interface Draft {
  format: BadgeFormat;
  credential: Json;
  credentialHash: string;
  fields: ExtractedFields;
  checks: VerificationCheck[];
  /** integrity: a proof verified and none failed */
  intact: boolean;
  /** the keys that verified it */
  keys: ResolvedKey[];
  failed: boolean;
  identities: RecipientIdentity[];
  status: () => Promise<StatusOutcome>;
}

/**
 * Offline verifier for Open Badges 3.0 / CLR 2.0 (JSON-LD with Data Integrity eddsa-rdfc-2022 or
 * Ed25519Signature2020 proofs, VC 1.1 and 2.0; VC-JWT) and Open Badges 2.0 (signed JWS; hosted → UNVERIFIED).
 * Nothing is fetched: contexts are bundled, did:key / did:jwk are decoded locally, other issuer keys come
 * from the trust store, status lists from the status-list store (else status UNKNOWN).
 *
 * verify() throws BadgeInputError for input that is not a credential at all (too large, not JSON/JWT,
 * unknown type, non-bundled JSON-LD context); verification failures come back as results.
 * One result per credential: a CLR gives one per contained credential.
 */
export class BadgeVerifier {
  private readonly contexts: ReadonlyMap<string, object>;
  private readonly maxInputBytes: number;

  constructor(private readonly opts: BadgeVerifierOptions = {}) {
    const contexts = new Map(bundledContexts());
    for (const [url, doc] of Object.entries(opts.extraContexts ?? {})) contexts.set(url, doc);
    this.contexts = contexts;
    this.maxInputBytes = opts.maxInputBytes ?? DEFAULT_MAX_INPUT_BYTES;
  }

  /** Load the ESM libraries ahead of the first verify() (optional; e.g. from onModuleInit). */
  async warmUp(): Promise<void> {
    await loadLibs();
  }

  async verify(input: string | Json, ctx: VerifyContext = {}): Promise<BadgeVerificationResult[]> {
    const parsed = this.parse(input);
    const libs = await loadLibs();
    const now = this.opts.now?.() ?? new Date();
    if (parsed.kind === 'jwt') return this.fromJwt(libs, parsed.jwt, ctx, now);
    return this.fromJson(libs, parsed.json, ctx, now);
  }

  // ---------------------------------------------------------------- input

  private parse(input: string | Json): Parsed {
    let text: string;
    try {
      text = typeof input === 'string' ? input : (JSON.stringify(input) ?? '');
    } catch (err) {
      throw new BadgeInputError('MALFORMED', `input object cannot be serialised as JSON (${errorMessage(err)})`);
    }
    const size = Buffer.byteLength(text, 'utf8');
    if (size > this.maxInputBytes) {
      throw new BadgeInputError('TOO_LARGE', `credential is ${size} bytes; the limit is ${this.maxInputBytes} bytes`);
    }
    const t = text.replace(/^\uFEFF/u, '').trim();
    if (!t) throw new BadgeInputError('NOT_JSON_OR_JWT', 'input is empty: expected credential JSON or a compact JWT');
    if (COMPACT_JWS.test(t)) return { kind: 'jwt', jwt: t };
    let v: unknown;
    try {
      v = JSON.parse(t);
    } catch (err) {
      if (/^https?:\/\//iu.test(t)) {
        throw new BadgeInputError('NOT_JSON_OR_JWT', 'input is a URL: nothing is fetched; paste the assertion or credential itself (JSON or JWT)');
      }
      const reason = /^[{[]/u.test(t)
        ? `input is not valid JSON (${errorMessage(err)}) and not a compact JWT`
        : 'input is neither JSON nor a compact JWT';
      throw new BadgeInputError('NOT_JSON_OR_JWT', reason);
    }
    if (typeof v === 'string' && COMPACT_JWS.test(v.trim())) return { kind: 'jwt', jwt: v.trim() };
    if (isObject(v)) return { kind: 'json', json: v };
    throw new BadgeInputError('UNKNOWN_CREDENTIAL_TYPE', 'JSON input must be one credential object (a CLR for several)');
  }

  /** Throws for a context that is neither bundled nor a recognised CLR context; returns the unbundled CLR ones. */
  private checkContexts(doc: Json, allowClr: boolean): string[] {
    const missing = collectContextUrls(doc).filter((u) => !this.contexts.has(u));
    const clr = missing.filter((u) => CLR_CONTEXT_URLS.includes(u));
    const bad = missing.filter((u) => !CLR_CONTEXT_URLS.includes(u) || !allowClr);
    if (bad.length) {
      throw new BadgeInputError('CONTEXT_NOT_BUNDLED', `JSON-LD context not bundled (nothing is fetched): ${bad.join(', ')}`);
    }
    return clr;
  }

  private static credentialKind(doc: Json): 'CLR' | 'OB3' | 'OTHER_VC' | 'OB2' | null {
    const types = typesOf(doc);
    if (types.includes('VerifiableCredential')) {
      if (types.includes(CLR_TYPE)) return 'CLR';
      if (OB3_TYPES.some((t) => types.includes(t))) return 'OB3';
      return 'OTHER_VC';
    }
    const ctx = asArray(doc['@context']);
    if (types.includes('Assertion') || ctx.includes(OB2_CONTEXT_URL)) return 'OB2';
    return null;
  }

  private static unknownType(doc: Json, where = 'input'): BadgeInputError {
    const types = typesOf(doc);
    return new BadgeInputError(
      'UNKNOWN_CREDENTIAL_TYPE',
      `${where} is not an Open Badges 3.0, CLR 2.0 or Open Badges 2.0 credential (type: ${types.join(', ') || 'none'})`,
    );
  }

  // ---------------------------------------------------------------- JSON

  private async fromJson(libs: VerificationLibs, doc: Json, ctx: VerifyContext, now: Date): Promise<BadgeVerificationResult[]> {
    switch (BadgeVerifier.credentialKind(doc)) {
      case 'OB3':
        this.checkContexts(doc, false);
        return [await this.finish(await this.ob3JsonLdDraft(libs, doc, now), ctx, now)];
      case 'CLR':
        return this.clrJsonLd(libs, doc, ctx, now);
      case 'OB2':
        return [await this.finish(this.ob2JsonDraft(doc), ctx, now)];
      default:
        throw BadgeVerifier.unknownType(doc);
    }
  }

  private async ob3JsonLdDraft(libs: VerificationLibs, doc: Json, now: Date): Promise<Draft> {
    const v2 = asArray(doc['@context'])[0] === CREDENTIALS_V2_URL;
    const checks: VerificationCheck[] = [
      { name: 'format', outcome: 'PASS', detail: `Open Badges 3.0 JSON-LD, VC data model ${v2 ? '2.0' : '1.1'}` },
      { name: 'context', outcome: 'PASS', detail: 'all JSON-LD contexts bundled' },
    ];
    const proofs = await verifyJsonLdProofs(libs, doc, { contexts: this.contexts, trustedKeys: this.opts.trustedKeys });
    checks.push(...proofs.checks);
    const fields = extractOb3(doc);
    return {
      format: 'OB3_JSONLD',
      credential: doc,
      credentialHash: sha256Hex(canonicalJson(doc)),
      fields,
      checks,
      intact: proofs.intact,
      keys: proofs.keys,
      failed: proofs.failed,
      identities: ob3Identities(ob3Subject(doc)),
      status: () => vcStatus(doc, fields.issuer.id, { store: this.opts.statusLists, verifyList: (raw) => this.verifyStatusList(libs, raw, now), now }),
    };
  }

  /** A CLR's JSON-LD credential naming a context that is not bundled: its proof cannot be checked offline (UNVERIFIED). */
  private uncheckableJsonLdDraft(doc: Json, missing: string[], now: Date, libs: VerificationLibs): Draft {
    const fields = extractOb3(doc);
    return {
      format: 'OB3_JSONLD',
      credential: doc,
      credentialHash: sha256Hex(canonicalJson(doc)),
      fields,
      checks: [
        { name: 'format', outcome: 'PASS', detail: 'Open Badges 3.0 JSON-LD inside a CLR' },
        { name: 'context', outcome: 'UNKNOWN', detail: `JSON-LD context not bundled (nothing is fetched): ${missing.join(', ')}` },
        { name: 'proof', outcome: 'UNKNOWN', detail: 'its embedded proof needs those contexts: not checked' },
      ],
      intact: false,
      keys: [],
      failed: false,
      identities: ob3Identities(ob3Subject(doc)),
      status: () => vcStatus(doc, fields.issuer.id, { store: this.opts.statusLists, verifyList: (raw) => this.verifyStatusList(libs, raw, now), now }),
    };
  }

  private ob2JsonDraft(assertion: Json): Draft {
    const verification = isObject(assertion.verification) ? assertion.verification : undefined;
    const vtype = str(verification?.type)?.toLowerCase();
    const signed = vtype === 'signed' || vtype === 'signedbadge';
    const checks: VerificationCheck[] = [
      {
        name: 'format',
        outcome: 'PASS',
        detail: signed ? 'Open Badges 2.0 assertion JSON (signed verification, JWS not supplied)' : 'Open Badges 2.0 hosted assertion',
      },
      {
        name: 'signature',
        outcome: 'UNKNOWN',
        detail: signed
          ? 'the assertion declares signed verification but was supplied without its JWS; supply the JWS to verify it'
          : `hosted assertion: checking it means fetching ${str(assertion.id) ?? 'its id'} from the issuer, which is not done offline`,
      },
    ];
    return {
      format: signed ? 'OB2_JSON' : 'OB2_HOSTED',
      credential: assertion,
      credentialHash: sha256Hex(canonicalJson(assertion)),
      fields: extractOb2(assertion),
      checks,
      intact: false,
      keys: [],
      failed: false,
      identities: ob2Identities(assertion),
      status: () => ob2Status(assertion, { store: this.opts.statusLists }),
    };
  }

  // ---------------------------------------------------------------- JWT

  private async fromJwt(libs: VerificationLibs, jwt: string, ctx: VerifyContext, now: Date): Promise<BadgeVerificationResult[]> {
    const decoded = decodeJws(jwt);
    if (!decoded) throw new BadgeInputError('NOT_JSON_OR_JWT', 'malformed JWT: header and payload must be base64url-encoded JSON objects');
    const { payload } = decoded;
    if (isObject(payload.vc) || typesOf(payload).includes('VerifiableCredential')) {
      const typ = decoded.header.typ;
      if (typ !== undefined && !JWT_TYPS.has(String(typ).toLowerCase())) {
        throw new BadgeInputError('UNKNOWN_CREDENTIAL_TYPE', `unsupported JWT typ "${String(typ)}" (expected JWT or vc+jwt)`);
      }
      const { credential } = credentialFromJwtPayload(payload);
      const kind = BadgeVerifier.credentialKind(credential);
      if (kind === 'CLR') return this.clrJwt(libs, jwt, ctx, now);
      if (kind !== 'OB3') throw BadgeVerifier.unknownType(credential, 'the JWT credential');
      return [await this.finish(await this.ob3JwtDraft(libs, jwt, now), ctx, now)];
    }
    if (BadgeVerifier.credentialKind(payload) === 'OB2') {
      return [await this.finish(await this.ob2JwsDraft(libs, jwt, decoded.header, payload), ctx, now)];
    }
    throw new BadgeInputError(
      'UNKNOWN_CREDENTIAL_TYPE',
      'JWT carries neither a verifiable credential (vc claim or credential payload) nor an Open Badges 2.0 assertion',
    );
  }

  /** Signature + claim checks of a VC-JWT (OB3 credential or CLR envelope). */
  private async vcJwt(libs: VerificationLibs, jwt: string) {
    const decoded = decodeJws(jwt);
    if (!decoded) throw new BadgeInputError('NOT_JSON_OR_JWT', 'malformed JWT');
    const { credential, mismatches, mode } = credentialFromJwtPayload(decoded.payload);
    const checks: VerificationCheck[] = [];
    let failed = false;
    try {
      libs.vc._checkCredential({ credential, maxClockSkew: 1e13 });
      checks.push({ name: 'vc-data-model', outcome: 'PASS' });
    } catch (err) {
      checks.push({ name: 'vc-data-model', outcome: 'FAIL', detail: errorMessage(err) });
      failed = true;
    }
    checks.push(
      mismatches.length
        ? { name: 'jwt-claims', outcome: 'FAIL', detail: mismatches.join('; ') }
        : { name: 'jwt-claims', outcome: 'PASS', detail: mode === 'vc-claim' ? 'iss/sub/jti/nbf/exp agree with the vc claim' : 'registered claims agree with the credential' },
    );
    failed ||= mismatches.length > 0;
    const issuerId = idOf(credential.issuer);
    const sig = await verifyJwsSignature(libs, jwt, decoded.header, { issuerId, trustedKeys: this.opts.trustedKeys });
    checks.push(...sig.checks);
    const intact = !failed && sig.intact;
    return { credential, checks, failed: failed || sig.failed, intact, keys: intact && sig.key ? [sig.key] : [], mode };
  }

  private async ob3JwtDraft(libs: VerificationLibs, jwt: string, now: Date): Promise<Draft> {
    const r = await this.vcJwt(libs, jwt);
    const v2 = asArray(r.credential['@context'])[0] === CREDENTIALS_V2_URL;
    const fields = extractOb3(r.credential);
    return {
      format: 'OB3_JWT',
      credential: r.credential,
      credentialHash: sha256Hex(jwt),
      fields,
      checks: [
        { name: 'format', outcome: 'PASS', detail: `Open Badges 3.0 JWT (${r.mode === 'vc-claim' ? 'vc claim' : 'credential payload'}), VC data model ${v2 ? '2.0' : '1.1'}` },
        { name: 'context', outcome: 'SKIPPED', detail: 'a JWT is secured by its JOSE signature: its JSON-LD contexts are not processed' },
        ...r.checks,
      ],
      intact: r.intact,
      keys: r.keys,
      failed: r.failed,
      identities: ob3Identities(ob3Subject(r.credential)),
      status: () =>
        vcStatus(r.credential, fields.issuer.id, { store: this.opts.statusLists, verifyList: (raw) => this.verifyStatusList(libs, raw, now), now }),
    };
  }

  private async ob2JwsDraft(libs: VerificationLibs, jws: string, header: Parameters<typeof verifyJwsSignature>[2], assertion: Json): Promise<Draft> {
    const badge = isObject(assertion.badge) ? assertion.badge : undefined;
    const issuerId = idOf(badge?.issuer);
    const verification = isObject(assertion.verification) ? assertion.verification : undefined;
    const keyId = str(verification?.creator);
    const sig = await verifyJwsSignature(libs, jws, header, { issuerId, keyId, trustedKeys: this.opts.trustedKeys });
    const fields = extractOb2(assertion);
    if (!fields.issuer.id && sig.key?.source === 'trust-store') fields.issuer = { id: sig.key.controller };
    return {
      format: 'OB2_JWS',
      credential: assertion,
      credentialHash: sha256Hex(jws),
      fields,
      checks: [{ name: 'format', outcome: 'PASS', detail: 'Open Badges 2.0 signed assertion (JWS)' }, ...sig.checks],
      intact: sig.intact,
      keys: sig.intact && sig.key ? [sig.key] : [],
      failed: sig.failed,
      identities: ob2Identities(assertion),
      status: () => ob2Status(assertion, { store: this.opts.statusLists }),
    };
  }

  // ---------------------------------------------------------------- CLR

  private clrItems(clr: Json): unknown[] {
    const items = asArray(clr.credentialSubject)
      .filter(isObject)
      .flatMap((s) => asArray(s.verifiableCredential));
    if (items.length === 0) throw new BadgeInputError('MALFORMED', 'the CLR contains no credentials (credentialSubject.verifiableCredential)');
    return items;
  }

  private async clrJsonLd(libs: VerificationLibs, clr: Json, ctx: VerifyContext, now: Date): Promise<BadgeVerificationResult[]> {
    const unbundled = this.checkContexts(clr, true);
    const items = this.clrItems(clr);
    let envelope: VerificationCheck;
    if (unbundled.length) {
      envelope = {
        name: 'clr-envelope',
        outcome: 'UNKNOWN',
        detail: `CLR proof not checked: context ${unbundled.join(', ')} is not bundled; each contained credential is verified on its own`,
      };
    } else {
      const proofs = await verifyJsonLdProofs(libs, clr, { contexts: this.contexts, trustedKeys: this.opts.trustedKeys });
      const detail = proofs.checks.map((c) => `${c.name} ${c.outcome}${c.detail ? ` (${c.detail})` : ''}`).join('; ');
      envelope = { name: 'clr-envelope', outcome: proofs.failed ? 'FAIL' : proofs.intact ? 'PASS' : 'UNKNOWN', detail };
    }
    const container = { type: 'CLR' as const, format: 'OB3_JSONLD' as const, id: str(clr.id), issuerId: idOf(clr.issuer), credentialHash: sha256Hex(canonicalJson(clr)) };
    return this.clrInner(libs, items, envelope, container, ctx, now);
  }

  private async clrJwt(libs: VerificationLibs, jwt: string, ctx: VerifyContext, now: Date): Promise<BadgeVerificationResult[]> {
    const r = await this.vcJwt(libs, jwt);
    const items = this.clrItems(r.credential);
    const detail = r.checks.map((c) => `${c.name} ${c.outcome}${c.detail ? ` (${c.detail})` : ''}`).join('; ');
    const envelope: VerificationCheck = { name: 'clr-envelope', outcome: r.failed ? 'FAIL' : r.intact ? 'PASS' : 'UNKNOWN', detail };
    const container = { type: 'CLR' as const, format: 'OB3_JWT' as const, id: str(r.credential.id), issuerId: idOf(r.credential.issuer), credentialHash: sha256Hex(jwt) };
    return this.clrInner(libs, items, envelope, container, ctx, now);
  }

  private async clrInner(
    libs: VerificationLibs,
    items: unknown[],
    envelope: VerificationCheck,
    container: NonNullable<BadgeVerificationResult['container']>,
    ctx: VerifyContext,
    now: Date,
  ): Promise<BadgeVerificationResult[]> {
    const drafts: Draft[] = [];
    for (const [i, item] of items.entries()) {
      const where = `CLR item ${i + 1}`;
      if (typeof item === 'string' && COMPACT_JWS.test(item.trim())) {
        const decoded = decodeJws(item.trim());
        const cred = decoded ? credentialFromJwtPayload(decoded.payload).credential : null;
        if (!cred || BadgeVerifier.credentialKind(cred) !== 'OB3') throw new BadgeInputError('UNKNOWN_CREDENTIAL_TYPE', `${where} is not an Open Badges 3.0 credential`);
        drafts.push(await this.ob3JwtDraft(libs, item.trim(), now));
      } else if (isObject(item) && BadgeVerifier.credentialKind(item) === 'OB3') {
        const missing = collectContextUrls(item).filter((u) => !this.contexts.has(u));
        drafts.push(missing.length ? this.uncheckableJsonLdDraft(item, missing, now, libs) : await this.ob3JsonLdDraft(libs, item, now));
      } else {
        throw isObject(item) ? BadgeVerifier.unknownType(item, where) : new BadgeInputError('UNKNOWN_CREDENTIAL_TYPE', `${where} is neither a credential object nor a JWT`);
      }
    }
    const out: BadgeVerificationResult[] = [];
    for (const d of drafts) {
      d.checks.push(envelope);
      if (envelope.outcome === 'FAIL') d.failed = true;
      const r = await this.finish(d, ctx, now);
      r.container = container;
      out.push(r);
    }
    return out;
  }

  // ---------------------------------------------------------------- shared

  private async finish(d: Draft, ctx: VerifyContext, now: Date): Promise<BadgeVerificationResult> {
    const checks = [...d.checks];
    checks.push(validityWindowCheck(now, d.fields.validFrom, d.fields.expiresAt));
    const st: StatusOutcome = d.failed
      ? { check: { name: 'credential-status', outcome: 'SKIPPED', detail: 'not checked: the credential failed verification' }, revoked: false }
      : await d.status();
    checks.push(st.check);
    const recipient = recipientCheck(d.identities, ctx.recipientEmail);
    checks.push(recipient);
    const trust = d.intact && !d.failed
      ? await decideTrust(this.opts.trustedKeys, d.fields.issuer.id, d.keys)
      : { trusted: false, trustedFor: [], detail: d.failed ? 'the proof does not verify' : 'no proof checked offline' };
    checks.splice(checks.findIndex((c) => c.name === 'validity-window'), 0, trustCheck(d.intact, d.failed, trust));
    let status: BadgeStatus;
    if (d.failed || recipient.outcome === 'FAIL') status = 'FAILED';
    else if (st.revoked) status = 'REVOKED';
    else status = d.intact && trust.trusted ? 'VERIFIED' : 'UNVERIFIED';

    const f = d.fields;
    const result: BadgeVerificationResult = {
      format: d.format,
      status,
      checks,
      credentialHash: d.credentialHash,
      issuer: f.issuer,
      achievement: f.achievement,
      issuedAt: f.issuedAt,
      expiresAt: f.expiresAt,
      subject: { ...f.subject },
      intact: d.intact && !d.failed,
      trust: d.intact && !d.failed ? trust : { ...trust, trusted: false },
      credential: d.credential,
    };
    const identityHash = firstIdentityHash(d.identities);
    if (identityHash) result.subject.identityHash = identityHash;
    if (f.results) result.results = f.results;
    if (f.credentialId) result.credentialId = f.credentialId;
    if (f.credentialName) result.credentialName = f.credentialName;
    return result;
  }

  /** Verify a status list credential handed over by the StatusListStore (JSON-LD object/string or VC-JWT). */
  private async verifyStatusList(libs: VerificationLibs, raw: unknown, now: Date): Promise<VerifiedStatusList> {
    void now;
    try {
      let doc: unknown = raw;
      if (typeof raw === 'string') {
        const t = raw.trim();
        if (COMPACT_JWS.test(t)) {
          const r = await this.vcJwt(libs, t);
          if (!r.intact) return { ok: false, detail: r.checks.filter((c) => c.outcome !== 'PASS').map((c) => `${c.name}: ${c.detail ?? c.outcome}`).join('; ') };
          return { ok: true, credential: r.credential, issuerId: idOf(r.credential.issuer) };
        }
        doc = JSON.parse(t);
      }
      if (!isObject(doc)) return { ok: false, detail: 'not a credential' };
      const missing = collectContextUrls(doc).filter((u) => !this.contexts.has(u));
      if (missing.length) return { ok: false, detail: `context not bundled: ${missing.join(', ')}` };
      const proofs = await verifyJsonLdProofs(libs, doc, { contexts: this.contexts, trustedKeys: this.opts.trustedKeys });
      if (!proofs.intact) return { ok: false, detail: proofs.checks.filter((c) => c.outcome !== 'PASS').map((c) => `${c.name}: ${c.detail ?? c.outcome}`).join('; ') };
      return { ok: true, credential: doc, issuerId: idOf(doc.issuer) };
    } catch (err) {
      return { ok: false, detail: errorMessage(err) };
    }
  }
}

/**
 * The credential carried by a VC-JWT: the `vc` claim (VC-JWT 1.1), completed from the registered claims as the
 * VC-JWT decoding rules say, or the payload itself (VC-JOSE, typ vc+jwt). Registered claims that contradict the
 * credential are reported as mismatches.
 */
export function credentialFromJwtPayload(payload: Json): { credential: Json; mismatches: string[]; mode: 'vc-claim' | 'payload' } {
  const mode = isObject(payload.vc) ? 'vc-claim' : 'payload';
  const credential: Json = mode === 'vc-claim' ? structuredClone(payload.vc as Json) : structuredClone(payload);
  if (mode === 'payload') for (const k of JWT_REGISTERED) delete credential[k];
  const mismatches: string[] = [];
  const v2 = asArray(credential['@context'])[0] === CREDENTIALS_V2_URL;

  if (payload.iss !== undefined) {
    const iss = String(payload.iss as string);
    const issuerId = idOf(credential.issuer);
    if (issuerId && issuerId !== iss) mismatches.push(`iss ${iss} differs from issuer ${issuerId}`);
    else if (!issuerId) credential.issuer = isObject(credential.issuer) ? { ...credential.issuer, id: iss } : iss;
  }
  if (payload.jti !== undefined) {
    const jti = String(payload.jti as string);
    const id = str(credential.id);
    if (id && id !== jti) mismatches.push(`jti ${jti} differs from id ${id}`);
    else if (!id) credential.id = jti;
  }
  if (payload.sub !== undefined) {
    const sub = String(payload.sub as string);
    const subjects = asArray(credential.credentialSubject).filter(isObject);
    const subject = subjects[0];
    const subjectId = str(subject?.id);
    if (subjectId && subjectId !== sub) mismatches.push(`sub ${sub} differs from credentialSubject.id ${subjectId}`);
    else if (subject && !subjectId) {
      const filled = { ...subject, id: sub };
      credential.credentialSubject = Array.isArray(credential.credentialSubject) ? [filled, ...subjects.slice(1)] : filled;
    }
  }
  const dateClaim = (claim: 'nbf' | 'exp', props: string[], fillProp: string) => {
    const value = payload[claim];
    if (value === undefined) return;
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      mismatches.push(`${claim} is not a NumericDate`);
      return;
    }
    const prop = props.find((p) => credential[p] !== undefined);
    if (prop) {
      const d = parseDate(credential[prop]);
      if (!d || Math.floor(d.getTime() / 1000) !== Math.floor(value)) {
        mismatches.push(`${claim} ${new Date(value * 1000).toISOString()} differs from ${prop} ${String(credential[prop] as string)}`);
      }
    } else {
      credential[fillProp] = new Date(Math.floor(value) * 1000).toISOString().replace('.000Z', 'Z');
    }
  };
  dateClaim('nbf', v2 ? ['validFrom', 'issuanceDate'] : ['issuanceDate', 'validFrom'], v2 ? 'validFrom' : 'issuanceDate');
  dateClaim('exp', v2 ? ['validUntil', 'expirationDate'] : ['expirationDate', 'validUntil'], v2 ? 'validUntil' : 'expirationDate');
  return { credential, mismatches, mode };
}
