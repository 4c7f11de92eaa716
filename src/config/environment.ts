import { plainToInstance } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength, validateSync } from 'class-validator';
import { parseTtl } from '../auth/token.service';
import { ConfigurationError } from './configuration.error';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export const NODE_ENVS = ['development', 'production', 'test'] as const;

/** Environment variables the service reads, validated once at boot. */
export class Environment {
  @IsInt({ message: 'PORT must be an integer between 0 and 65535' })
  @Min(0, { message: 'PORT must be an integer between 0 and 65535' })
  @Max(65535, { message: 'PORT must be an integer between 0 and 65535' })
  PORT = 3000;

  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/\S+$/, { message: 'DATABASE_URL must be a postgres:// or postgresql:// URL' })
  DATABASE_URL?: string;

  /** The owner's connection: migrations and the CLI tools; DATABASE_URL is then the app's own role (default: DATABASE_URL). */
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/\S+$/, { message: 'DATABASE_OWNER_URL must be a postgres:// or postgresql:// URL' })
  DATABASE_OWNER_URL?: string;

  @IsString()
  @MinLength(1, { message: 'DATA_DIR must not be empty' })
  DATA_DIR = '.data';

  @IsIn(LOG_LEVELS, { message: `LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}` })
  LOG_LEVEL: (typeof LOG_LEVELS)[number] = 'info';

  @IsIn(NODE_ENVS, { message: `NODE_ENV must be one of ${NODE_ENVS.join(', ')}` })
  NODE_ENV: (typeof NODE_ENVS)[number] = 'development';

  @IsOptional()
  @IsIn(['true', 'false'], { message: 'SEED_DEMO must be true or false' })
  SEED_DEMO?: string;

  /** HS256 key of the bearer tokens; required in production, else generated once into DATA_DIR. */
  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'AUTH_JWT_SECRET must be at least 32 characters' })
  AUTH_JWT_SECRET?: string;

  /** Longest lifetime a bearer token may have (`90s`, `30m`, `8h`, `2d`); longer ones are refused. */
  @Matches(/^\d+[smhd]?$/, { message: 'AUTH_TOKEN_MAX_TTL must look like 90s, 30m, 24h or 2d' })
  AUTH_TOKEN_MAX_TTL = '24h';

  @IsInt({ message: 'RATE_LIMIT_PER_MINUTE must be an integer of at least 1' })
  @Min(1, { message: 'RATE_LIMIT_PER_MINUTE must be an integer of at least 1' })
  RATE_LIMIT_PER_MINUTE = 600;

  /** HTTP worker processes (node:cluster) sharing PORT; more than 1 needs DATABASE_URL (PGlite has one session). */
  @IsInt({ message: 'WEB_CONCURRENCY must be an integer between 1 and 64' })
  @Min(1, { message: 'WEB_CONCURRENCY must be an integer between 1 and 64' })
  @Max(64, { message: 'WEB_CONCURRENCY must be an integer between 1 and 64' })
  WEB_CONCURRENCY = 1;
}

/** Variables whose values never appear in error messages. */
const SECRET_VARIABLES = new Set(['AUTH_JWT_SECRET', 'DATABASE_OWNER_URL']);
const INTEGER_VARIABLES = new Set(['PORT', 'RATE_LIMIT_PER_MINUTE', 'WEB_CONCURRENCY']);

/** Reads and validates the environment; throws ConfigurationError naming the first bad variable. */
export function loadEnvironment(source: NodeJS.ProcessEnv = process.env): Environment {
  const raw: Record<string, unknown> = {};
  for (const key of ['PORT', 'DATABASE_URL', 'DATABASE_OWNER_URL', 'DATA_DIR', 'LOG_LEVEL', 'NODE_ENV', 'SEED_DEMO', 'AUTH_JWT_SECRET', 'AUTH_TOKEN_MAX_TTL', 'RATE_LIMIT_PER_MINUTE', 'WEB_CONCURRENCY']) {
    const value = source[key];
    if (value === undefined || value === '') continue;
    raw[key] = INTEGER_VARIABLES.has(key) ? (/^\d+$/.test(value) ? Number(value) : value) : value;
  }
  const env = plainToInstance(Environment, raw);
  const errors = validateSync(env, { forbidUnknownValues: false });
  if (errors.length > 0) {
    const first = errors[0];
    const message = Object.values(first.constraints ?? {})[0] ?? `${first.property} is invalid`;
    const got = SECRET_VARIABLES.has(first.property) ? `${String(source[first.property] ?? '').length} characters` : JSON.stringify(source[first.property]);
    throw new ConfigurationError(`Invalid configuration: ${message} (got ${got})`);
  }
  try {
    parseTtl(env.AUTH_TOKEN_MAX_TTL);
  } catch (error) {
    throw new ConfigurationError(`Invalid configuration: AUTH_TOKEN_MAX_TTL ${(error as Error).message.replace(/^ttl /, '')} (got ${JSON.stringify(env.AUTH_TOKEN_MAX_TTL)})`);
  }
  if (env.NODE_ENV === 'production' && !env.AUTH_JWT_SECRET) {
    throw new ConfigurationError('Invalid configuration: AUTH_JWT_SECRET must be set when NODE_ENV=production (at least 32 characters)');
  }
  if (env.WEB_CONCURRENCY > 1 && !env.DATABASE_URL) {
    throw new ConfigurationError(`Invalid configuration: WEB_CONCURRENCY above 1 needs DATABASE_URL (the embedded database has one session) (got ${env.WEB_CONCURRENCY})`);
  }
  return env;
}
