import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';

/** Where the migrated and seeded PGlite snapshot for tests lives. */
export const SNAPSHOT_FILE = join(__dirname, '..', '..', '.data', 'test', 'pglite-snapshot.tar.gz');
/** The seeded template database, named after the DATABASE_URL database so concurrent runs do not collide. */
export function templateDatabase(url: string): string {
  const name = new URL(url).pathname.replace(/^\//, '') || 'skillstack';
  return `${name.replace(/[^a-zA-Z0-9_]/g, '_')}_template`;
}

export function serverUrl(): string | undefined {
  return process.env.DATABASE_URL || undefined;
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

export async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export function writeSnapshot(data: Buffer): void {
  mkdirSync(join(SNAPSHOT_FILE, '..'), { recursive: true });
  writeFileSync(SNAPSHOT_FILE, data);
}

export function readSnapshot(): Blob {
  if (!existsSync(SNAPSHOT_FILE)) throw new Error(`missing ${SNAPSHOT_FILE}: run the tests through jest (globalSetup builds it)`);
  return new Blob([readFileSync(SNAPSHOT_FILE)]);
}
