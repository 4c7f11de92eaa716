/**
 * Small generated inputs for the import tests: an ESCO-like pair of zips (CSV files in the official
 * layouts) and an O*NET-like directory. No zip library writes archives here, so `zipBuffer` writes
 * a plain one (stored entries, no compression), which yauzl reads like any other.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LANGUAGE_ROOT_URI, TRANSVERSAL_ROOT_URI } from '../data-build/esco-catalogue';
import type { EscoInputFiles } from './esco-import';

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

export function crc32(buffer: Buffer): number {
  let c = 0xffffffff;
  for (const byte of buffer) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** A zip archive (PKZIP 2.0, stored entries) holding `entries` in the given order. */
export function zipBuffer(entries: Record<string, string | Buffer>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [fileName, content] of Object.entries(entries)) {
    const name = Buffer.from(fileName, 'utf8');
    const data = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(0, 8); // stored
    local.writeUInt16LE(0, 10); // time
    local.writeUInt16LE(0x21, 12); // date 1980-01-01
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4); // made by
    central.writeUInt16LE(20, 6); // needed
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(0, 10);
    central.writeUInt16LE(0, 12);
    central.writeUInt16LE(0x21, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42); // (extra, comment, disk, attributes stay 0)
    locals.push(local, name, data);
    centrals.push(central, name);
    offset += local.length + name.length + data.length;
  }
  const centralSize = centrals.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(centrals.length / 2, 8);
  end.writeUInt16LE(centrals.length / 2, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...centrals, end]);
}

/** RFC 4180 CSV with a header row; every field quoted (ESCO quotes multi-line labels). */
export function csvText(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (fields: readonly string[]): string => fields.map((f) => `"${f.replace(/"/g, '""')}"`).join(',');
  return [line(header), ...rows.map(line)].join('\n') + '\n';
}

export const FIXTURE_SKILL = 'http://data.europa.eu/esco/skill/fixture-';
export const FIXTURE_OCCUPATION = 'http://data.europa.eu/esco/occupation/fixture-';

type Row = Record<string, string>;

function table(header: readonly string[], rows: readonly Row[]): string {
  return csvText(header, rows.map((r) => header.map((h) => r[h] ?? '')));
}

const SKILL_COLUMNS = ['conceptType', 'conceptUri', 'skillType', 'reuseLevel', 'preferredLabel', 'altLabels', 'hiddenLabels', 'status', 'modifiedDate', 'scopeNote', 'definition', 'inScheme', 'description'];
const GROUP_COLUMNS = ['conceptType', 'conceptUri', 'preferredLabel', 'altLabels', 'hiddenLabels', 'status', 'modifiedDate', 'scopeNote', 'inScheme', 'description', 'code'];
const OCCUPATION_COLUMNS = ['conceptType', 'conceptUri', 'iscoGroup', 'preferredLabel', 'altLabels', 'hiddenLabels', 'status', 'modifiedDate', 'regulatedProfessionNote', 'scopeNote', 'definition', 'inScheme', 'description', 'code'];
const COLLECTION_COLUMNS = ['conceptType', 'conceptUri', 'preferredLabel', 'status', 'skillType', 'reuseLevel', 'altLabels', 'description'];

const s = (key: string): string => `${FIXTURE_SKILL}${key}`;
const o = (key: string): string => `${FIXTURE_OCCUPATION}${key}`;

/** The CSV files of a miniature ESCO, by zip. Tests mutate a copy to damage it. */
export interface EscoFixture {
  classification: Record<string, string>;
  relations: Record<string, string>;
}

/**
 * 2 pillar roots + 2 groups + 6 skills/knowledge concepts (10 concepts, 11 alt labels), 2 occupations.
 * Broader: 9 rows, one of which closes a cycle and one names an unknown concept (7 written).
 * Skill relations: 4 rows → 2 edges (a duplicate keeps 0.8, a self loop is dropped).
 * Occupation skills: 6 rows → 4 links (a skill both essential and optional is essential; one row
 * names an unknown occupation).
 */
