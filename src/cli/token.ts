import 'reflect-metadata';
import { resolveJwtSecret } from '../auth/jwt-secret';
import { isRole } from '../auth/role.enum';
import { DEFAULT_TTL_SECONDS, parseTtl, TokenService } from '../auth/token.service';
import { toAppConfig } from '../config/app-config';
import { loadEnvironment } from '../config/environment';

const USAGE = 'usage: npm run -s token -- --role ADMIN|RECRUITER|ADVISOR|LEARNER --sub <subject> [--candidate <candidate id>] [--ttl 8h]';

function parseArgs(argv: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const m = /^--(role|sub|candidate|ttl)(?:=(.*))?$/.exec(argv[i]);
    if (!m) throw new Error(`unknown argument ${argv[i]}\n${USAGE}`);
    const value = m[2] ?? argv[++i];
    if (value === undefined) throw new Error(`--${m[1]} needs a value\n${USAGE}`);
    out[m[1]] = value;
  }
  return out;
}

/**
 * `npm run token -- --role RECRUITER --sub alice [--candidate <id>] [--ttl 8h]`: prints a bearer
 * token signed with AUTH_JWT_SECRET, or with the key kept in DATA_DIR (the one `npm start` uses).
 */
async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const role = args.role?.toUpperCase();
  if (!isRole(role)) throw new Error(`--role must be ADMIN, RECRUITER, ADVISOR or LEARNER\n${USAGE}`);
  if (!args.sub) throw new Error(`--sub is required\n${USAGE}`);
  if (role === 'LEARNER' && !args.candidate) throw new Error(`a LEARNER token needs --candidate <candidate id>\n${USAGE}`);
  const config = toAppConfig(loadEnvironment());
  const secret = resolveJwtSecret(config);
  if (secret.source === 'memory') throw new Error('DATA_DIR is memory://, so there is no key to share with the server: set AUTH_JWT_SECRET');
  // never longer than the server accepts (AUTH_TOKEN_MAX_TTL, default 24 h)
  const max = config.authTokenMaxTtlSeconds;
  const ttl = args.ttl ? parseTtl(args.ttl, max) : Math.min(DEFAULT_TTL_SECONDS, max);
  const token = await new TokenService(secret.secret, max).sign({ role, sub: args.sub, candidateId: args.candidate ?? null }, ttl);
  process.stdout.write(`${token}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`token: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
