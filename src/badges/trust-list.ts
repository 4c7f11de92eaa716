import type { JWK } from 'jose';
import { EntityManager } from 'typeorm';
import { loadLibs } from './verification/esm-libs';
import { checkPublicJwk, jwkThumbprint, multibaseToJwk } from './verification/keys';
import { TrustedIssuerEntity } from './trusted-issuer.entity';

/** One trust list entry, checked. */
export interface TrustListEntry {
  issuerId: string;
  name: string | null;
  trustedFor: string[];
  publicKeys: JWK[];
}

/** A trust list that cannot be loaded: `path` names the offending part (e.g. `issuers[2].trustedFor`). */
export class TrustListError extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`${path}: ${reason}`);
  }
}

export const MAX_TRUST_LIST_ISSUERS = 10_000;
const ISSUER_ID = /^(did:[a-z0-9]+:\S+|https:\/\/\S+)$/u;

const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : null);

/**
 * Parses a trust list: `{ "issuers": [ { "id", "name"?, "trustedFor": "…" | ["…"], "publicKeys"?: ["z6Mk…" | JWK] } ] }`
 * (or the array alone). `id` is the issuer id credentials name (a DID, did:key / did:jwk included, or an https URL);
 * `trustedFor` the catalogue issuers (credential.issuer) its imports may map onto; `publicKeys` the keys trusted
 * for it (an https or did:web issuer's credentials verify with keys the credential names only when listed here or
 * registered with registerIssuerKey). Throws TrustListError for anything else; ids must be distinct.
 */
export async function parseTrustList(document: string): Promise<TrustListEntry[]> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(document);
  } catch {
    throw new TrustListError('document', 'the trust list must be JSON');
  }
  const list = Array.isArray(parsed) ? parsed : (parsed as { issuers?: unknown } | null)?.issuers;
  if (!Array.isArray(list)) throw new TrustListError('document', 'expected { "issuers": [ … ] } or an array of issuers');
  if (list.length > MAX_TRUST_LIST_ISSUERS) throw new TrustListError('issuers', `at most ${MAX_TRUST_LIST_ISSUERS} issuers`);
  const libs = await loadLibs();
  const seen = new Set<string>();
  const out: TrustListEntry[] = [];
  for (const [i, raw] of list.entries()) {
    const at = `issuers[${i}]`;
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new TrustListError(at, 'each issuer must be an object');
    const entry = raw as Record<string, unknown>;
    const issuerId = text(entry.id);
    if (!issuerId || issuerId.length > 2000 || !ISSUER_ID.test(issuerId)) throw new TrustListError(`${at}.id`, 'must be a DID or an https URL');
    if (seen.has(issuerId)) throw new TrustListError(`${at}.id`, `${issuerId} is listed twice`);
    seen.add(issuerId);
    const forRaw = typeof entry.trustedFor === 'string' ? [entry.trustedFor] : entry.trustedFor;
    if (!Array.isArray(forRaw) || forRaw.length === 0 || forRaw.some((v) => !text(v))) {
      throw new TrustListError(`${at}.trustedFor`, 'must name the catalogue issuer(s) it is trusted for (a non-empty string or list of strings)');
    }
    const keysRaw = entry.publicKeys ?? [];
    if (!Array.isArray(keysRaw)) throw new TrustListError(`${at}.publicKeys`, 'must be a list of Multikeys (z6Mk…) or public JWKs');
    const publicKeys: JWK[] = [];
    for (const [k, key] of keysRaw.entries()) {
      const jwk = typeof key === 'string' ? await multibaseToJwk(libs, key) : key;
      const checked = checkPublicJwk(jwk);
      if (!checked.ok) throw new TrustListError(`${at}.publicKeys[${k}]`, typeof key === 'string' ? 'is not an Ed25519 Multikey (z6Mk…)' : `the key ${checked.reason}`);
      if (!publicKeys.some((p) => jwkThumbprint(p) === jwkThumbprint(checked.jwk))) publicKeys.push(checked.jwk);
    }
    out.push({ issuerId, name: text(entry.name), trustedFor: [...new Set(forRaw.map((v) => text(v)!))], publicKeys });
  }
  return out;
}

/** Replaces the whole trust list (in the caller's transaction); returns how many entries are loaded and how many went. */
export async function replaceTrustList(manager: EntityManager, entries: readonly TrustListEntry[], loadedBy: string | null): Promise<{ loaded: number; removed: number }> {
  const before: { issuer_id: string }[] = await manager.query(`SELECT issuer_id FROM trusted_issuer`);
  const keep = new Set(entries.map((e) => e.issuerId));
  await manager.query(`DELETE FROM trusted_issuer`);
  for (const e of entries) {
    await manager.query(
      `INSERT INTO trusted_issuer (issuer_id, name, trusted_for, public_keys, loaded_by) VALUES ($1, $2, $3::text[], $4::jsonb, $5)`,
      [e.issuerId, e.name, e.trustedFor, JSON.stringify(e.publicKeys), loadedBy],
    );
  }
  return { loaded: entries.length, removed: before.filter((r) => !keep.has(r.issuer_id)).length };
}

export function listTrustedIssuers(manager: EntityManager): Promise<TrustedIssuerEntity[]> {
  return manager.find(TrustedIssuerEntity, { order: { issuerId: 'ASC' } });
}
