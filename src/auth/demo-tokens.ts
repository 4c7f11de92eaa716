import { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { DEMO_LEARNER_ID } from '../seed/demo-identities';
import { resolveJwtSecret } from './jwt-secret';
import { Role, ROLES } from './role.enum';
import { formatSeconds, TokenService } from './token.service';

export const DEMO_TOKEN_TTL_SECONDS = 12 * 3600;

export interface DemoToken {
  role: Role;
  sub: string;
  candidate?: { id: string; name: string };
  token: string;
}

/**
 * One token per role for trying the API locally: the LEARNER's is for the README's demo learner
 * (or, when that candidate is gone, the first discoverable one by name); the ADVISOR (sub
 * demo-advisor) is the one the seed assigns to the demo learners.
 */
export async function demoTokens(app: INestApplication): Promise<DemoToken[]> {
  const tokens = app.get(TokenService);
  const [learner]: { id: string; name: string }[] = await app
    .get(DataSource)
    .query('SELECT id, name FROM candidate WHERE id = $1 OR discoverable ORDER BY (id = $1) DESC, name, id LIMIT 1', [DEMO_LEARNER_ID]);
  const out: DemoToken[] = [];
  for (const role of ROLES) {
    const sub = `demo-${role.toLowerCase()}`;
    if (role === Role.LEARNER && !learner) continue;
    const candidate = role === Role.LEARNER ? learner : undefined;
    out.push({ role, sub, candidate, token: await tokens.sign({ role, sub, candidateId: candidate?.id ?? null }, Math.min(DEMO_TOKEN_TTL_SECONDS, tokens.maxTtlSeconds)) });
  }
  return out;
}

/** The text `npm start` prints when AUTH_JWT_SECRET is unset (never in production). */
export async function demoTokensText(app: INestApplication, config: AppConfig): Promise<string> {
  const secret = resolveJwtSecret(config);
  const where = secret.source === 'file' ? `kept in ${secret.file}` : 'in memory only (DATA_DIR is memory://)';
  const lines = [
    `AUTH_JWT_SECRET is not set: tokens are signed with a generated key ${where}. Demo tokens, valid ${formatSeconds(Math.min(DEMO_TOKEN_TTL_SECONDS, app.get(TokenService).maxTtlSeconds))} (send as "Authorization: Bearer <token>"; mint more with npm run token):`,
  ];
  for (const t of await demoTokens(app)) {
    const who = t.candidate ? `${t.sub}, candidate ${t.candidate.name} ${t.candidate.id}` : t.sub;
    lines.push(`  ${t.role.padEnd(9)} (${who})`, `    ${t.token}`);
  }
  return `${lines.join('\n')}\n`;
}
