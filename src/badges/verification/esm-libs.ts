import type * as Jose from 'jose';
import { NetworkFetchRefusedError } from './network-fetch-refused.error';
import { importEsm } from './esm-import';

/**
 * The ESM-only libraries, loaded once per process through a real `import()`
 * (see esm-import.ts). The @digitalbazaar packages ship no TypeScript types,
 * so they are typed loosely here and wrapped by this folder's own functions.
 */
export interface VerificationLibs {
  vc: any;
  DataIntegrityProof: any;
  eddsaRdfc2022Cryptosuite: any;
  Ed25519Signature2020: any;
  Ed25519Multikey: any;
  didKeyDriver: any;
  jose: typeof Jose;
}

let loading: Promise<VerificationLibs> | null = null;

export function loadLibs(): Promise<VerificationLibs> {
  loading ??= (async () => {
    // Sequential on purpose: jest's ESM loader (vm modules) can fail on concurrent dynamic imports that share
    // dependencies ("request for 'base64url-universal' is not in cache").
    const vc = await importEsm<any>('@digitalbazaar/vc');
    const di = await importEsm<any>('@digitalbazaar/data-integrity');
    const eddsa = await importEsm<any>('@digitalbazaar/eddsa-rdfc-2022-cryptosuite');
    const ed2020 = await importEsm<any>('@digitalbazaar/ed25519-signature-2020');
    const multikey = await importEsm<any>('@digitalbazaar/ed25519-multikey');
    const didKey = await importEsm<any>('@digitalbazaar/did-method-key');
    const jose = await importEsm<typeof Jose>('jose');
    // Defence in depth: jsonld's own default loader (used when a caller forgets to pass one) fetches over
    // HTTP in node. Every call here passes our offline loader, but make the default refuse as well.
    const jsonldNs = await importEsm<any>('jsonld');
    const jsonld = jsonldNs.default ?? jsonldNs;
    jsonld.documentLoader = (url: string) => Promise.reject(new NetworkFetchRefusedError(url));
    const didKeyDriver = didKey.driver();
    didKeyDriver.use({ multibaseMultikeyHeader: 'z6Mk', fromMultibase: multikey.from });
    return {
      vc,
      DataIntegrityProof: di.DataIntegrityProof,
      eddsaRdfc2022Cryptosuite: eddsa.cryptosuite,
      Ed25519Signature2020: ed2020.Ed25519Signature2020,
      Ed25519Multikey: multikey,
      didKeyDriver,
      jose,
    };
  })().catch((err: unknown) => {
    loading = null;
    throw err;
  });
  return loading;
}
