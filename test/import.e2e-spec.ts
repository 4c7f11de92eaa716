import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LANGUAGE_ROOT_URI, TRANSVERSAL_ROOT_URI } from '../src/cli/data-build/esco-catalogue';
import { type EscoInputFiles, importEsco } from '../src/cli/import/esco-import';
import { ESCO_FIXTURE_COUNTS, FIXTURE_SKILL, escoFixture, onetFixture, writeEscoFixture, writeOnetFixture } from '../src/cli/import/fixtures';
import { ImportInputError } from '../src/cli/import/import-input';
import { importOnet } from '../src/cli/import/onet-import';
import { stableUuid } from '../src/seed/stable-id';
import { startTestApp, TestApp } from './support/test-app';

const TABLES = ['skill', 'skill_broader', 'skill_relation', 'occupation', 'occupation_skill'] as const;

/** The imports on a small generated input, against a copy of the seeded test database. */
describe('taxonomy import (ESCO and O*NET files)', () => {
  let t: TestApp;
  let dir: string;
  let esco: EscoInputFiles;
  let onetDir: string;

  /** Row count and a digest of every row (updated_at included) per table: any write shows. */
  async function fingerprint(): Promise<Record<string, string>> {
    const out: Record<string, string> = {};
    for (const table of TABLES) {
      const [row] = await t.dataSource.query(`SELECT count(*)::int AS n, md5(coalesce(string_agg(x::text, ',' ORDER BY x::text), '')) AS h FROM ${table} x`);
      out[table] = `${row.n}:${row.h}`;
    }
    return out;
  }

  const skillId = (key: string): string => stableUuid('esco', `${FIXTURE_SKILL}${key}`);

  beforeAll(async () => {
    t = await startTestApp();
    dir = mkdtempSync(join(tmpdir(), 'import-e2e-'));
    esco = writeEscoFixture(join(dir, 'esco'));
    onetDir = writeOnetFixture(join(dir, 'onet'));
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await t.close();
  });

  it('refuses a damaged ESCO input and writes nothing', async () => {
    const before = await fingerprint();
    const fixture = escoFixture();
    fixture.relations['occupationSkillRelations.csv'] = fixture.relations['occupationSkillRelations.csv'].replace('"skillUri"', '"skill"');
    const damaged = writeEscoFixture(join(dir, 'damaged'), fixture);
    await expect(importEsco(t.dataSource, damaged)).rejects.toThrow(ImportInputError);
    await expect(importEsco(t.dataSource, { ...esco, relationsZip: join(dir, 'missing.zip') })).rejects.toThrow(/not found/);
    expect(await fingerprint()).toEqual(before);
  });

  it('writes nothing when the database rejects a row halfway (one transaction)', async () => {
    const before = await fingerprint();
    // the last table written fails; every earlier upsert must be rolled back with it
    await t.ownerQuery('ALTER TABLE occupation_skill ADD CONSTRAINT import_e2e_reject CHECK (false) NOT VALID');
    try {
      await expect(importEsco(t.dataSource, esco)).rejects.toThrow(/import_e2e_reject/);
    } finally {
      await t.ownerQuery('ALTER TABLE occupation_skill DROP CONSTRAINT import_e2e_reject');
    }
    expect(await fingerprint()).toEqual(before);
  });

  it('imports ESCO, merging with the seeded catalogue, and a second run changes nothing', async () => {
    const before = await fingerprint();
    const plannedIds = [
      skillId('python'),
      skillId('kali'),
      skillId('pentest'),
      skillId('teamwork'),
      skillId('french'),
      skillId('cooking'),
      skillId('g-ict'),
      skillId('g-team'),
      stableUuid('esco', TRANSVERSAL_ROOT_URI),
      stableUuid('esco', LANGUAGE_ROOT_URI),
    ];
    const [{ n: alreadyStored }] = await t.dataSource.query('SELECT count(*)::int AS n FROM skill WHERE id = ANY($1::uuid[])', [plannedIds]);

    const first = await importEsco(t.dataSource, esco, { database: 'test' });
    expect(first.tables.skill).toEqual({ inserted: ESCO_FIXTURE_COUNTS.skill - alreadyStored, updated: 0, unchanged: alreadyStored });
    for (const table of ['skill_relation', 'occupation', 'occupation_skill'] as const) {
      expect(first.tables[table]).toEqual({ inserted: ESCO_FIXTURE_COUNTS[table], updated: 0, unchanged: 0 });
    }
    expect(first.tables.skill_broader.inserted + first.tables.skill_broader.unchanged).toBe(ESCO_FIXTURE_COUNTS.skill_broader);
    expect(first.skipped.map((s) => s.count)).toEqual([1, 1, 1, 1]);

    const after = await fingerprint();
    const rows = (table: string): number => Number(after[table].split(':')[0]) - Number(before[table].split(':')[0]);
    expect(rows('skill')).toBe(ESCO_FIXTURE_COUNTS.skill - alreadyStored);
    expect(rows('occupation_skill')).toBe(ESCO_FIXTURE_COUNTS.occupation_skill);
    const [python] = await t.dataSource.query('SELECT name, aliases, category, external_uri FROM skill WHERE id = $1', [skillId('python')]);
    expect(python).toEqual({ name: 'Python fixture language', aliases: ['pyfix', 'Python fixture 3'], category: 'TECHNICAL', external_uri: `${FIXTURE_SKILL}python` });
    const [teamwork] = await t.dataSource.query('SELECT category FROM skill WHERE id = $1', [skillId('teamwork')]);
    expect(teamwork.category).toBe('DURABLE');

    const second = await importEsco(t.dataSource, esco);
    for (const counts of Object.values(second.tables)) expect(counts.inserted + counts.updated).toBe(0);
    expect(second.tables.skill.unchanged).toBe(ESCO_FIXTURE_COUNTS.skill);
    expect(await fingerprint()).toEqual(after);
  });

  it('imports O*NET on top: links, creates, sets hot half-lives; a second run changes nothing', async () => {
    const first = await importOnet(t.dataSource, onetDir);
    expect(first.tables).toEqual({
      'skill (commodity)': { inserted: 3, updated: 0, unchanged: 0 },
      'skill (created)': { inserted: 4, updated: 0, unchanged: 0 },
      'skill (linked)': { inserted: 0, updated: 2, unchanged: 0 },
      skill_broader: { inserted: 7, updated: 0, unchanged: 0 },
      occupation: { inserted: 3, updated: 0, unchanged: 0 },
      occupation_skill: { inserted: 6, updated: 0, unchanged: 0 },
    });
    expect(first.notes[1]).toContain('by name 1, by alias 1');

    const [python] = await t.dataSource.query('SELECT aliases, half_life_months FROM skill WHERE id = $1', [skillId('python')]);
    expect(python).toEqual({ aliases: ['pyfix', 'Python fixture 3'], half_life_months: 24 });
    const [kali] = await t.dataSource.query('SELECT aliases, half_life_months FROM skill WHERE id = $1', [skillId('kali')]);
    expect(kali).toEqual({ aliases: ['kalifix', 'Kali-Fixture Distribution'], half_life_months: null });
    const gitId = stableUuid('onet-tech', 'FixtureGit');
    const [git] = await t.dataSource.query('SELECT name, category, half_life_months FROM skill WHERE id = $1', [gitId]);
    expect(git).toEqual({ name: 'FixtureGit', category: 'TECHNICAL', half_life_months: 24 });
    const parents = await t.dataSource.query('SELECT b.name FROM skill_broader sb JOIN skill b ON b.id = sb.broader_id WHERE sb.skill_id = $1 ORDER BY 1', [gitId]);
    expect(parents.map((p: { name: string }) => p.name)).toEqual(['Fixture development environment software', 'Fixture file versioning software']);
    const developer = stableUuid('onet-occupation', '15-1252.00');
    const [occupation] = await t.dataSource.query('SELECT name, aliases, external_uri FROM occupation WHERE id = $1', [developer]);
    expect(occupation).toEqual({ name: 'Fixture Software Developers', aliases: ['Fixture Programmer', 'Fixture Software Engineer', 'Fixture SWE'], external_uri: '15-1252.00' });
    const links = await t.dataSource.query('SELECT skill_id, essential FROM occupation_skill WHERE occupation_id = $1 ORDER BY essential', [developer]);
    expect(links).toEqual([
      { skill_id: gitId, essential: false },
      { skill_id: skillId('python'), essential: true },
    ]);

    const after = await fingerprint();
    const second = await importOnet(t.dataSource, onetDir);
    for (const counts of Object.values(second.tables)) expect(counts.inserted + counts.updated).toBe(0);
    // ESCO again keeps the alias O*NET added (imports only add aliases)
    const escoAgain = await importEsco(t.dataSource, esco);
    for (const counts of Object.values(escoAgain.tables)) expect(counts.inserted + counts.updated).toBe(0);
    expect(await fingerprint()).toEqual(after);
  });

  it('refuses a damaged O*NET input and writes nothing', async () => {
    const before = await fingerprint();
    const files = onetFixture();
    files['technology-skills.txt'] += '15-1252.00\tBroken row\r\n';
    await expect(importOnet(t.dataSource, writeOnetFixture(join(dir, 'onet-damaged'), files))).rejects.toThrow(/technology-skills\.txt/);
    expect(await fingerprint()).toEqual(before);
  });
});