export function escoFixture(): EscoFixture {
  const skill = (key: string, name: string, skillType: string, reuseLevel: string, altLabels: string[] = [], description = ''): Row => ({
    conceptType: 'KnowledgeSkillCompetence',
    conceptUri: s(key),
    skillType,
    reuseLevel,
    preferredLabel: name,
    altLabels: altLabels.join('\n'),
    status: 'released',
    description,
  });
  const group = (uri: string, name: string, altLabels: string[] = []): Row => ({
    conceptType: 'SkillGroup',
    conceptUri: uri,
    preferredLabel: name,
    altLabels: altLabels.join('\n'),
    status: 'released',
  });
  const skills = [
    skill('python', 'Python fixture language', 'knowledge', 'cross-sector', ['pyfix', 'Python fixture 3', 'pyfix'], 'A fixture programming language.'),
    skill('kali', 'Kali fixture distribution', 'knowledge', 'sector-specific', ['kalifix']),
    skill('pentest', 'perform fixture penetration tests', 'skill/competence', 'sector-specific', ['fixture pentesting', 'fixture ethical hacking']),
    skill('teamwork', 'work in fixture teams', 'skill/competence', 'transversal', ['fixture teamwork', 'fixture collaboration']),
    skill('french', 'fixture French', 'knowledge', 'transversal', ['fixture français']),
    skill('cooking', 'cook fixture pasta', 'skill/competence', 'sector-specific', ['fixture pasta', 'fixture noodles']),
  ];
  const groups = [
    group(TRANSVERSAL_ROOT_URI, 'transversal skills and competences'),
    group(LANGUAGE_ROOT_URI, 'language skills and knowledge'),
    group(s('g-ict'), 'working with fixture computers', ['fixture ICT']),
    group(s('g-team'), 'collaborating in fixture teams'),
  ];
  const broader = [
    [s('g-team'), TRANSVERSAL_ROOT_URI],
    [s('teamwork'), s('g-team')],
    [s('pentest'), s('g-ict')],
    [s('python'), s('g-ict')],
    [s('kali'), s('pentest')],
    [s('french'), LANGUAGE_ROOT_URI],
    [s('cooking'), s('g-team')],
    [s('pentest'), s('kali')], // closes kali -> pentest -> kali
    [s('cooking'), s('missing-group')], // names an unknown concept
  ].map(([conceptUri, broaderUri]) => ({ conceptType: 'KnowledgeSkillCompetence', conceptUri, broaderType: 'SkillGroup', broaderUri }));
  const relations = [
    [s('python'), 'optional', s('kali')],
    [s('python'), 'essential', s('kali')],
    [s('teamwork'), 'optional', s('pentest')],
    [s('cooking'), 'essential', s('cooking')],
  ].map(([originalSkillUri, relationType, relatedSkillUri]) => ({ originalSkillUri, originalSkillType: 'knowledge', relationType, relatedSkillType: 'knowledge', relatedSkillUri }));
  const occupations = [
    { conceptType: 'Occupation', conceptUri: o('tester'), iscoGroup: '2519', preferredLabel: 'fixture security tester', altLabels: 'fixture pentester\nfixture ethical hacker', description: 'Tests fixtures.', code: '2519.9' },
    { conceptType: 'Occupation', conceptUri: o('cook'), iscoGroup: '5120', preferredLabel: 'fixture cook', altLabels: '', description: '', code: '5120.9' },
  ];
  const occupationSkills = [
    [o('tester'), 'essential', s('pentest')],
    [o('tester'), 'optional', s('pentest')],
    [o('tester'), 'optional', s('python')],
    [o('tester'), 'essential', s('teamwork')],
    [o('cook'), 'essential', s('cooking')],
    [o('ghost'), 'essential', s('cooking')],
  ].map(([occupationUri, relationType, skillUri]) => ({ occupationUri, relationType, skillType: 'skill/competence', skillUri }));
  return {
    classification: {
      'skills_en.csv': table(SKILL_COLUMNS, skills),
      'skillGroups_en.csv': table(GROUP_COLUMNS, groups),
      'occupations_en.csv': table(OCCUPATION_COLUMNS, occupations),
      'transversalSkillsCollection_en.csv': table(COLLECTION_COLUMNS, [{ conceptType: 'KnowledgeSkillCompetence', conceptUri: s('teamwork') }]),
      'digitalSkillsCollection_en.csv': table(COLLECTION_COLUMNS, [{ conceptType: 'KnowledgeSkillCompetence', conceptUri: s('python') }]),
      'languageSkillsCollection_en.csv': table(COLLECTION_COLUMNS, [{ conceptType: 'KnowledgeSkillCompetence', conceptUri: s('french') }]),
    },
    relations: {
      'occupationSkillRelations.csv': table(['occupationUri', 'relationType', 'skillType', 'skillUri'], occupationSkills),
      'skillSkillRelations.csv': table(['originalSkillUri', 'originalSkillType', 'relationType', 'relatedSkillType', 'relatedSkillUri'], relations),
      'broaderRelationsSkillPillar.csv': table(['conceptType', 'conceptUri', 'broaderType', 'broaderUri'], broader),
    },
  };
}

