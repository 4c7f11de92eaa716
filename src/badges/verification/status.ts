import { gunzipSync } from 'node:zlib';
import type { StatusListStore, VerificationCheck } from './types';
import { asArray, idOf, isObject, Json, parseDate, str, typesOf } from './util';

/** What the verifier found out about a status list credential handed over by the StatusListStore. */
export interface VerifiedStatusList {
  ok: boolean;
  /** Why it cannot be used (signature invalid or unknown, wrong issuer, expired …). */
  detail?: string;
  /** The status list credential (decoded JWT payload credential or JSON-LD document). */
  credential?: Json;
  issuerId?: string;
}

export type StatusListVerifier = (raw: unknown) => Promise<VerifiedStatusList>;

export interface StatusOutcome {
  check: VerificationCheck;
  /** A known status says revoked or suspended. */
  revoked: boolean;
}

const LIST_ENTRY_TYPES = new Set(['BitstringStatusListEntry', 'StatusList2021Entry']);

function decodeBitstring(encodedList: string): Buffer {
  // Bitstring Status List: multibase base64url ('u' prefix); StatusList2021: plain base64url. Both gzip ("H4sI…").
  const b64 = encodedList.startsWith('uH4sI') ? encodedList.slice(1) : encodedList;
  return gunzipSync(Buffer.from(b64, 'base64url'));
}

/** Bit `index` of the list, the left-most bit of the first byte being index 0. */
export function bitAt(bits: Buffer, index: number): boolean | null {
  const byte = Math.floor(index / 8);
  if (!Number.isInteger(index) || index < 0 || byte >= bits.length) return null;
  return ((bits[byte] >> (7 - (index % 8))) & 1) === 1;
}

async function checkListEntry(
  entry: Json,
  issuerId: string,
  store: StatusListStore | undefined,
  verifyList: StatusListVerifier,
  now: Date,
): Promise<{ outcome: 'PASS' | 'FAIL' | 'UNKNOWN'; detail: string }> {
  const url = str(entry.statusListCredential);
  const index = Number(entry.statusListIndex);
  const purpose = str(entry.statusPurpose) ?? 'revocation';
  if (!url || !Number.isInteger(index) || index < 0) {
    return { outcome: 'UNKNOWN', detail: 'status entry lacks statusListCredential or a valid statusListIndex' };
  }
  const statusSize = entry.statusSize === undefined ? 1 : Number(entry.statusSize);
  if (statusSize !== 1) return { outcome: 'UNKNOWN', detail: `status entries of statusSize ${String(entry.statusSize)} are not supported` };
  const raw = store ? await store.lookup(url) : null;
  if (raw === null || raw === undefined) {
    return { outcome: 'UNKNOWN', detail: `${purpose} status list ${url} is on the web and is not fetched offline; status unknown` };
  }
  const list = await verifyList(raw);
  if (!list.ok || !list.credential) return { outcome: 'UNKNOWN', detail: `status list ${url} unusable: ${list.detail ?? 'not verified'}` };
  if (list.issuerId !== issuerId) {
    return { outcome: 'UNKNOWN', detail: `status list ${url} was issued by ${list.issuerId ?? 'unknown'}, not by the credential issuer` };
  }
  const listUntil = parseDate(list.credential.validUntil) ?? parseDate(list.credential.expirationDate);
  if (listUntil && now.getTime() > listUntil.getTime()) return { outcome: 'UNKNOWN', detail: `status list ${url} expired ${listUntil.toISOString()}` };
  const subject = asArray(list.credential.credentialSubject).find(isObject);
  const encoded = str(subject?.encodedList);
  if (!subject || !encoded) return { outcome: 'UNKNOWN', detail: `status list ${url} has no encodedList` };
  const listPurposes = asArray(subject.statusPurpose).filter((p): p is string => typeof p === 'string');
  if (listPurposes.length && !listPurposes.includes(purpose)) {
    return { outcome: 'UNKNOWN', detail: `status list ${url} is for ${listPurposes.join('/')}, not ${purpose}` };
  }
  let bit: boolean | null;
  try {
    bit = bitAt(decodeBitstring(encoded), index);
  } catch {
    return { outcome: 'UNKNOWN', detail: `status list ${url}: encodedList is not a gzip'd base64url bitstring` };
  }
  if (bit === null) return { outcome: 'UNKNOWN', detail: `status list ${url}: index ${index} out of range` };
  if (bit) return { outcome: 'FAIL', detail: `${purpose === 'suspension' ? 'suspended' : 'revoked'} (${purpose} list ${url}, index ${index})` };
  return { outcome: 'PASS', detail: `not ${purpose === 'suspension' ? 'suspended' : 'revoked'} (${purpose} list ${url}, index ${index})` };
}

