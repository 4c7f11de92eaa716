import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { resolveJwtSecret, SECRET_FILE_NAME } from '../auth/jwt-secret';
import { isRole } from '../auth/role.enum';
import { DEFAULT_TTL_SECONDS, parseTtl, TokenService } from '../auth/token.service';
import { toAppConfig } from '../config/app-config';
import { loadEnvironment } from '../config/environment';
import { lookUpCandidate } from './token-candidate-check';

const USAGE =
  'usage: npm run -s token -- --role ADMIN|RECRUITER|ADVISOR|LEARNER --sub <subject> [--candidate <candidate id>] [--ttl 8h] [--new-secret]';

function parseArgs(argv: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--new-secret') {
      out['new-secret'] = 'true';
      continue;
    }
    const m = /^--(role|sub|candidate|ttl)(?:=(.*))?$/.exec(argv[i]);
    if (!m) throw new Error(`unknown argument ${argv[i]}\n${USAGE}`);
    const value = m[2] ?? argv[++i];
    if (value === undefined) throw new Error(`--${m[1]} needs a value\n${USAGE}`);
    out[m[1]] = value;
  }
  return out;
}

/**
 * `npm run -s token -- --role RECRUITER --sub alice [--candidate <id>] [--ttl 8h]`: prints a bearer
 * token signed with AUTH_JWT_SECRET, or with the key the server keeps in DATA_DIR (the same
 * environment variables as `npm start`), and says on stderr which key it used. It never creates
 * a key silently (--new-secret does, for a DATA_DIR the server has not used yet), and a LEARNER
 * token is only minted for a candidate that exists.
 */
export async function runTokenCommand(argv: string[], env: Record<string, string | undefined>, say: (line: string) => void): Promise<string> {
  const args = parseArgs(argv);
  const role = args.role?.toUpperCase();
  if (!isRole(role)) throw new Error(`--role must be ADMIN, RECRUITER, ADVISOR or LEARNER\n${USAGE}`);
  if (!args.sub) throw new Error(`--sub is required\n${USAGE}`);
  if (role === 'LEARNER' && !args.candidate) throw new Error(`a LEARNER token needs --candidate <candidate id>\n${USAGE}`);
  const config = toAppConfig(loadEnvironment(env));
  if (!config.authJwtSecret) {
    if (config.dataDir.startsWith('memory://')) throw new Error('DATA_DIR is memory://, so there is no key to share with the server: set AUTH_JWT_SECRET');
    const file = resolve(join(config.dataDir, SECRET_FILE_NAME));
    if (!existsSync(file) && !args['new-secret']) {
      throw new Error(
        `no key at ${file} (DATA_DIR=${config.dataDir}): the server creates it on its first start, so start it once with this DATA_DIR (npm start), run this with the server's DATA_DIR or AUTH_JWT_SECRET, or pass --new-secret to create the key now`,
      );
    }
  }
  const secret = resolveJwtSecret(config);
  say(secret.source === 'environment' ? 'signed with AUTH_JWT_SECRET' : `signed with the key in ${resolve(secret.file!)} (DATA_DIR=${config.dataDir})`);
  if (args.candidate) {
    const found = await lookUpCandidate(config, secret.secret, args.candidate);
    if (found.name === null) throw new Error(`there is no candidate ${args.candidate} (looked up in ${found.via})`);
    say(`for candidate ${found.name} (${args.candidate}, found in ${found.via})`);
  }
  // never longer than the server accepts (AUTH_TOKEN_MAX_TTL, default 24 h)
  const max = config.authTokenMaxTtlSeconds;
  const ttl = args.ttl ? parseTtl(args.ttl, max) : Math.min(DEFAULT_TTL_SECONDS, max);
  return new TokenService(secret.secret, max).sign({ role, sub: args.sub, candidateId: args.candidate ?? null }, ttl);
}
