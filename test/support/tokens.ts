import { createHmac } from 'node:crypto';
import { TEST_JWT_SECRET } from './test-app';

const b64url = (v: unknown) => Buffer.from(typeof v === 'string' ? v : JSON.stringify(v)).toString('base64url');
const now = () => Math.floor(Date.now() / 1000);

/** A hand-made JWT: any header and payload, HMAC-signed (HS256/HS384/HS512) with `secret`, or unsigned for alg none. */
export function craftToken(payload: Record<string, unknown>, options: { alg?: string; secret?: string; header?: Record<string, unknown> } = {}): string {
  const alg = options.alg ?? 'HS256';
  const header = { alg, typ: 'JWT', ...(options.header ?? {}) };
  const input = `${b64url(header)}.${b64url(payload)}`;
  if (alg === 'none') return `${input}.`;
  const hash = { HS256: 'sha256', HS384: 'sha384', HS512: 'sha512' }[alg];
  if (!hash) throw new Error(`craftToken: unsupported alg ${alg}`);
  return `${input}.${createHmac(hash, options.secret ?? TEST_JWT_SECRET).update(input).digest('base64url')}`;
}

/** Claims of a valid token for an hour, plus overrides (undefined removes a claim). */
export function claims(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const base: Record<string, unknown> = { sub: 'crafted', role: 'ADMIN', iat: now(), exp: now() + 3600, ...overrides };
  for (const [k, v] of Object.entries(base)) if (v === undefined) delete base[k];
  return base;
}
