import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveJwtSecret, SECRET_FILE_NAME } from './jwt-secret';

describe('resolveJwtSecret', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'skillstack-secret-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('uses AUTH_JWT_SECRET when set', () => {
    expect(resolveJwtSecret({ authJwtSecret: 's'.repeat(32), nodeEnv: 'production', dataDir: dir })).toEqual({ secret: 's'.repeat(32), source: 'environment' });
  });

  it('refuses to make one up in production', () => {
    expect(() => resolveJwtSecret({ nodeEnv: 'production', dataDir: dir })).toThrow(/AUTH_JWT_SECRET must be set/);
  });

  it('otherwise creates a random secret once in DATA_DIR, readable by the owner only, and reuses it', () => {
    const data = join(dir, 'data');
    const first = resolveJwtSecret({ nodeEnv: 'development', dataDir: data });
    const file = join(data, SECRET_FILE_NAME);
    expect(first).toEqual({ secret: expect.stringMatching(/^[\w-]{64}$/), source: 'file', file });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8').trim()).toBe(first.secret);
    expect(resolveJwtSecret({ nodeEnv: 'development', dataDir: data }).secret).toBe(first.secret);
  });

  it('keeps an in-memory secret for DATA_DIR=memory://, a new one each time', () => {
    const a = resolveJwtSecret({ nodeEnv: 'test', dataDir: 'memory://' });
    expect(a.source).toBe('memory');
    expect(resolveJwtSecret({ nodeEnv: 'test', dataDir: 'memory://' }).secret).not.toBe(a.secret);
  });

  it('refuses a secret file that is too short', () => {
    writeFileSync(join(dir, SECRET_FILE_NAME), 'short\n', { mode: 0o600 });
    expect(() => resolveJwtSecret({ nodeEnv: 'development', dataDir: dir })).toThrow(/at least 32 characters/);
  });
});
