/* eslint-disable @typescript-eslint/no-explicit-any */
import type * as Jose from 'jose';
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
    const [vc, di, eddsa, ed2020, multikey, didKey, jose] = await Promise.all([
      importEsm<any>('@digitalbazaar/vc'),
      importEsm<any>('@digitalbazaar/data-integrity'),
      importEsm<any>('@digitalbazaar/eddsa-rdfc-2022-cryptosuite'),
      importEsm<any>('@digitalbazaar/ed25519-signature-2020'),
      importEsm<any>('@digitalbazaar/ed25519-multikey'),
      importEsm<any>('@digitalbazaar/did-method-key'),
      importEsm<typeof Jose>('jose'),
    ]);
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
