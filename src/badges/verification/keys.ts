import type { JWK } from 'jose';
import type { VerificationLibs } from './esm-libs';
import type { TrustedKey, TrustedKeyStore } from './types';

export type KeySource = 'did:key' | 'did:jwk' | 'trust-store' | 'inline-jwk';

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
  const what = keyId ? `key ${keyId}` : `issuer ${issuerId}`;
  return {
    ok: false,
    outcome: 'UNKNOWN',
    detail: `${what} cannot be resolved offline and is not in the trust store (registerIssuerKey)`,
  };
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
