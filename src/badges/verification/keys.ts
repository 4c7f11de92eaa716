import { createHash, createPublicKey, type JsonWebKey } from 'node:crypto';
import type { JWK } from 'jose';
import type { VerificationLibs } from './esm-libs';
import type { TrustedKey, TrustedKeyStore } from './types';

/**
 * Where a key came from. Only 'trust-store' binds a key to its issuer by an ADMIN's word; 'did:key' / 'did:jwk'
 * are self-certifying (the DID is the key: intact, but anyone can make one); 'fragment' (a verification method
 * `<controller>#z6Mk…` naming its Multikey) and 'inline-jwk' (a JWT header `jwk`) are keys the credential carries.
 */
export type KeySource = 'did:key' | 'did:jwk' | 'trust-store' | 'fragment' | 'inline-jwk';

export interface ResolvedKey {
  jwk: JWK;
  /** Who controls the key: the DID for DID-based keys, the registered issuer for trust-store keys. */
  controller: string;
  source: KeySource;
  /** The key id it was found under (verificationMethod / kid), when there was one. */
  keyId?: string;
}

export type KeyResolution =
  | { ok: true; key: ResolvedKey }
  | { ok: false; outcome: 'UNKNOWN' | 'FAIL'; detail: string };

export function didOf(url: string): string | null {
  if (!url.startsWith('did:')) return null;
  const cut = url.search(/[#?/]/u);
  // did:web uses ':' for paths, never '/', so a '/' ends the DID too
  return cut === -1 ? url : url.slice(0, cut);
}

function base64urlDecode(s: string): Buffer {
  return Buffer.from(s, 'base64url');
}

/** Public part of a did:jwk's embedded JWK, or null when it is not one. */
export function decodeDidJwk(did: string): JWK | null {
  const m = /^did:jwk:([A-Za-z0-9_-]+)$/u.exec(did);
  if (!m) return null;
  try {
    const jwk = JSON.parse(base64urlDecode(m[1]).toString('utf8')) as Record<string, unknown>;
    if (!jwk || typeof jwk !== 'object' || typeof jwk.kty !== 'string') return null;
    return publicJwk(jwk as JWK);
  } catch {
    return null;
  }
}

/** Strip private members, keep the public key parameters. */
export function publicJwk(jwk: JWK): JWK {
  const { kty, crv, x, y, n, e, alg } = jwk;
  const out: JWK = { kty };
  if (crv !== undefined) out.crv = crv;
  if (x !== undefined) out.x = x;
  if (y !== undefined) out.y = y;
  if (n !== undefined) out.n = n;
  if (e !== undefined) out.e = e;
  if (alg !== undefined) out.alg = alg;
  return out;
}

export async function multibaseToJwk(libs: VerificationLibs, publicKeyMultibase: string): Promise<JWK | null> {
  if (!publicKeyMultibase.startsWith('z6Mk')) return null; // Ed25519 only
  try {
    const keyPair = await libs.Ed25519Multikey.from({ publicKeyMultibase });
    return (await libs.Ed25519Multikey.toJwk({ keyPair })) as JWK;
  } catch {
    return null;
  }
}

export async function jwkToMultibase(libs: VerificationLibs, jwk: JWK): Promise<string | null> {
  if (jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519' || typeof jwk.x !== 'string') return null;
  try {
    const keyPair = await libs.Ed25519Multikey.fromJwk({ jwk: publicJwk(jwk) });
    return keyPair.publicKeyMultibase as string;
  } catch {
    return null;
  }
}

interface NormalizedTrustedKey {
  jwk: JWK;
  controller?: string;
}

async function normalizeTrusted(libs: VerificationLibs, entry: TrustedKey | null | undefined): Promise<NormalizedTrustedKey | null> {
  if (!entry) return null;
  if (typeof entry === 'string') {
    const jwk = await multibaseToJwk(libs, entry);
    return jwk ? { jwk } : null;
  }
  if ('kty' in entry && typeof entry.kty === 'string') return { jwk: publicJwk(entry as JWK) };
  const e = entry as { publicKeyJwk?: JWK; publicKeyMultibase?: string; controller?: string };
  const jwk = e.publicKeyJwk ? publicJwk(e.publicKeyJwk) : e.publicKeyMultibase ? await multibaseToJwk(libs, e.publicKeyMultibase) : null;
  return jwk ? { jwk, controller: e.controller } : null;
}

async function lookup(store: TrustedKeyStore | undefined, id: string): Promise<TrustedKey | null> {
  if (!store) return null;
  return (await store.lookup(id)) ?? null;
}

/**
 * Find the public key for a key id (verificationMethod / kid / OB2 creator) and/or an issuer id, offline:
 * did:key and did:jwk are decoded locally; anything else must be in the trust store.
 * The caller checks that `key.controller` is the credential's issuer.
 */
export async function resolveKey(
  libs: VerificationLibs,
  store: TrustedKeyStore | undefined,
  opts: { keyId?: string; issuerId?: string },
): Promise<KeyResolution> {
  const { keyId, issuerId } = opts;
  const ref = keyId ?? issuerId;
  if (!ref) return { ok: false, outcome: 'UNKNOWN', detail: 'no key id and no issuer id to resolve a key from' };
  const did = didOf(ref);
  if (did?.startsWith('did:key:')) {
    const fragmentless = did.slice('did:key:'.length);
    if (keyId?.includes('#') && keyId.split('#')[1] !== fragmentless) {
      return { ok: false, outcome: 'FAIL', detail: `did:key verification method fragment does not match the key: ${keyId}` };
    }
    const jwk = await multibaseToJwk(libs, fragmentless);
    if (!jwk) return { ok: false, outcome: 'UNKNOWN', detail: `unsupported did:key key type (Ed25519 'z6Mk…' keys only): ${did}` };
    return { ok: true, key: { jwk, controller: did, source: 'did:key', keyId } };
  }
  if (did?.startsWith('did:jwk:')) {
    const jwk = decodeDidJwk(did);
    if (!jwk) return { ok: false, outcome: 'FAIL', detail: `malformed did:jwk: ${did}` };
    return { ok: true, key: { jwk, controller: did, source: 'did:jwk', keyId } };
  }
  // Everything else needs the ADMIN-maintained trust store.
  if (keyId) {
    const byKid = await normalizeTrusted(libs, await lookup(store, keyId));
    if (byKid) {
      const controller = didOf(keyId) ?? byKid.controller;
      if (controller) return { ok: true, key: { jwk: byKid.jwk, controller, source: 'trust-store', keyId } };
    }
    const kidDid = didOf(keyId);
    if (kidDid && kidDid !== keyId) {
      const byDid = await normalizeTrusted(libs, await lookup(store, kidDid));
      if (byDid) return { ok: true, key: { jwk: byDid.jwk, controller: kidDid, source: 'trust-store', keyId } };
    }
  }
  if (issuerId && (!keyId || !didOf(keyId) || didOf(keyId) === issuerId)) {
    const byIssuer = await normalizeTrusted(libs, await lookup(store, issuerId));
    if (byIssuer) return { ok: true, key: { jwk: byIssuer.jwk, controller: byIssuer.controller ?? issuerId, source: 'trust-store', keyId } };
  }
  // A verification method whose fragment is the key itself (`https://issuer.example/issuers/1#z6Mk…`), as
  // the reference verifier reads it: checks integrity; who controls it is for the trust decision.
  const fragment = keyId ? fragmentKey(keyId) : null;
  if (keyId && fragment) {
    const jwk = await multibaseToJwk(libs, fragment.multibase);
    if (jwk) return { ok: true, key: { jwk, controller: fragment.controller, source: 'fragment', keyId } };
  }
  const what = keyId ? `key ${keyId}` : `issuer ${issuerId}`;
  return {
    ok: false,
    outcome: 'UNKNOWN',
    detail: `${what} cannot be resolved offline and is not in the trust store (registerIssuerKey)`,
  };
}

const MULTIKEY_FRAGMENT = /^z6Mk[1-9A-HJ-NP-Za-km-z]{40,50}$/u;

/** `<controller>#z6Mk…`: the controller and the Ed25519 Multikey the fragment names; null otherwise. */
export function fragmentKey(keyId: string): { controller: string; multibase: string } | null {
  const hash = keyId.indexOf('#');
  if (hash <= 0) return null;
  const multibase = keyId.slice(hash + 1);
  return MULTIKEY_FRAGMENT.test(multibase) ? { controller: keyId.slice(0, hash), multibase } : null;
}

/** RFC 7638 thumbprint equality of two public JWKs. */
export async function sameKey(libs: VerificationLibs, a: JWK, b: JWK): Promise<boolean> {
  try {
    const [ta, tb] = await Promise.all([libs.jose.calculateJwkThumbprint(publicJwk(a)), libs.jose.calculateJwkThumbprint(publicJwk(b))]);
    return ta === tb;
  } catch {
    return false;
  }
}

/** Curves of the public keys the trust store accepts, with their coordinate length in bytes. */
const CURVE_BYTES: Record<string, Record<string, number>> = {
  OKP: { Ed25519: 32 },
  EC: { 'P-256': 32, 'P-384': 48, 'P-521': 66 },
};
/** JWK members that only a private (or symmetric) key has. */
const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k'];
const MIN_RSA_BITS = 2048;
const BASE64URL = /^[A-Za-z0-9_-]+$/u;

export type PublicJwkCheck = { ok: true; jwk: JWK } | { ok: false; reason: string };

function coordinate(jwk: Record<string, unknown>, member: string, bytes: number): string | null {
  const v = jwk[member];
  return typeof v === 'string' && BASE64URL.test(v) && base64urlDecode(v).length === bytes ? v : null;
}

/**
 * A public key for the trust store: OKP Ed25519 (JWT and JSON-LD proofs), EC P-256/P-384/P-521 or RSA of at
 * least 2048 bits (JWT / OB2 JWS only). Returns the key reduced to its key parameters (kty, crv, x, y or n, e),
 * or why it is refused: not an object, a private key, an unsupported key type or curve, not a signing key, or
 * key material that is not a valid public key. The reason never repeats key material.
 */
export function checkPublicJwk(value: unknown): PublicJwkCheck {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, reason: 'must be a JSON object (a JWK)' };
  const jwk = value as Record<string, unknown>;
  const secret = PRIVATE_MEMBERS.find((m) => m in jwk);
  if (secret) return { ok: false, reason: `is a private key (it has "${secret}"): register the public key only` };
  if (typeof jwk.kty !== 'string') return { ok: false, reason: 'has no "kty"' };
  if (jwk.use !== undefined && jwk.use !== 'sig') return { ok: false, reason: `is not a signing key ("use": ${JSON.stringify(jwk.use)})` };
  let key: JWK;
  if (jwk.kty === 'OKP' || jwk.kty === 'EC') {
    const curves = CURVE_BYTES[jwk.kty];
    const crv = jwk.crv;
    if (typeof crv !== 'string' || !(crv in curves)) {
      return { ok: false, reason: `unsupported ${jwk.kty} curve ${JSON.stringify(crv ?? null)} (supported: ${Object.keys(curves).join(', ')})` };
    }
    const x = coordinate(jwk, 'x', curves[crv]);
    if (!x) return { ok: false, reason: `"x" must be the base64url ${curves[crv]}-byte ${crv} public key coordinate` };
    key = { kty: jwk.kty, crv, x };
    if (jwk.kty === 'EC') {
      const y = coordinate(jwk, 'y', curves[crv]);
      if (!y) return { ok: false, reason: `"y" must be the base64url ${curves[crv]}-byte ${crv} public key coordinate` };
      key.y = y;
    }
  } else if (jwk.kty === 'RSA') {
    if (typeof jwk.n !== 'string' || !BASE64URL.test(jwk.n) || typeof jwk.e !== 'string' || !BASE64URL.test(jwk.e)) {
      return { ok: false, reason: '"n" and "e" must be base64url strings' };
    }
    key = { kty: 'RSA', n: jwk.n, e: jwk.e };
  } else {
    return { ok: false, reason: `unsupported key type ${JSON.stringify(jwk.kty)} (supported: OKP Ed25519, EC P-256/P-384/P-521, RSA)` };
  }
  try {
    const imported = createPublicKey({ key: key as JsonWebKey, format: 'jwk' });
    const bits = imported.asymmetricKeyDetails?.modulusLength;
    if (key.kty === 'RSA' && (bits ?? 0) < MIN_RSA_BITS) return { ok: false, reason: `RSA keys must have at least ${MIN_RSA_BITS} bits` };
  } catch {
    return { ok: false, reason: `is not a valid ${key.crv ?? key.kty} public key` };
  }
  return { ok: true, jwk: key };
}

/** RFC 7638 JWK thumbprint (SHA-256, base64url) of an OKP, EC or RSA public key, without the ESM libraries. */
export function jwkThumbprint(jwk: JWK): string {
  const members =
    jwk.kty === 'RSA' ? { e: jwk.e, kty: jwk.kty, n: jwk.n } : jwk.kty === 'EC' ? { crv: jwk.crv, kty: jwk.kty, x: jwk.x, y: jwk.y } : { crv: jwk.crv, kty: jwk.kty, x: jwk.x };
  return createHash('sha256').update(JSON.stringify(members)).digest('base64url');
}
