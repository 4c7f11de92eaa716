import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Role } from '../auth/role.enum';
import { TokenService } from '../auth/token.service';
import { AppConfig } from '../config/app-config';

export interface CandidateLookup {
  /** the candidate's name, or null when there is no such candidate */
  name: string | null;
  /** where it was looked up, for the message */
  via: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Looks a candidate up before a LEARNER token is minted for them: through the running server on
 * PORT when there is one (with a 30-second ADMIN token signed with the same key, which also
 * proves the server accepts this key), else in the database directly (DATABASE_URL, or the
 * embedded database in DATA_DIR when no server holds it).
 */
export async function lookUpCandidate(config: AppConfig, secret: string, candidateId: string): Promise<CandidateLookup> {
  if (!UUID.test(candidateId)) throw new Error(`--candidate must be a candidate id (a UUID), got "${candidateId}"`);
  const url = `http://127.0.0.1:${config.port}/graphql`;
  let response: Response | null = null;
  try {
    const admin = await new TokenService(secret).sign({ role: Role.ADMIN, sub: 'npm-run-token', candidateId: null }, 30);
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
      body: JSON.stringify({ query: 'query($id: ID!) { candidate(id: $id) { name } }', variables: { id: candidateId } }),
      signal: AbortSignal.timeout(3000),
    });
  } catch {
    response = null; // no server on PORT: look in the database
  }
  if (response) {
    const body = (await response.json().catch(() => ({}))) as { data?: { candidate: { name: string } | null }; errors?: { extensions?: { code?: string } }[] };
    if (body.errors?.[0]?.extensions?.code === 'UNAUTHENTICATED') {
      throw new Error(`the server at ${url} refuses tokens signed with this key: it runs with another DATA_DIR or AUTH_JWT_SECRET`);
    }
    if (body.data) return { name: body.data.candidate?.name ?? null, via: `the server at ${url}` };
  }
  if (config.database.kind === 'postgres') {
    const { Client } = await import('pg');
    const client = new Client({ connectionString: config.database.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ name: string }>('SELECT name FROM candidate WHERE id = $1', [candidateId]);
      return { name: rows[0]?.name ?? null, via: 'the PostgreSQL database (DATABASE_URL)' };
    } finally {
      await client.end();
    }
  }
  const dir = config.database.dataDir;
  if (!existsSync(join(dir, 'PG_VERSION'))) throw new Error(`there is no database in ${dir} yet: start the server once (npm start) with this DATA_DIR`);
  const { PGlite } = await import('@electric-sql/pglite');
  const db = new PGlite(dir);
  try {
    const { rows } = await db.query<{ name: string }>('SELECT name FROM candidate WHERE id = $1', [candidateId]);
    return { name: rows[0]?.name ?? null, via: `the embedded database in ${dir}` };
  } finally {
    await db.close();
  }
}
