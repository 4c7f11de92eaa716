import { NetworkFetchRefusedError } from './network-fetch-refused.error';
import type { VerificationLibs } from './esm-libs';
import { decodeDidJwk, jwkToMultibase } from './keys';

export interface RemoteDocument {
  contextUrl: null;
  documentUrl: string;
  document: object;
}

export type DocumentLoader = (url: string) => Promise<RemoteDocument>;

const DID_V1 = 'https://www.w3.org/ns/did/v1';
const MULTIKEY_V1 = 'https://w3id.org/security/multikey/v1';

/**
 * JSON-LD document loader that never touches the network:
 *  - contexts: the bundled map (plus any extra contexts given to the verifier);
 *  - did:key: resolved by @digitalbazaar/did-method-key (Ed25519);
 *  - did:jwk: a DID document synthesised from the embedded JWK (Ed25519 keys as Multikey);
 *  - `documents`: verification-method / controller documents built for this verification from the trust store;
 *  - anything else: throws NetworkFetchRefusedError ("network fetch refused: <url>").
 */
export function createDocumentLoader(
  libs: VerificationLibs,
  opts: { contexts: ReadonlyMap<string, object>; documents?: ReadonlyMap<string, object> },
): DocumentLoader {
  return async (url: string): Promise<RemoteDocument> => {
    const doc = opts.contexts.get(url) ?? opts.documents?.get(url);
    if (doc) return { contextUrl: null, documentUrl: url, document: doc };
    if (url.startsWith('did:key:')) {
      try {
        const document = (await libs.didKeyDriver.get({ url })) as object;
        return { contextUrl: null, documentUrl: url, document };
      } catch (err) {
        throw new Error(`cannot resolve ${url}: ${(err as Error).message}`);
      }
    }
    if (url.startsWith('did:jwk:')) {
      const document = await didJwkDocument(libs, url);
      if (document) return { contextUrl: null, documentUrl: url, document };
      throw new Error(`cannot resolve ${url}: not an Ed25519 did:jwk usable for Data Integrity proofs`);
    }
    throw new NetworkFetchRefusedError(url);
  };
}

/** DID document (or its single verification method `#0`) for an Ed25519 did:jwk, as Multikey. */
export async function didJwkDocument(libs: VerificationLibs, url: string): Promise<object | null> {
  const [did, fragment] = url.split('#', 2);
  const jwk = decodeDidJwk(did);
  if (!jwk) return null;
  const publicKeyMultibase = await jwkToMultibase(libs, jwk);
  if (!publicKeyMultibase) return null;
  const vmId = `${did}#0`;
  const vm = { id: vmId, type: 'Multikey', controller: did, publicKeyMultibase };
  if (fragment !== undefined) {
    return fragment === '0' ? { '@context': MULTIKEY_V1, ...vm } : null;
  }
  return {
    '@context': [DID_V1, MULTIKEY_V1],
    id: did,
    verificationMethod: [vm],
    assertionMethod: [vmId],
    authentication: [vmId],
  };
}

/** Verification-method and controller documents for a trust-store key (served by the loader above). */
export function trustedKeyDocuments(vmId: string, controller: string, publicKeyMultibase: string): Map<string, object> {
  const vm = { id: vmId, type: 'Multikey', controller, publicKeyMultibase };
  return new Map<string, object>([
    [vmId, { '@context': MULTIKEY_V1, ...vm }],
    [controller, { '@context': [DID_V1, MULTIKEY_V1], id: controller, verificationMethod: [vm], assertionMethod: [vmId] }],
  ]);
}
