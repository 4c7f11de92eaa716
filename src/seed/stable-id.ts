import { createHash } from 'node:crypto';

/** RFC 4122 URL namespace; every skillstack namespace is derived from it. */
const URL_NAMESPACE = '6ba7b811-9dad-11d1-80b4-00c04fd430c8';

const namespaceCache = new Map<string, Buffer>();

function uuidToBytes(uuid: string): Buffer {
  return Buffer.from(uuid.replace(/-/g, ''), 'hex');
}

function sha1(namespace: Buffer, key: string): Buffer {
  return createHash('sha1').update(namespace).update(key, 'utf8').digest();
}

/** Sets the version (5) and RFC 4122 variant bits in place. */
function stampV5(bytes: Buffer): Buffer {
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  return bytes;
}

function formatUuid(hex: string): string {
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

function namespaceBytes(namespace: string): Buffer {
  let bytes = namespaceCache.get(namespace);
  if (!bytes) {
    bytes = stampV5(sha1(uuidToBytes(URL_NAMESPACE), `urn:skillstack:${namespace}`).subarray(0, 16));
    namespaceCache.set(namespace, bytes);
  }
  return bytes;
}

/** Plain RFC 4122 UUID v5 of `name` under a namespace UUID. */
export function uuidV5(namespaceUuid: string, name: string): string {
  const bytes = stampV5(sha1(uuidToBytes(namespaceUuid), name).subarray(0, 16));
  return formatUuid(bytes.toString('hex'));
}

/**
 * A UUID v5 (RFC 4122, SHA-1) for `key` inside a skillstack `namespace`.
 * The namespace string itself is mapped to a v5 UUID under the URL namespace,
 * so `stableUuid('esco', uri)` is the same on every machine and every run.
 */
export function stableUuid(namespace: string, key: string): string {
  const bytes = stampV5(sha1(namespaceBytes(namespace), key).subarray(0, 16));
  return formatUuid(bytes.toString('hex'));
}

/**
 * A family of v5-shaped UUIDs derived from one SHA-1 digest: member `n`
 * (0 <= n < 2^32) XORs `n` into the last four bytes. Distinct `n` always give
 * distinct ids; different (namespace, key) pairs collide only if their 96
 * remaining hash bits do. Used for bulk child ids (demo evidence, earned
 * credentials) where one hash per id would dominate generation time.
 */
export function stableUuidSequence(namespace: string, key: string): (n: number) => string {
  const bytes = stampV5(sha1(namespaceBytes(namespace), key).subarray(0, 16));
  const head = formatUuid(bytes.toString('hex')).slice(0, 28);
  const tail = bytes.readUInt32BE(12);
  return (n: number): string => {
    if (!Number.isInteger(n) || n < 0 || n > 0xffffffff) {
      throw new RangeError(`stableUuidSequence member out of range: ${n}`);
    }
    return head + ((tail ^ n) >>> 0).toString(16).padStart(8, '0');
  };
}

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

export function isUuid(value: string): boolean {
  return UUID_PATTERN.test(value);
}