/** What `escoFixture()` imports into an empty database. */
export const ESCO_FIXTURE_COUNTS = { skill: 10, skill_broader: 7, skill_relation: 2, occupation: 2, occupation_skill: 4 } as const;

/** Writes the fixture's two zips into `dir` (files inside a folder, as in the official downloads). */
export function writeEscoFixture(dir: string, fixture: EscoFixture = escoFixture()): EscoInputFiles {
  mkdirSync(dir, { recursive: true });
  const files = {
    classificationZip: join(dir, 'classification-en-csv.zip'),
    relationsZip: join(dir, 'relations-csv.zip'),
  };
  const inFolder = (entries: Record<string, string>): Record<string, string> =>
    Object.fromEntries(Object.entries(entries).map(([name, text]) => [`v1.1.1/${name}`, text]));
  writeFileSync(files.classificationZip, zipBuffer(inFolder(fixture.classification)));
  writeFileSync(files.relationsZip, zipBuffer(inFolder(fixture.relations)));
  return files;
}

const tsv = (header: readonly string[], rows: readonly (readonly string[])[]): string =>
  [header, ...rows].map((r) => r.join('\t')).join('\r\n') + '\r\n';

/**
 * A miniature O*NET: 3 occupations, 5 technologies in 3 commodities. "Python fixture 3" is an
 * alt label of the ESCO fixture's "Python fixture language"; "Kali-Fixture Distribution" normalises to the name
 * "Kali fixture distribution" (and becomes its alias).
 */
export function onetFixture(): Record<string, string> {
  return {
    'technology-skills.txt': tsv(
      ['O*NET-SOC Code', 'Example', 'Commodity Code', 'Commodity Title', 'Hot Technology', 'In Demand'],
      [
        ['15-1252.00', 'Python fixture 3', '43232402', 'Fixture development environment software', 'Y', 'Y'],
        ['15-1252.00', 'FixtureGit', '43232402', 'Fixture development environment software', 'Y', 'N'],
        ['15-1252.00', 'FixtureGit', '43232403', 'Fixture file versioning software', 'Y', 'N'],
        ['15-1212.00', 'Kali-Fixture Distribution', '43233204', 'Fixture security software', 'N', 'N'],
        ['15-1212.00', 'FixtureScan', '43233204', 'Fixture security software', 'N', 'Y'],
        ['15-1212.00', 'FixtureGit', '43232403', 'Fixture file versioning software', 'Y', 'Y'],
        ['35-2014.00', 'FixtureOven Manager', '43232402', 'Fixture development environment software', 'N', 'N'],
        ['99-9999.00', 'FixtureGhost', '43233204', 'Fixture security software', 'N', 'N'],
      ],
    ),
    'occupation-data.txt': tsv(
      ['O*NET-SOC Code', 'Title', 'Description'],
      [
        ['15-1252.00', 'Fixture Software Developers', 'Develop fixtures.'],
        ['15-1212.00', 'Fixture Information Security Analysts', 'Secure fixtures.'],
        ['35-2014.00', 'Fixture Cooks, Restaurant', 'Cook fixtures.'],
      ],
    ),
    'alternate-titles.txt': tsv(
      ['O*NET-SOC Code', 'Alternate Title', 'Short Title', 'Source(s)'],
      [
        ['15-1252.00', 'Fixture Programmer', 'n/a', '08'],
        ['15-1252.00', 'Fixture Software Engineer', 'Fixture SWE', '08'],
        ['15-1252.00', 'fixture programmer', 'n/a', '10'],
        ['35-2014.00', 'Fixture Line Cook', 'n/a', '08'],
        ['99-9999.00', 'Fixture Ghost', 'n/a', '08'],
      ],
    ),
  };
}

export function writeOnetFixture(dir: string, files: Record<string, string> = onetFixture()): string {
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}
