import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppConfig } from '../config/app-config';

export const SECRET_FILE_NAME = 'auth-jwt-secret';
export const MIN_SECRET_LENGTH = 32;

export interface ResolvedSecret {
  secret: string;
  /** environment: AUTH_JWT_SECRET; file: generated once into DATA_DIR; memory: DATA_DIR is memory:// (lost at exit) */
  source: 'environment' | 'file' | 'memory';
  file?: string;
}

function generate(): string {
  return randomBytes(48).toString('base64url');
}

/**
 * The HS256 key of the bearer tokens: AUTH_JWT_SECRET when set; in production it must be (the
 * environment check refuses to boot without it). Otherwise a random secret generated once into
 * `DATA_DIR/auth-jwt-secret` (mode 600) and reused by later starts and by `npm run token`.
 */
export function resolveJwtSecret(config: Pick<AppConfig, 'authJwtSecret' | 'nodeEnv' | 'dataDir'>): ResolvedSecret {
  if (config.authJwtSecret) return { secret: config.authJwtSecret, source: 'environment' };
  if (config.nodeEnv === 'production') throw new Error('AUTH_JWT_SECRET must be set when NODE_ENV=production');
  if (config.dataDir.startsWith('memory://')) return { secret: generate(), source: 'memory' };
  const file = join(config.dataDir, SECRET_FILE_NAME);
  const existing = readSecretFile(file);
  if (existing) return { secret: existing, source: 'file', file };
  mkdirSync(config.dataDir, { recursive: true });
  try {
    writeFileSync(file, `${generate()}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const created = readSecretFile(file);
  if (!created) throw new Error(`${file} does not hold a secret of at least ${MIN_SECRET_LENGTH} characters`);
  return { secret: created, source: 'file', file };
}

function readSecretFile(file: string): string | null {
  let text: string;
  try {
    text = readFileSync(file, 'utf8').trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  if (text.length < MIN_SECRET_LENGTH) throw new Error(`${file} does not hold a secret of at least ${MIN_SECRET_LENGTH} characters`);
  // keep it private even if it was copied around with looser permissions
  if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
  return text;
}
