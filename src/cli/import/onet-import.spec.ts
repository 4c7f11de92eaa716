import { mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stableUuid } from '../../seed/stable-id';
import { onetFixture, writeOnetFixture } from './fixtures';
import { ImportInputError } from './import-input';
import { type OnetInput, type StoredSkill, linkTechnologies, readOnetInput } from './onet-import';

describe('O*NET import: reading and validating the text files', () => {
  let dir: string;
  let n = 0;
  const fresh = (): string => join(dir, String(n++));
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'onet-import-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function expectRefused(mutate: (files: Record<string, string>) => void, message: RegExp): void {
    const files = onetFixture();
    mutate(files);
    const path = writeOnetFixture(fresh(), files);
    let error: unknown;
    try {
      readOnetInput(path);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ImportInputError);
    expect((error as Error).message).toMatch(message);
  }

  describe('a valid input', () => {
    let input: OnetInput;
    beforeAll(() => {
      input = readOnetInput(writeOnetFixture(fresh()));
    });

    it('collects technologies with all their commodities, hot flags and occupations', () => {
      expect(input.technologies.map((t) => t.name)).toEqual([
        'Python fixture 3',
        'FixtureGit',
        'Kali-Fixture Distribution',
        'FixtureScan',
        'FixtureOven Manager',
        'FixtureGhost',
      ]);
      const git = input.technologies.find((t) => t.name === 'FixtureGit');
      expect(git).toMatchObject({ id: stableUuid('onet-tech', 'FixtureGit'), commodityCodes: ['43232402', '43232403'], hot: true });
      expect([...(git?.occupations ?? [])]).toEqual([
        ['15-1252.00', false],
        ['15-1212.00', true],
      ]);
      expect(input.commodities).toEqual(
        expect.arrayContaining([{ id: stableUuid('onet-commodity', '43233204'), code: '43233204', title: 'Fixture security software' }]),
      );
      expect(input.commodities).toHaveLength(3);
    });

    it('takes alternate and short titles as occupation aliases, de-duplicated', () => {
      expect(input.occupations.find((o) => o.code === '15-1252.00')).toEqual({
        id: stableUuid('onet-occupation', '15-1252.00'),
        code: '15-1252.00',
        title: 'Fixture Software Developers',
        description: 'Develop fixtures.',
        aliases: ['Fixture Programmer', 'Fixture Software Engineer', 'Fixture SWE'],
      });
    });

    it('skips and reports rows naming an unknown occupation', () => {
      expect(input.skipped.entries.map((e) => e.count)).toEqual([1, 1]);
      expect(input.technologies.find((t) => t.name === 'FixtureGhost')?.occupations.size).toBe(0);
    });
  });

  describe('linking technologies to stored skills', () => {
    const skill = (id: string, name: string, aliases: string[] = []): StoredSkill => ({ id, name, aliases, halfLifeMonths: null });
    const tech = (name: string) => ({ id: `own-${name}`, name, commodityCodes: [], hot: false, occupations: new Map<string, boolean>() });

    it('prefers a normalised name match, then an alias match, else creates', () => {
      const stored = [skill('a', 'Node.js'), skill('b', 'JavaScript frameworks', ['node.js', 'React']), skill('c', 'React (library)')];
      const links = linkTechnologies([tech('NODE.JS'), tech('react'), tech('Vue')], stored, new Set());
      expect(links.get('NODE.JS')).toEqual({ skillId: 'a', via: 'name', ambiguous: false });
      expect(links.get('react')).toEqual({ skillId: 'b', via: 'alias', ambiguous: false });
      expect(links.get('Vue')).toEqual({ skillId: 'own-Vue', via: 'created', ambiguous: false });
    });

    it('breaks ties by the literally equal label, then the smallest id, and flags them', () => {
      const stored = [skill('b', 'Git'), skill('a', 'git'), skill('c', 'GIT')];
      expect(linkTechnologies([tech('GIT')], stored, new Set()).get('GIT')).toEqual({ skillId: 'c', via: 'name', ambiguous: true });
      expect(linkTechnologies([tech('Git!')], stored, new Set()).get('Git!')).toEqual({ skillId: 'a', via: 'name', ambiguous: true });
    });

    it('never links to a skill the import itself owns', () => {
      const links = linkTechnologies([tech('Vue')], [skill('own-Vue', 'Vue')], new Set(['own-Vue']));
      expect(links.get('Vue')?.via).toBe('created');
    });
  });

  describe('a wrong or damaged input is refused', () => {
    it('a missing directory', () => {
      expect(() => readOnetInput(join(dir, 'nope'))).toThrow(/O\*NET directory not found/);
    });

    it('a missing file', () => {
      const path = writeOnetFixture(fresh());
      unlinkSync(join(path, 'alternate-titles.txt'));
      expect(() => readOnetInput(path)).toThrow(/O\*NET alternate-titles\.txt not found/);
    });

    it('a file that is not tab-separated', () => {
      const path = writeOnetFixture(fresh());
      writeFileSync(join(path, 'occupation-data.txt'), 'O*NET-SOC Code,Title,Description\n15-1252.00,Developers,Develop.\n');
      expect(() => readOnetInput(path)).toThrow(/occupation-data\.txt: missing columns O\*NET-SOC Code, Title, Description/);
    });

    it('a missing column', () => expectRefused((f) => (f['technology-skills.txt'] = f['technology-skills.txt'].replace('\tIn Demand', '\tDemand')), /missing columns In Demand/));

    it('a row with a missing field', () =>
      expectRefused((f) => (f['technology-skills.txt'] += '15-1252.00\tTruncated\t43232402\r\n'), /technology-skills\.txt: .*(Invalid Record Length|record length)/i));

    it('a bad flag', () => expectRefused((f) => (f['technology-skills.txt'] = f['technology-skills.txt'].replace('\tY\tY', '\tyes\tY')), /line 2: Hot Technology must be Y or N/));

    it('a bad occupation code', () => expectRefused((f) => (f['occupation-data.txt'] = f['occupation-data.txt'].replace('35-2014.00', '35-2014')), /occupation-data\.txt line 4: bad O\*NET-SOC code/));

    it('a commodity with two titles', () =>
      expectRefused((f) => (f['technology-skills.txt'] = f['technology-skills.txt'].replace('43233204\tFixture security software\tN\tY', '43233204\tFixture safety software\tN\tY')), /commodity 43233204 is "Fixture safety software" here/));

    it('an empty file', () => expectRefused((f) => (f['alternate-titles.txt'] = ''), /alternate-titles\.txt: missing columns/));
  });
});
