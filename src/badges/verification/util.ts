import { createHash } from 'node:crypto';

export type Json = Record<string, unknown>;

export function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function asArray<T = unknown>(v: unknown): T[] {
  if (v === undefined || v === null) return [];
  return (Array.isArray(v) ? v : [v]) as T[];
}

export function str(v: unknown): string | undefined {
  return typeof v === 'string' && v.length > 0 ? v : undefined;
}

/** `id` of a node that may be a plain IRI string or an object with `id`. */
export function idOf(v: unknown): string | undefined {
  if (typeof v === 'string') return v || undefined;
  if (isObject(v)) return str(v.id);
  return undefined;
}

export function typesOf(v: unknown): string[] {
  if (!isObject(v)) return [];
  return asArray(v.type ?? v['@type']).filter((t): t is string => typeof t === 'string');
}

/** A date from an ISO 8601 string (or seconds since epoch for JWT claims); null when absent or unparseable. */
export function parseDate(v: unknown): Date | null {
  if (typeof v === 'number' && Number.isFinite(v)) return new Date(v * 1000);
  if (typeof v !== 'string' || v.trim() === '') return null;
  const d = new Date(v);
  return Number.isNaN(d.getTime()) ? null : d;
}

/**
 * Deterministic JSON: object keys sorted (by UTF-16 code units, as RFC 8785), no whitespace.
 * Used only to hash inputs for idempotent import, so two copies of a credential that differ
 * only in key order or formatting get the same hash.
 */
export function canonicalJson(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v) ?? 'null';
  if (Array.isArray(v)) return `[${v.map((x) => (x === undefined ? 'null' : canonicalJson(x))).join(',')}]`;
  const keys = Object.keys(v).filter((k) => (v as Json)[k] !== undefined).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson((v as Json)[k])}`).join(',')}}`;
}

export function sha256Hex(s: string | Buffer): string {
  return createHash('sha256').update(s).digest('hex');
}

export function errorMessage(err: unknown): string {
  if (err instanceof Error) return err.message;
  return String(err);
}
