import type { JWK, JWSHeaderParameters } from 'jose';
import type { VerificationLibs } from './esm-libs';
import { publicJwk, resolveKey, ResolvedKey, sameKey } from './keys';
import type { TrustedKeyStore, VerificationCheck } from './types';
import { errorMessage, isObject, Json } from './util';

const ALLOWED_ALGS = ['EdDSA', 'Ed25519', 'ES256', 'ES384', 'ES512', 'ES256K', 'RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512'];

export const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/u;

export interface DecodedJws {
  header: JWSHeaderParameters;
  payload: Json;
}

/** Decode a compact JWS whose payload is a JSON object; null when it is not one. */
export function decodeJws(jws: string): DecodedJws | null {
  const parts = jws.split('.');
  if (parts.length !== 3) return null;
  try {
    const header = JSON.parse(Buffer.from(parts[0], 'base64url').toString('utf8')) as unknown;
    const payload = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')) as unknown;
    if (!isObject(header) || !isObject(payload)) return null;
    return { header: header as JWSHeaderParameters, payload };
  } catch {
    return null;
  }
}

export interface JwsSignatureResult {
  checks: VerificationCheck[];
  /** The signature verified with the key found (integrity, whoever controls the key). */
  intact: boolean;
  failed: boolean;
  /** The key that verified, with where it came from and who controls it. */
  key?: ResolvedKey;
}

/**
 * Verify a compact JWS signature offline (integrity only; trust is decided by the caller from `key`):
 * key from the `kid` (did:key, did:jwk, trust store, a `#z6Mk…` fragment), else from the issuer id (did:key,
 * did:jwk, trust store), else the inline `jwk` header. A key controlled by another identity than the issuer,
 * or an inline jwk differing from the resolved key, FAILS.
 * `issuerId` undefined (OB2 assertion with a hosted BadgeClass): the trust store decides who the issuer is.
 */
export async function verifyJwsSignature(
  libs: VerificationLibs,
  jws: string,
  header: JWSHeaderParameters,
  opts: { issuerId?: string; keyId?: string; trustedKeys?: TrustedKeyStore },
): Promise<JwsSignatureResult> {
  const checks: VerificationCheck[] = [];
  const alg = header.alg;
  if (!alg || !ALLOWED_ALGS.includes(alg)) {
    checks.push({ name: 'proof', outcome: 'FAIL', detail: `JWS algorithm ${alg ?? 'none'} not accepted` });
    return { checks, intact: false, failed: true };
  }
  if (header.crit !== undefined) {
    checks.push({ name: 'proof', outcome: 'FAIL', detail: 'JWS critical header parameters are not supported' });
    return { checks, intact: false, failed: true };
  }
  const keyId = opts.keyId ?? (typeof header.kid === 'string' ? header.kid : undefined);
  const inline = isObject(header.jwk) ? publicJwk(header.jwk as JWK) : undefined;

  const resolution = keyId || opts.issuerId ? await resolveKey(libs, opts.trustedKeys, { keyId, issuerId: opts.issuerId }) : null;
  let key: ResolvedKey;
  if (resolution?.ok) {
    if (opts.issuerId && resolution.key.controller !== opts.issuerId) {
      checks.push({
        name: 'issuer-key',
        outcome: 'FAIL',
        detail: `key ${keyId ?? ''} is controlled by ${resolution.key.controller}, not by the issuer ${opts.issuerId}`.replace('  ', ' '),
      });
      return { checks, intact: false, failed: true };
    }
    if (inline && !(await sameKey(libs, inline, resolution.key.jwk))) {
      checks.push({ name: 'issuer-key', outcome: 'FAIL', detail: `inline jwk header differs from the key from ${resolution.key.source}` });
      return { checks, intact: false, failed: true };
    }
    key = resolution.key;
    checks.push({ name: 'issuer-key', outcome: 'PASS', detail: `key from ${key.source}${keyId ? ` (${keyId})` : ''}` });
  } else if (resolution && resolution.outcome === 'FAIL') {
    checks.push({ name: 'issuer-key', outcome: 'FAIL', detail: resolution.detail });
    return { checks, intact: false, failed: true };
  } else if (inline) {
    key = { jwk: inline, controller: opts.issuerId ?? '', source: 'inline-jwk', keyId };
    checks.push({
      name: 'issuer-key',
      outcome: 'PASS',
      detail: `key from inline-jwk (the JWT header)${resolution ? `; ${resolution.detail}` : ''}`,
    });
  } else {
    checks.push({ name: 'issuer-key', outcome: 'UNKNOWN', detail: resolution?.detail ?? 'no kid, jwk or resolvable issuer' });
    checks.push({ name: 'proof', outcome: 'UNKNOWN', detail: 'JWS signature not checked: no public key available offline' });
    return { checks, intact: false, failed: false };
  }

  try {
    const importAlg = alg === 'Ed25519' ? 'Ed25519' : alg;
    const cryptoKey = await libs.jose.importJWK(key.jwk, importAlg);
    await libs.jose.compactVerify(jws, cryptoKey, { algorithms: [alg] });
    checks.push({ name: 'proof', outcome: 'PASS', detail: `JWS ${alg} signature, key from ${key.source}` });
    return { checks, intact: true, failed: false, key };
  } catch (err) {
    checks.push({ name: 'proof', outcome: 'FAIL', detail: `JWS ${alg} signature: ${errorMessage(err)}` });
    return { checks, intact: false, failed: true };
  }
}
