import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stableUuid } from '../../seed/stable-id';
import { LANGUAGE_ROOT_URI, TRANSVERSAL_ROOT_URI } from '../data-build/esco-catalogue';
import { readZipEntries } from '../data-build/zip-csv';
import { type EscoImportPlan, SKIP_REASONS, escoPlanRowCount, readEscoInput } from './esco-import';
import { ESCO_FIXTURE_COUNTS, FIXTURE_OCCUPATION, FIXTURE_SKILL, type EscoFixture, escoFixture, writeEscoFixture, zipBuffer } from './fixtures';
import { ImportInputError } from './import-input';

const id = (key: string): string => stableUuid('esco', `${FIXTURE_SKILL}${key}`);
const occupationId = (key: string): string => stableUuid('esco', `${FIXTURE_OCCUPATION}${key}`);

describe('ESCO import: reading and validating the zips', () => {
  let dir: string;
  let n = 0;
  const fresh = (): string => join(dir, String(n++));
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'esco-import-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** Writes a modified copy of the fixture and expects the import to refuse it. */
  async function expectRefused(mutate: (f: EscoFixture) => void, message: RegExp): Promise<void> {
    const fixture = escoFixture();
    mutate(fixture);
    const files = writeEscoFixture(fresh(), fixture);
    const error = await readEscoInput(files).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportInputError);
    expect((error as Error).message).toMatch(message);
  }

  describe('a valid input', () => {
    let plan: EscoImportPlan;
    beforeAll(async () => {
      plan = await readEscoInput(writeEscoFixture(fresh()));
    });

    it('writes zips that yauzl reads back, entries inside a folder', async () => {
      const files = writeEscoFixture(fresh());
      const entries = await readZipEntries(files.relationsZip, ['skillSkillRelations.csv']);
      expect(entries.get('skillSkillRelations.csv')?.toString('utf8')).toContain('originalSkillUri');
    });

    it('plans every concept, edge, occupation and link', () => {
      expect({
        skill: plan.skills.length,
        skill_broader: plan.broader.length,
        skill_relation: plan.related.length,
        occupation: plan.occupations.length,
        occupation_skill: plan.occupationSkills.length,
      }).toEqual(ESCO_FIXTURE_COUNTS);
      expect(escoPlanRowCount(plan)).toBe(25);
    });

    it('uses the seed catalogue ids and the data build category rule', () => {
      const byId = new Map(plan.skills.map((s) => [s.id, s]));
      expect(byId.get(stableUuid('esco', TRANSVERSAL_ROOT_URI))?.category).toBe('DURABLE');
      expect(byId.get(stableUuid('esco', LANGUAGE_ROOT_URI))?.category).toBe('DURABLE');
      expect(byId.get(id('teamwork'))?.category).toBe('DURABLE'); // transversal collection
      expect(byId.get(id('french'))?.category).toBe('DURABLE'); // language collection / pillar
      expect(byId.get(id('g-team'))?.category).toBe('DURABLE'); // group under the transversal root
      expect(byId.get(id('cooking'))?.category).toBe('TECHNICAL'); // a skill under a transversal group is not durable by position
      expect(byId.get(id('python'))).toMatchObject({ name: 'Python fixture language', kind: 'knowledge', category: 'TECHNICAL', aliases: ['pyfix', 'Python fixture 3'] });
      expect(byId.get(id('g-ict'))).toMatchObject({ kind: 'group', category: 'TECHNICAL', aliases: ['fixture ICT'] });
    });

    it('weights relations 0.8 essential / 0.5 optional, keeping the maximum', () => {
      expect(plan.related).toEqual(
        expect.arrayContaining([
          [id('python'), id('kali'), 0.8],
          [id('teamwork'), id('pentest'), 0.5],
        ]),
      );
    });

    it('keeps a skill both essential and optional for an occupation as essential', () => {
      expect(plan.occupationSkills).toEqual(
        expect.arrayContaining([
          { occupationId: occupationId('tester'), skillId: id('pentest'), essential: true },
          { occupationId: occupationId('tester'), skillId: id('python'), essential: false },
        ]),
      );
      expect(plan.occupations.find((o) => o.id === occupationId('tester'))).toMatchObject({
        name: 'fixture security tester',
        aliases: ['fixture pentester', 'fixture ethical hacker'],
        iscoGroup: '2519',
        uri: `${FIXTURE_OCCUPATION}tester`,
      });
    });

    it('skips and reports a cycle-closing edge, dangling references and self loops', () => {
      const skipped = new Map(plan.skipped.entries.map((e) => [e.reason, e]));
      expect(skipped.get(SKIP_REASONS.cycle)).toMatchObject({ count: 1, examples: ['perform fixture penetration tests -> Kali fixture distribution'] });
      expect(skipped.get(SKIP_REASONS.danglingBroader)?.count).toBe(1);
      expect(skipped.get(SKIP_REASONS.selfRelation)?.count).toBe(1);
      expect(skipped.get(SKIP_REASONS.danglingOccupationSkill)?.count).toBe(1);
      expect(plan.broader).not.toContainEqual([id('pentest'), id('kali')]);
      expect(plan.broader).toContainEqual([id('kali'), id('pentest')]);
    });
  });

  describe('a wrong or damaged input is refused', () => {
    it('a missing file', async () => {
      const files = writeEscoFixture(fresh());
      await expect(readEscoInput({ ...files, relationsZip: join(dir, 'nope.zip') })).rejects.toThrow(/ESCO relations zip not found/);
    });

    it('a file that is not a zip', async () => {
      const files = writeEscoFixture(fresh());
      writeFileSync(files.classificationZip, 'conceptUri,preferredLabel\n');
      await expect(readEscoInput(files)).rejects.toThrow(/ESCO classification zip is not a readable zip file/);
    });

    it('a truncated zip', async () => {
      const files = writeEscoFixture(fresh());
      const whole = zipBuffer(escoFixture().relations);
      writeFileSync(files.relationsZip, whole.subarray(0, whole.length - 30));
      await expect(readEscoInput(files)).rejects.toThrow(/ESCO relations zip is not a readable zip file/);
    });

    it('the two zips swapped', async () => {
      const files = writeEscoFixture(fresh());
      await expect(readEscoInput({ classificationZip: files.relationsZip, relationsZip: files.classificationZip })).rejects.toThrow(
        /missing entries skills_en\.csv/,
      );
    });

    it('a missing CSV', () => expectRefused((f) => delete f.relations['broaderRelationsSkillPillar.csv'], /missing entries broaderRelationsSkillPillar\.csv/));

    it('a missing column', () =>
      expectRefused((f) => {
        f.classification['skills_en.csv'] = f.classification['skills_en.csv'].replace('"reuseLevel"', '"reuse"');
      }, /skills_en\.csv: missing columns reuseLevel/));

    it('a CSV that does not parse, naming the file', () =>
      expectRefused((f) => {
        f.relations['skillSkillRelations.csv'] += '"unterminated,optional\n';
      }, /skillSkillRelations\.csv is not valid CSV/));

    it('an unknown relation type', () =>
      expectRefused((f) => {
        f.relations['occupationSkillRelations.csv'] = f.relations['occupationSkillRelations.csv'].replace('"optional"', '"sometimes"');
      }, /unexpected relationType "sometimes"/));

    it('an empty preferred label', () =>
      expectRefused((f) => {
        f.classification['skills_en.csv'] = f.classification['skills_en.csv'].replace('"cook fixture pasta"', '""');
      }, /fixture-cooking has an empty preferredLabel/));

    it('a missing pillar root', () =>
      expectRefused((f) => {
        f.classification['skillGroups_en.csv'] = f.classification['skillGroups_en.csv'].replace('"language skills and knowledge"', '"languages"');
      }, /pillar root .* is "languages"/));
  });
});
