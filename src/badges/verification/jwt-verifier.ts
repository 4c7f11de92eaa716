import type { JWK, JWSHeaderParameters } from 'jose';
import type { VerificationLibs } from './esm-libs';
import { publicJwk, resolveKey, sameKey } from './keys';
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
  /** Signature valid with a key bound to the issuer. */
  authentic: boolean;
  failed: boolean;
  /** Controller of the key that verified, when bound (may stand in for an unknown issuer, OB2). */
  keyController?: string;
}

/**
 * Verify a compact JWS signature offline and say whether the key belongs to the issuer:
 * key from the `kid` (did:key, did:jwk, else trust store), else from the issuer id (did:key, did:jwk, trust store),
 * else the inline `jwk` header (signature checked, but the key is not bound to the issuer: UNVERIFIED).
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
    checks.push({ name: 'jwt-signature', outcome: 'FAIL', detail: `algorithm ${alg ?? 'none'} not accepted` });
    return { checks, authentic: false, failed: true };
  }
  if (header.crit !== undefined) {
    checks.push({ name: 'jwt-signature', outcome: 'FAIL', detail: 'critical header parameters are not supported' });
    return { checks, authentic: false, failed: true };
  }
  const keyId = opts.keyId ?? (typeof header.kid === 'string' ? header.kid : undefined);
  const inline = isObject(header.jwk) ? publicJwk(header.jwk as JWK) : undefined;

  const resolution = keyId || opts.issuerId ? await resolveKey(libs, opts.trustedKeys, { keyId, issuerId: opts.issuerId }) : null;
  let key: JWK | undefined;
  let bound = false;
  let keyController: string | undefined;
  if (resolution?.ok) {
    keyController = resolution.key.controller;
    if (opts.issuerId && resolution.key.controller !== opts.issuerId) {
      checks.push({
        name: 'issuer-key',
        outcome: 'FAIL',
        detail: `key ${keyId ?? ''} is controlled by ${resolution.key.controller}, not by the issuer ${opts.issuerId}`.replace('  ', ' '),
      });
      return { checks, authentic: false, failed: true };
    }
    if (inline && !(await sameKey(libs, inline, resolution.key.jwk))) {
      checks.push({ name: 'issuer-key', outcome: 'FAIL', detail: 'inline jwk header differs from the issuer key' });
      return { checks, authentic: false, failed: true };
    }
    key = resolution.key.jwk;
    bound = true;
    checks.push({ name: 'issuer-key', outcome: 'PASS', detail: `key from ${resolution.key.source}${keyId ? ` (${keyId})` : ''}` });
  } else if (resolution && resolution.outcome === 'FAIL') {
    checks.push({ name: 'issuer-key', outcome: 'FAIL', detail: resolution.detail });
    return { checks, authentic: false, failed: true };
  } else if (inline) {
    key = inline;
    checks.push({
      name: 'issuer-key',
      outcome: 'UNKNOWN',
      detail: `inline jwk header: signature checkable, but the key is not bound to the issuer${resolution ? ` (${resolution.detail})` : ''}`,
    });
  } else {
    checks.push({ name: 'issuer-key', outcome: 'UNKNOWN', detail: resolution?.detail ?? 'no kid, jwk or resolvable issuer' });
    checks.push({ name: 'jwt-signature', outcome: 'UNKNOWN', detail: 'no public key available offline' });
    return { checks, authentic: false, failed: false };
  }

  try {
    const importAlg = alg === 'Ed25519' ? 'Ed25519' : alg;
    const cryptoKey = await libs.jose.importJWK(key, importAlg);
    await libs.jose.compactVerify(jws, cryptoKey, { algorithms: [alg] });
    checks.push({ name: 'jwt-signature', outcome: 'PASS', detail: alg });
    return { checks, authentic: bound, failed: false, keyController: bound ? keyController : undefined };
  } catch (err) {
    checks.push({ name: 'jwt-signature', outcome: 'FAIL', detail: errorMessage(err) });
    return { checks, authentic: false, failed: true };
  }
}