function combine(parts: { outcome: 'PASS' | 'FAIL' | 'UNKNOWN'; detail: string }[]): StatusOutcome {
  const detail = parts.map((p) => p.detail).join('; ');
  if (parts.some((p) => p.outcome === 'FAIL')) return { check: { name: 'credential-status', outcome: 'FAIL', detail }, revoked: true };
  if (parts.some((p) => p.outcome === 'UNKNOWN')) return { check: { name: 'credential-status', outcome: 'UNKNOWN', detail }, revoked: false };
  return { check: { name: 'credential-status', outcome: 'PASS', detail }, revoked: false };
}

/** Status of an OB3 / VC credential from its `credentialStatus` entries. */
export async function vcStatus(
  credential: Json,
  issuerId: string,
  opts: { store?: StatusListStore; verifyList: StatusListVerifier; now: Date },
): Promise<StatusOutcome> {
  const entries = asArray(credential.credentialStatus).filter(isObject);
  if (entries.length === 0) return { check: { name: 'credential-status', outcome: 'SKIPPED', detail: 'credential declares no status' }, revoked: false };
  const parts: { outcome: 'PASS' | 'FAIL' | 'UNKNOWN'; detail: string }[] = [];
  for (const entry of entries) {
    const type = typesOf(entry).find((t) => LIST_ENTRY_TYPES.has(t));
    if (!type) {
      parts.push({ outcome: 'UNKNOWN', detail: `status type ${typesOf(entry).join('/') || 'unspecified'} cannot be checked offline` });
      continue;
    }
    parts.push(await checkListEntry(entry, issuerId, opts.store, opts.verifyList, opts.now));
  }
  return combine(parts);
}

/** Status of an OB2 assertion from the issuer's RevocationList, when the StatusListStore knows it. */
export async function ob2Status(assertion: Json, opts: { store?: StatusListStore }): Promise<StatusOutcome> {
  const badge = isObject(assertion.badge) ? assertion.badge : undefined;
  const issuer = isObject(badge?.issuer) ? badge.issuer : undefined;
  if (assertion.revoked === true) return { check: { name: 'credential-status', outcome: 'FAIL', detail: 'assertion marked revoked' }, revoked: true };
  const listUrl = issuer ? idOf(issuer.revocationList) : undefined;
  if (!listUrl) {
    return {
      check: {
        name: 'credential-status',
        outcome: 'UNKNOWN',
        detail: issuer ? 'issuer profile names no revocation list' : 'issuer profile is hosted; its revocation list is not fetched offline',
      },
      revoked: false,
    };
  }
  const raw = opts.store ? await opts.store.lookup(listUrl) : null;
  let list: unknown = raw;
  if (typeof raw === 'string') {
    try {
      list = JSON.parse(raw);
    } catch {
      list = null;
    }
  }
  if (!isObject(list)) {
    return { check: { name: 'credential-status', outcome: 'UNKNOWN', detail: `revocation list ${listUrl} is not fetched offline; status unknown` }, revoked: false };
  }
  const id = str(assertion.id);
  const uid = str(assertion.uid);
  const hit = asArray(list.revokedAssertions).find((r) => {
    const rid = idOf(r);
    return (rid !== undefined && (rid === id || rid === uid)) || (isObject(r) && uid !== undefined && r.uid === uid);
  });
  if (hit) {
    const reason = isObject(hit) ? str(hit.revocationReason) : undefined;
    return { check: { name: 'credential-status', outcome: 'FAIL', detail: `revoked (revocation list ${listUrl}${reason ? `: ${reason}` : ''})` }, revoked: true };
  }
  return { check: { name: 'credential-status', outcome: 'PASS', detail: `not on revocation list ${listUrl}` }, revoked: false };
}
