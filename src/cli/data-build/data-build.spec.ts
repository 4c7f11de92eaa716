import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildCatalogue, parseArgs } from '../data-build';
import { buildCredentials } from './credential-catalogue';
import type { CredentialSpec } from './credential-definitions';
import { LANGUAGE_ROOT_URI, TRANSVERSAL_ROOT_URI, buildEscoCatalogue } from './esco-catalogue';
import type { EscoConcept, EscoSource } from './esco-source';
import { splitAliases } from './esco-source';
import { findCycle } from './graph-checks';
import { buildJobs } from './job-catalogue';
import { prettyJson, recordsPerLine } from './json-output';

const S = 'http://data.europa.eu/esco/skill/';
const O = 'http://data.europa.eu/esco/occupation/';

function concept(uri: string, name: string, kind: EscoConcept['kind'], reuseLevel = 'sector-specific'): EscoConcept {
  return { uri, name, kind, aliases: [], description: null, reuseLevel: kind === 'group' ? '' : reuseLevel };
}

/** A miniature ESCO: one ICT and one non-ICT occupation, a small pillar with a DAG. */
function miniSource(): EscoSource {
  const concepts = [
    concept(TRANSVERSAL_ROOT_URI, 'transversal skills and competences', 'group'),
    concept(LANGUAGE_ROOT_URI, 'language skills and knowledge', 'group'),
    concept(`${S}root-skills`, 'skills', 'group'),
    concept(`${S}g-teamwork`, 'collaborating in teams and networks', 'group'),
    concept(`${S}g-ict`, 'working with computers', 'group'),
    concept(`${S}work-in-teams`, 'work in teams', 'skill', 'transversal'),
    concept(`${S}ict-testing`, 'perform ICT security testing', 'skill'),
    concept(`${S}kali`, 'Kali Linux', 'knowledge'),
    concept(`${S}python`, 'Python (computer programming)', 'knowledge'),
    concept(`${S}cooking`, 'cook pasta', 'skill'),
  ];
  return {
    concepts: new Map(concepts.map((c) => [c.uri, c])),
    occupations: [
      { uri: `${O}dev`, name: 'software developer', aliases: [], iscoGroup: '2512', code: '2512.4', description: null },
      { uri: `${O}cook`, name: 'cook', aliases: [], iscoGroup: '5120', code: '5120.1', description: null },
    ],
    occupationSkills: [
      { occupationUri: `${O}dev`, skillUri: `${S}python`, relationType: 'essential' },
      { occupationUri: `${O}dev`, skillUri: `${S}python`, relationType: 'optional' },
      { occupationUri: `${O}dev`, skillUri: `${S}kali`, relationType: 'optional' },
      { occupationUri: `${O}dev`, skillUri: `${S}work-in-teams`, relationType: 'essential' },
      { occupationUri: `${O}cook`, skillUri: `${S}cooking`, relationType: 'essential' },
    ],
    skillRelations: [
      { fromUri: `${S}python`, toUri: `${S}kali`, relationType: 'optional' },
      { fromUri: `${S}python`, toUri: `${S}kali`, relationType: 'essential' },
      { fromUri: `${S}python`, toUri: `${S}python`, relationType: 'essential' },
      { fromUri: `${S}python`, toUri: `${S}cooking`, relationType: 'essential' },
    ],
    broader: [
      { childUri: `${S}g-teamwork`, parentUri: TRANSVERSAL_ROOT_URI },
      { childUri: `${S}work-in-teams`, parentUri: `${S}g-teamwork` },
      { childUri: `${S}g-ict`, parentUri: `${S}root-skills` },
      { childUri: `${S}ict-testing`, parentUri: `${S}g-ict` },
      { childUri: `${S}ict-testing`, parentUri: `${S}g-teamwork` },
      { childUri: `${S}kali`, parentUri: `${S}ict-testing` },
      { childUri: `${S}python`, parentUri: `${S}g-ict` },
      { childUri: `${S}cooking`, parentUri: `${S}root-skills` },
    ],
    transversalCollection: new Set([`${S}work-in-teams`]),
    digitalCollection: new Set([`${S}python`, `${S}kali`]),
    languageCollection: new Set(),
  };
}

describe('splitAliases', () => {
  it('splits newline-separated labels, trims, dedupes case-insensitively and drops the name', () => {
    expect(splitAliases('a b\n  A B \nname\n\nc\r\nd', 'Name')).toEqual(['a b', 'c', 'd']);
  });
});

describe('buildEscoCatalogue', () => {
  const catalogue = buildEscoCatalogue(miniSource());
  const byName = new Map(catalogue.skills.map((s) => [s.name, s]));

  it('keeps ICT occupation skills and all their ancestors, and nothing else', () => {
    expect([...byName.keys()].sort()).toEqual(
      [
        'Kali Linux',
        'Python (computer programming)',
        'collaborating in teams and networks',
        'perform ICT security testing',
        'skills',
        'transversal skills and competences',
        'work in teams',
        'working with computers',
      ].sort(),
    );
    expect(catalogue.occupations.map((o) => o.name)).toEqual(['software developer']);
  });

  it('applies the category rule', () => {
    expect(byName.get('work in teams')?.category).toBe('DURABLE');
    expect(byName.get('collaborating in teams and networks')?.category).toBe('DURABLE');
    expect(byName.get('transversal skills and competences')?.category).toBe('DURABLE');
    // Under the transversal pillar only through skill-to-skill links: still TECHNICAL.
    expect(byName.get('Kali Linux')?.category).toBe('TECHNICAL');
    expect(byName.get('perform ICT security testing')?.category).toBe('TECHNICAL');
    expect(byName.get('working with computers')?.category).toBe('TECHNICAL');
  });

  it('keeps a skill that is both essential and optional as essential only', () => {
    const [dev] = catalogue.occupations;
    const python = byName.get('Python (computer programming)')?.id;
    expect(dev.essential).toContain(python);
    expect(dev.optional).not.toContain(python);
  });

  it('dedupes related edges to the max weight, dropping self-loops and excluded skills', () => {
    const python = byName.get('Python (computer programming)')?.id;
    const kali = byName.get('Kali Linux')?.id;
    expect(catalogue.related).toEqual([[python, kali, 0.8]]);
  });

  it('fails loudly on a cycle in the hierarchy', () => {
    const source = miniSource();
    source.broader.push({ childUri: `${S}g-ict`, parentUri: `${S}kali` });
    expect(() => buildEscoCatalogue(source)).toThrow(/cycle/);
  });
});

