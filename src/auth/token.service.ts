import type * as Jose from 'jose';
import { importEsm } from '../badges/verification/esm-import';
import { isUuid } from '../common/loaders/group-by';
import { AuthenticationError } from './authentication.error';
import { Principal } from './principal';
import { isRole, Role } from './role.enum';

export interface TokenClaims {
  sub: string;
  role: Role;
  candidateId?: string | null;
}

export const ALGORITHM = 'HS256';
export const MAX_TOKEN_LENGTH = 4096;
export const DEFAULT_TTL_SECONDS = 8 * 3600;
/** Longest lifetime (exp − iat) a token may have unless AUTH_TOKEN_MAX_TTL says otherwise. */
export const DEFAULT_MAX_TTL_SECONDS = 24 * 3600;

/** `8h`, `30m`, `2d`, `90s` or plain seconds, at most `maxSeconds` (default 366 days). */
export function parseTtl(text: string, maxSeconds = 366 * 86400): number {
  const m = /^(\d+)\s*([smhd]?)$/.exec(text.trim());
  if (!m) throw new Error(`ttl must look like 90s, 30m, 8h or 2d (got "${text}")`);
  const seconds = Number(m[1]) * { '': 1, s: 1, m: 60, h: 3600, d: 86400 }[m[2] as '' | 's' | 'm' | 'h' | 'd'];
  if (seconds < 1 || seconds > maxSeconds) throw new Error(`ttl must be between 1 second and ${formatSeconds(maxSeconds)}`);
  return seconds;
}

/** 86400 → `24 h`, 90 → `90 s`. */
export function formatSeconds(seconds: number): string {
  if (seconds % 3600 === 0) return `${seconds / 3600} h`;
  if (seconds % 60 === 0) return `${seconds / 60} min`;
  return `${seconds} s`;
}

const JOSE_MESSAGES: Record<string, string> = {
  ERR_JWT_EXPIRED: 'Token expired',
  ERR_JWS_SIGNATURE_VERIFICATION_FAILED: 'Token signature is not valid',
  ERR_JOSE_ALG_NOT_ALLOWED: `Token algorithm not allowed (${ALGORITHM} only)`,
  ERR_JOSE_NOT_SUPPORTED: `Token algorithm not allowed (${ALGORITHM} only)`,
};

/**
 * Signs and verifies the HS256 bearer tokens (claims `sub`, `role`, `candidateId` for a learner,
 * `exp` required, a lifetime of at most `maxTtlSeconds`: exp − iat, and exp − now whether or not
 * iat is given, so neither a far `exp` nor a future `iat` makes a long-lived token). jose is
 * ESM-only, so it is loaded with a real dynamic import.
 */
export class TokenService {
  private readonly key: Uint8Array;
  private jose?: Promise<typeof Jose>;

  constructor(
    secret: string,
    readonly maxTtlSeconds = DEFAULT_MAX_TTL_SECONDS,
  ) {
    this.key = new TextEncoder().encode(secret);
  }

  private lib(): Promise<typeof Jose> {
    this.jose ??= importEsm<typeof Jose>('jose');
    return this.jose;
  }

  async sign(claims: TokenClaims, ttlSeconds = DEFAULT_TTL_SECONDS): Promise<string> {
    if (!isRole(claims.role)) throw new Error(`role must be one of ADMIN, RECRUITER, ADVISOR, LEARNER (got ${String(claims.role)})`);
    if (!claims.sub || claims.sub.length > 200) throw new Error('sub must be 1 to 200 characters');
    if (claims.role === Role.LEARNER && !(claims.candidateId && isUuid(claims.candidateId))) throw new Error('a LEARNER token needs a candidate id (uuid)');
    if (ttlSeconds > this.maxTtlSeconds) throw new Error(`ttl must be at most ${formatSeconds(this.maxTtlSeconds)} (AUTH_TOKEN_MAX_TTL)`);
    const { SignJWT } = await this.lib();
    return new SignJWT({ role: claims.role, ...(claims.candidateId ? { candidateId: claims.candidateId } : {}) })
      .setProtectedHeader({ alg: ALGORITHM, typ: 'JWT' })
      .setSubject(claims.sub)
      .setIssuedAt()
      .setExpirationTime(Math.floor(Date.now() / 1000) + ttlSeconds)
      .sign(this.key);
  }

  /** The principal of a valid token; AuthenticationError otherwise. */
  async verify(token: string): Promise<Principal> {
    if (token.length > MAX_TOKEN_LENGTH) throw new AuthenticationError('Malformed token');
    const { jwtVerify } = await this.lib();
    let payload: Jose.JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, this.key, { algorithms: [ALGORITHM], requiredClaims: ['sub', 'exp'] }));
    } catch (error) {
      const code = (error as { code?: string }).code ?? '';
      if (code === 'ERR_JWT_CLAIM_VALIDATION_FAILED') throw new AuthenticationError(`Token claim ${String((error as { claim?: string }).claim)} is not valid`);
      throw new AuthenticationError(JOSE_MESSAGES[code] ?? 'Malformed token');
    }
    const lifetime = Math.max(Number(payload.exp) - Math.floor(Date.now() / 1000), typeof payload.iat === 'number' ? Number(payload.exp) - payload.iat : 0);
    if (!(lifetime <= this.maxTtlSeconds)) throw new AuthenticationError(`Token lifetime exceeds the maximum of ${formatSeconds(this.maxTtlSeconds)}`);
    const { sub, role, candidateId } = payload as { sub?: unknown; role?: unknown; candidateId?: unknown };
    if (typeof sub !== 'string' || sub.length === 0 || sub.length > 200) throw new AuthenticationError('Token claim sub is not valid');
    if (!isRole(role)) throw new AuthenticationError('Token claim role is not one of ADMIN, RECRUITER, ADVISOR, LEARNER');
    if (role === Role.LEARNER) {
      if (typeof candidateId !== 'string' || !isUuid(candidateId)) throw new AuthenticationError('A LEARNER token needs a candidateId claim');
      return { sub, role, candidateId: candidateId.toLowerCase() };
    }
    return { sub, role, candidateId: null };
  }

  /** Reads `Authorization: Bearer <token>`. */
  async authenticate(authorization: string | string[] | undefined): Promise<Principal> {
    if (authorization === undefined || authorization === '') throw new AuthenticationError('Missing bearer token: send Authorization: Bearer <token>');
    const header = Array.isArray(authorization) ? authorization.join(',') : authorization;
    const m = /^Bearer\s+([A-Za-z0-9_\-.=]+)\s*$/i.exec(header);
    if (!m) throw new AuthenticationError('Malformed Authorization header: expected Bearer <token>');
    return this.verify(m[1]);
  }
}
