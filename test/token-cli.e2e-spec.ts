import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runTokenCommand } from '../src/cli/token-command';
import { startTestApp, TEST_JWT_SECRET, TestApp } from './support/test-app';

const LEARNER = '82e411d0-2065-57ca-abd0-2b37712efe88';
const MISSING = '00000000-0000-4000-8000-000000000000';

describe('npm run token', () => {
  let t: TestApp;
  let port: string;
  let dir: string;
  beforeAll(async () => {
    t = await startTestApp();
    port = new URL(t.url).port;
    dir = mkdtempSync(join(tmpdir(), 'skillstack-token-'));
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const run = async (argv: string[], env: Record<string, string>) => {
    const said: string[] = [];
    const token = await runTokenCommand(argv, { NODE_ENV: 'development', LOG_LEVEL: 'silent', ...env }, (l) => said.push(l));
    return { token, said };
  };

  it('mints a LEARNER token for an existing candidate, checked with the running server, which accepts it', async () => {
    const { token, said } = await run(['--role', 'LEARNER', '--sub', 'ada', '--candidate', LEARNER], { AUTH_JWT_SECRET: TEST_JWT_SECRET, PORT: port });
    expect(said[0]).toBe('signed with AUTH_JWT_SECRET');
    expect(said[1]).toMatch(new RegExp(`^for candidate .+ \\(${LEARNER}, found in the server at http://127\\.0\\.0\\.1:${port}/graphql\\)$`));
    const me = await t.raw(`query($c: ID!) { candidate(id: $c) { id } }`, { c: LEARNER }, { authorization: `Bearer ${token}` });
    expect(me.data).toEqual({ candidate: { id: LEARNER } });
  });

  it('refuses a LEARNER token for a candidate that does not exist, or an id that is not one', async () => {
    await expect(run(['--role', 'LEARNER', '--sub', 'x', '--candidate', MISSING], { AUTH_JWT_SECRET: TEST_JWT_SECRET, PORT: port })).rejects.toThrow(`there is no candidate ${MISSING}`);
    await expect(run(['--role', 'LEARNER', '--sub', 'x', '--candidate', 'robert'], { AUTH_JWT_SECRET: TEST_JWT_SECRET, PORT: port })).rejects.toThrow(/must be a candidate id/);
  });

  it('says when the running server does not accept its key (another DATA_DIR or AUTH_JWT_SECRET)', async () => {
    const other = 'another-secret-that-the-server-does-not-know-0123456789';
    await expect(run(['--role', 'LEARNER', '--sub', 'x', '--candidate', LEARNER], { AUTH_JWT_SECRET: other, PORT: port })).rejects.toThrow(/refuses tokens signed with this key/);
  });

  it('never creates a key silently: without one in DATA_DIR it refuses and writes nothing; --new-secret creates it and says so', async () => {
    const empty = join(dir, 'fresh');
    await expect(run(['--role', 'ADMIN', '--sub', 'a'], { DATA_DIR: empty, PORT: '1' })).rejects.toThrow(/no key at .*fresh\/auth-jwt-secret/);
    expect(existsSync(empty)).toBe(false);
    const { said } = await run(['--role', 'ADMIN', '--sub', 'a', '--new-secret'], { DATA_DIR: empty, PORT: '1' });
    expect(readdirSync(empty)).toEqual(['auth-jwt-secret']);
    expect(said[0]).toMatch(/^signed with the key in .*fresh\/auth-jwt-secret \(DATA_DIR=.*fresh\)$/);
  });

  it('without a server, looks the candidate up in the embedded database of DATA_DIR', async () => {
    const data = join(dir, 'data');
    mkdirSync(data);
    const { PGlite } = await import('@electric-sql/pglite');
    const db = new PGlite(join(data, 'pglite'));
    await db.exec(`CREATE TABLE candidate (id uuid PRIMARY KEY, name text NOT NULL); INSERT INTO candidate VALUES ('${LEARNER}', 'Finn Schmidt');`);
    await db.close();
    writeFileSync(join(data, 'auth-jwt-secret'), `${'k'.repeat(48)}\n`, { mode: 0o600 });
    const { said } = await run(['--role', 'LEARNER', '--sub', 'ada', '--candidate', LEARNER], { DATA_DIR: data, PORT: '1' });
    expect(said[1]).toMatch(/^for candidate Finn Schmidt .* found in the embedded database in .*data\/pglite\)$/);
    await expect(run(['--role', 'LEARNER', '--sub', 'ada', '--candidate', LEARNER], { DATA_DIR: join(dir, 'nodb'), PORT: '1', AUTH_JWT_SECRET: TEST_JWT_SECRET })).rejects.toThrow(/no database in .*nodb/);
  }, 120_000);
});