describe('findCycle', () => {
  it('finds a cycle or returns null', () => {
    expect(findCycle([['a', 'b'], ['b', 'c']])).toBeNull();
    expect(findCycle([['a', 'b'], ['b', 'c'], ['c', 'a']])).toEqual(['a', 'b', 'c', 'a']);
  });
});

describe('buildCredentials', () => {
  const { skills } = buildEscoCatalogue(miniSource());
  const base: CredentialSpec = {
    key: 'py',
    name: 'Python',
    issuer: 'X',
    type: 'BADGE',
    hours: 1,
    cost: 0,
    validityMonths: null,
    academicCredits: null,
    skills: [['Python (computer programming)', 2]],
  };

  it('resolves labels and keys to ids', () => {
    const [py, stack] = buildCredentials(
      [{ ...base, key: 'stack', components: ['py'], requiredComponents: 1, academicCredits: 5 }, base],
      skills,
    );
    expect([py.key, stack.key]).toEqual(['py', 'stack']);
    expect(stack.components).toEqual([py.id]);
    expect(py.skills[0].skillId).toBe(skills.find((s) => s.name === 'Python (computer programming)')?.id);
  });

  it('fails on a missing label, a cycle or a bad stack', () => {
    expect(() => buildCredentials([{ ...base, skills: [['Cobol wizardry', 3]] }], skills)).toThrow(/Cobol wizardry/);
    expect(() =>
      buildCredentials(
        [
          { ...base, prerequisites: ['b'] },
          { ...base, key: 'b', prerequisites: ['py'] },
        ],
        skills,
      ),
    ).toThrow(/cycle/);
    expect(() => buildCredentials([base, { ...base, key: 's', components: ['py'], requiredComponents: 2 }], skills)).toThrow(
      /requiredComponents/,
    );
    expect(() => buildCredentials([{ ...base, skills: [['Kali Linux', 6]] }], skills)).toThrow(/level/);
  });
});

describe('buildJobs', () => {
  it('fails when an occupation has too few skills for 8 requirements', () => {
    const { skills, occupations } = buildEscoCatalogue(miniSource());
    const spec = { key: 'j', occupationCode: '2512.4', title: 'Dev', seniority: 'mid' as const, description: 'd' };
    expect(() => buildJobs([spec], occupations, skills, [])).toThrow(/only 2 candidate skills/);
  });
});

describe('output helpers and arguments', () => {
  it('formats records one per line and pretty JSON with a trailing newline', () => {
    expect(recordsPerLine([[1, 'a'], { b: 2 }])).toBe('[\n  [1,"a"],\n  {"b":2}\n]\n');
    expect(recordsPerLine([])).toBe('[]\n');
    expect(prettyJson({ a: 1 })).toBe('{\n  "a": 1\n}\n');
  });

  it('parses positional zips and --out', () => {
    expect(parseArgs(['c.zip', 'r.zip', '--out', 'x'], '/p')).toEqual({
      classificationZip: '/p/c.zip',
      relationsZip: '/p/r.zip',
      outDir: '/p/x',
    });
    expect(() => parseArgs(['c.zip'], '/p')).toThrow(/usage/);
  });
});

/**
 * Opt-in (reads the ESCO zips, ~5 s): ESCO_DIR=../shared/data/esco-v1.1.1 npx jest src/cli/data-build
 * Verifies that the committed data/catalogue is exactly what the build produces.
 */
const escoDir = process.env.ESCO_DIR;
const describeWithEsco = escoDir && existsSync(escoDir) ? describe : describe.skip;

describeWithEsco('committed catalogue matches a fresh build', () => {
  it('is byte-identical', async () => {
    const dir = escoDir as string;
    const catalogue = await buildCatalogue(
      join(dir, 'esco-v1.1.1-classification-en-csv.zip'),
      join(dir, 'esco-v1.1.1-relations-csv.zip'),
    );
    const committed = (name: string): string =>
      readFileSync(join(__dirname, '..', '..', '..', 'data', 'catalogue', `${name}.json`), 'utf8');
    expect(recordsPerLine(catalogue.skills)).toBe(committed('skills'));
    expect(recordsPerLine(catalogue.broader)).toBe(committed('broader'));
    expect(recordsPerLine(catalogue.related)).toBe(committed('related'));
    expect(prettyJson(catalogue.occupations)).toBe(committed('occupations'));
    expect(prettyJson(catalogue.credentials)).toBe(committed('credentials'));
    expect(prettyJson(catalogue.jobs)).toBe(committed('jobs'));
  });
});
