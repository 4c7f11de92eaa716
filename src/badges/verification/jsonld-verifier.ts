import type { DocumentLoader } from './document-loader';
import { createDocumentLoader, trustedKeyDocuments } from './document-loader';
import type { VerificationLibs } from './esm-libs';
import { jwkToMultibase, ResolvedKey, resolveKey } from './keys';
import type { TrustedKeyStore, VerificationCheck } from './types';
import { asArray, errorMessage, idOf, isObject, Json, str } from './util';

/** Clock skew large enough (seconds) to switch off @digitalbazaar/vc's own date checks: we report the window ourselves. */
const NO_DATE_CHECKS = 1e13;

export interface JsonLdProofResult {
  checks: VerificationCheck[];
  /** At least one proof verified, and none failed (integrity, whoever controls the keys). */
  intact: boolean;
  /** The keys of the proofs that verified. */
  keys: ResolvedKey[];
  /** Some proof is invalid, or the credential breaks the VC data model. */
  failed: boolean;
}

function proofLabel(proof: Json): string {
  const type = str(proof.type) ?? 'unknown';
  const suite = str(proof.cryptosuite);
  return suite ? `${type}/${suite}` : type;
}

function isSupported(proof: Json): boolean {
  return proof.type === 'Ed25519Signature2020' || (proof.type === 'DataIntegrityProof' && proof.cryptosuite === 'eddsa-rdfc-2022');
}

function flattenErrors(err: unknown): string[] {
  if (!err) return [];
  const e = err as { errors?: unknown[]; message?: string; cause?: unknown; details?: { cause?: unknown } };
  if (Array.isArray(e.errors) && e.errors.length) return e.errors.flatMap(flattenErrors);
  const own = errorMessage(err);
  const cause = e.cause ?? e.details?.cause;
  return cause ? [own, ...flattenErrors(cause)] : [own];
}

function refusedNetwork(messages: string[]): boolean {
  return messages.some((m) => m.includes('network fetch refused'));
}

/**
 * Verify the embedded Data Integrity proofs (eddsa-rdfc-2022) and Ed25519Signature2020 proofs of a
 * JSON-LD credential with @digitalbazaar/vc, offline. Every proof gets its own 'proof' check; the
 * VC data-model rules of the library give the 'vc-data-model' check. Dates are not judged here.
 */
export async function verifyJsonLdProofs(
  libs: VerificationLibs,
  credential: Json,
  opts: { contexts: ReadonlyMap<string, object>; trustedKeys?: TrustedKeyStore },
): Promise<JsonLdProofResult> {
  const checks: VerificationCheck[] = [];
  try {
    libs.vc._checkCredential({ credential, maxClockSkew: NO_DATE_CHECKS });
    checks.push({ name: 'vc-data-model', outcome: 'PASS' });
  } catch (err) {
    checks.push({ name: 'vc-data-model', outcome: 'FAIL', detail: errorMessage(err) });
    return { checks, intact: false, keys: [], failed: true };
  }

  const proofs = asArray(credential.proof).filter(isObject);
  if (proofs.length === 0) {
    checks.push({ name: 'proof', outcome: 'UNKNOWN', detail: 'credential carries no proof (unsigned)' });
    return { checks, intact: false, keys: [], failed: false };
  }

  const issuerId = idOf(credential.issuer) ?? '';
  const documents = new Map<string, object>();
  const toVerify: Json[] = [];
  const proofChecks = new Map<Json, VerificationCheck>();
  const proofKeys = new Map<Json, ResolvedKey>();
  for (const proof of proofs) {
    const label = proofLabel(proof);
    if (!isSupported(proof)) {
      proofChecks.set(proof, { name: 'proof', outcome: 'UNKNOWN', detail: `${label}: proof suite not supported offline` });
      continue;
    }
    const vm = idOf(proof.verificationMethod);
    if (!vm) {
      proofChecks.set(proof, { name: 'proof', outcome: 'FAIL', detail: `${label}: no verificationMethod` });
      continue;
    }
    const resolved = await resolveKey(libs, opts.trustedKeys, { keyId: vm, issuerId });
    if (!resolved.ok) {
      proofChecks.set(proof, { name: 'proof', outcome: resolved.outcome, detail: `${label}: ${resolved.detail}` });
      continue;
    }
    proofKeys.set(proof, resolved.key);
    if (resolved.key.source !== 'did:key' && resolved.key.source !== 'did:jwk') {
      const multibase = await jwkToMultibase(libs, resolved.key.jwk);
      if (!multibase) {
        proofChecks.set(proof, { name: 'proof', outcome: 'UNKNOWN', detail: `${label}: trusted key for ${vm} is not an Ed25519 key` });
        continue;
      }
      for (const [url, doc] of trustedKeyDocuments(vm, resolved.key.controller, multibase)) {
        const existing = documents.get(url) as Json | undefined;
        if (existing && Array.isArray(existing.verificationMethod)) {
          // controller document already built for another key: merge
          const d = doc as Json;
          existing.verificationMethod = [...existing.verificationMethod, ...(d.verificationMethod as unknown[])];
          existing.assertionMethod = [...(existing.assertionMethod as unknown[]), ...(d.assertionMethod as unknown[])];
        } else documents.set(url, doc);
      }
    }
    toVerify.push(proof);
  }

  const verifiedKeys: ResolvedKey[] = [];
  if (toVerify.length > 0) {
    const documentLoader: DocumentLoader = createDocumentLoader(libs, { contexts: opts.contexts, documents });
    const suite = [new libs.DataIntegrityProof({ cryptosuite: libs.eddsaRdfc2022Cryptosuite }), new libs.Ed25519Signature2020()];
    const { proof: _all, ...unsigned } = credential;
    void _all;
    const doc = { ...unsigned, proof: toVerify.length === 1 ? toVerify[0] : toVerify };
    const result = (await libs.vc.verifyCredential({
      credential: doc,
      suite,
      documentLoader,
      checkStatus: () => Promise.resolve({ verified: true }),
      maxClockSkew: NO_DATE_CHECKS,
    })) as { verified: boolean; results?: { proof?: Json; verified: boolean; error?: unknown }[]; error?: unknown };
    const byValue = new Map<unknown, { verified: boolean; error?: unknown }>();
    for (const r of result.results ?? []) {
      if (r.proof) byValue.set(r.proof.proofValue ?? r.proof.jws, r);
    }
    for (const proof of toVerify) {
      const label = proofLabel(proof);
      const r = byValue.get(proof.proofValue ?? proof.jws);
      if (r?.verified) {
        proofChecks.set(proof, { name: 'proof', outcome: 'PASS', detail: `${label} by ${idOf(proof.verificationMethod)}, key from ${proofKeys.get(proof)?.source ?? 'unknown'}` });
        verifiedKeys.push(proofKeys.get(proof)!);
        continue;
      }
      const messages = flattenErrors(r?.error ?? result.error);
      proofChecks.set(proof, {
        name: 'proof',
        outcome: refusedNetwork(messages) ? 'UNKNOWN' : 'FAIL',
        detail: `${label}: ${[...new Set(messages)].join('; ') || 'not verified'}`,
      });
    }
  }

  const ordered = proofs.map((p) => proofChecks.get(p)).filter((c): c is VerificationCheck => !!c);
  checks.push(...ordered);
  const failed = ordered.some((c) => c.outcome === 'FAIL');
  const intact = !failed && ordered.some((c) => c.outcome === 'PASS');
  return { checks, intact, keys: intact ? verifiedKeys.filter(Boolean) : [], failed };
}
