import { parseTtl } from '../auth/token.service';
import { Environment } from './environment';

export const APP_CONFIG = Symbol('APP_CONFIG');

export interface DatabaseConfig {
  kind: 'postgres' | 'pglite';
  url?: string;
  /** DATABASE_OWNER_URL: the owner's connection, for migrations and the CLI tools (default: url) */
  ownerUrl?: string;
  /** PGlite data directory, or `memory://` for an in-memory database. */
  dataDir: string;
}

export interface AppConfig {
  port: number;
  logLevel: Environment['LOG_LEVEL'];
  nodeEnv: Environment['NODE_ENV'];
  dataDir: string;
  database: DatabaseConfig;
  /** Seed the ESCO catalogue and demo data into an empty database at boot. */
  seedDemo: boolean;
  /** AUTH_JWT_SECRET; unset outside production: a random secret kept in DATA_DIR (see src/auth/jwt-secret.ts). */
  authJwtSecret?: string;
  /** AUTH_TOKEN_MAX_TTL in seconds: tokens living longer are refused (UNAUTHENTICATED). */
  authTokenMaxTtlSeconds: number;
  /** GraphQL requests per minute and token (sub). */
  rateLimitPerMinute: number;
  /** HTTP worker processes (WEB_CONCURRENCY); 1: the service runs in this process */
  workers: number;
}

export function toAppConfig(env: Environment): AppConfig {
  return {
    port: env.PORT,
    logLevel: env.LOG_LEVEL,
    nodeEnv: env.NODE_ENV,
    dataDir: env.DATA_DIR,
    database: env.DATABASE_URL
      ? { kind: 'postgres', url: env.DATABASE_URL, ownerUrl: env.DATABASE_OWNER_URL, dataDir: env.DATA_DIR }
      : { kind: 'pglite', dataDir: env.DATA_DIR.startsWith('memory://') ? env.DATA_DIR : `${env.DATA_DIR}/pglite` },
    seedDemo: env.SEED_DEMO !== 'false',
    authJwtSecret: env.AUTH_JWT_SECRET,
    authTokenMaxTtlSeconds: parseTtl(env.AUTH_TOKEN_MAX_TTL),
    rateLimitPerMinute: env.RATE_LIMIT_PER_MINUTE,
    workers: env.WEB_CONCURRENCY,
  };
}

