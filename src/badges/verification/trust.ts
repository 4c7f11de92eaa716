import { jwkThumbprint, type ResolvedKey } from './keys';
import type { BadgeVerificationResult, TrustedKeyStore, VerificationCheck } from './types';

export type TrustDecision = BadgeVerificationResult['trust'];

const SELF_CERTIFYING = new Set(['did:key', 'did:jwk']);

/**
 * Is the issuer trusted for the key(s) that verified the credential? Only the ADMIN's trust store says so:
 *  - a key found in the trust store (registered by an ADMIN for this issuer id, or listed for it);
 *  - a did:key / did:jwk issuer on the trust list, for its own key (the DID is the key);
 *  - any other key the credential carries (verification-method fragment, JWT header jwk) only when it is
 *    one registered or listed for the issuer.
 * A did:key / did:jwk nobody listed, or a key the credential brings for itself, is intact but not trusted.
 */
export async function decideTrust(store: TrustedKeyStore | undefined, issuerId: string, keys: readonly ResolvedKey[]): Promise<TrustDecision> {
  const entry = issuerId && store?.issuer ? await store.issuer(issuerId) : null;
  const trustedFor = entry?.trustedFor ?? [];
  if (!issuerId) return { trusted: false, trustedFor: [], detail: 'the credential names no issuer id' };
  const own = keys.filter((k) => k.controller === issuerId);
  if (own.length === 0) return { trusted: false, trustedFor, detail: `no verified key is controlled by the issuer ${issuerId}` };
  const registered = new Set((entry?.keys ?? []).map(jwkThumbprint));
  for (const key of own) {
    if (key.source === 'trust-store') return { trusted: true, by: issuerId, trustedFor, detail: `key registered by an ADMIN for ${issuerId}${key.keyId ? ` (${key.keyId})` : ''}` };
    if (registered.has(jwkThumbprint(key.jwk))) return { trusted: true, by: issuerId, trustedFor, detail: `${key.source} key is one the ADMIN trusts for ${issuerId}` };
    if (entry?.listed && SELF_CERTIFYING.has(key.source)) return { trusted: true, by: issuerId, trustedFor, detail: `${issuerId} is on the ADMIN's trust list` };
  }
  const source = own[0].source;
  const why = SELF_CERTIFYING.has(source)
    ? `${issuerId} is a self-made identity (${source}: anyone can generate one) and is not on the trust list`
    : entry
      ? `the ${source === 'fragment' ? 'key named in the verification method' : 'key the credential carries'} is not one registered or listed for ${issuerId}`
      : `${issuerId} is not in the trust store (registerIssuerKey or the trust list); the ${source === 'fragment' ? 'key named in the verification method' : source === 'inline-jwk' ? 'jwk in the JWT header' : 'key'} proves integrity only`;
  return { trusted: false, trustedFor, detail: why };
}

export function trustCheck(intact: boolean, failed: boolean, decision: TrustDecision): VerificationCheck {
  if (failed) return { name: 'issuer-trust', outcome: 'SKIPPED', detail: 'not judged: the proof does not verify' };
  if (!intact) return { name: 'issuer-trust', outcome: 'SKIPPED', detail: 'not judged: no proof could be checked offline' };
  return { name: 'issuer-trust', outcome: decision.trusted ? 'PASS' : 'FAIL', detail: decision.detail };
}
