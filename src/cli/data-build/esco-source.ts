import type { SkillKind } from '../../seed/seed-data.types';
import { type CsvRow, parseCsv, readZipEntries } from './zip-csv';

/** A skill, knowledge concept or skill group from the ESCO skills pillar. */
export interface EscoConcept {
  uri: string;
  kind: SkillKind;
  name: string;
  aliases: string[];
  description: string | null;
  /** ESCO reuseLevel (transversal, cross-sector, sector-specific, occupation-specific) or '' for groups. */
  reuseLevel: string;
}

export interface EscoOccupation {
  uri: string;
  name: string;
  aliases: string[];
  iscoGroup: string;
  code: string;
  description: string | null;
}

export type EscoRelationType = 'essential' | 'optional';

export interface EscoOccupationSkill {
  occupationUri: string;
  skillUri: string;
  relationType: EscoRelationType;
}

export interface EscoSkillRelation {
  fromUri: string;
  toUri: string;
  relationType: EscoRelationType;
}

export interface EscoBroader {
  childUri: string;
  parentUri: string;
}

export interface EscoSource {
  concepts: Map<string, EscoConcept>;
  occupations: EscoOccupation[];
  occupationSkills: EscoOccupationSkill[];
  skillRelations: EscoSkillRelation[];
  broader: EscoBroader[];
  transversalCollection: Set<string>;
  digitalCollection: Set<string>;
  languageCollection: Set<string>;
}

const CLASSIFICATION_FILES = [
  'skills_en.csv',
  'skillGroups_en.csv',
  'occupations_en.csv',
  'transversalSkillsCollection_en.csv',
  'digitalSkillsCollection_en.csv',
  'languageSkillsCollection_en.csv',
] as const;

const RELATION_FILES = ['occupationSkillRelations.csv', 'skillSkillRelations.csv', 'broaderRelationsSkillPillar.csv'] as const;

/** Splits a newline-separated ESCO label list, trims, dedupes case-insensitively and drops `name`. */
export function splitAliases(raw: string, name: string): string[] {
  const seen = new Set<string>([name.trim().toLowerCase()]);
  const aliases: string[] = [];
  for (const line of raw.split(/\r?\n/)) {
    const alias = line.trim();
    const folded = alias.toLowerCase();
    if (alias === '' || seen.has(folded)) continue;
    seen.add(folded);
    aliases.push(alias);
  }
  return aliases;
}

function text(value: string | undefined): string | null {
  const trimmed = (value ?? '').trim();
  return trimmed === '' ? null : trimmed;
}

function relationType(value: string, source: string): EscoRelationType {
  if (value === 'essential' || value === 'optional') return value;
  throw new Error(`${source}: unexpected relationType "${value}"`);
}

function skillConcept(row: CsvRow): EscoConcept {
  const name = row.preferredLabel.trim();
  return {
    uri: row.conceptUri,
    kind: row.skillType === 'knowledge' ? 'knowledge' : 'skill',
    name,
    aliases: splitAliases(row.altLabels, name),
    description: text(row.description) ?? text(row.definition),
    reuseLevel: row.reuseLevel.trim(),
  };
}

function groupConcept(row: CsvRow): EscoConcept {
  const name = row.preferredLabel.trim();
  return {
    uri: row.conceptUri,
    kind: 'group',
    name,
    aliases: splitAliases(row.altLabels, name),
    description: text(row.description),
    reuseLevel: '',
  };
}

function occupation(row: CsvRow): EscoOccupation {
  const name = row.preferredLabel.trim();
  return {
    uri: row.conceptUri,
    name,
    aliases: splitAliases(row.altLabels, name),
    iscoGroup: row.iscoGroup.trim(),
    code: row.code.trim(),
    description: text(row.description) ?? text(row.definition),
  };
}

function uriSet(rows: CsvRow[]): Set<string> {
  return new Set(rows.map((row) => row.conceptUri));
}

/** Loads the parts of ESCO v1.1.1 the catalogue needs from the two official CSV zips. */
export async function loadEscoSource(classificationZip: string, relationsZip: string): Promise<EscoSource> {
  const classification = await readZipEntries(classificationZip, CLASSIFICATION_FILES);
  const relations = await readZipEntries(relationsZip, RELATION_FILES);
  const csv = (files: Map<string, Buffer>, name: string, columns: readonly string[]): CsvRow[] =>
    parseCsv(files.get(name) as Buffer, columns, name);

  const concepts = new Map<string, EscoConcept>();
  const skillColumns = ['conceptUri', 'skillType', 'reuseLevel', 'preferredLabel', 'altLabels', 'description', 'definition'];
  for (const row of csv(classification, 'skills_en.csv', skillColumns)) concepts.set(row.conceptUri, skillConcept(row));
  const groupColumns = ['conceptUri', 'preferredLabel', 'altLabels', 'description'];
  for (const row of csv(classification, 'skillGroups_en.csv', groupColumns)) {
    if (concepts.has(row.conceptUri)) throw new Error(`concept ${row.conceptUri} is both a skill and a skill group`);
    concepts.set(row.conceptUri, groupConcept(row));
  }

  const occupationColumns = ['conceptUri', 'iscoGroup', 'preferredLabel', 'altLabels', 'description', 'definition', 'code'];
  const collectionColumns = ['conceptUri'];
  return {
    concepts,
    occupations: csv(classification, 'occupations_en.csv', occupationColumns).map(occupation),
    occupationSkills: csv(relations, 'occupationSkillRelations.csv', ['occupationUri', 'relationType', 'skillUri']).map(
      (row) => ({
        occupationUri: row.occupationUri,
        skillUri: row.skillUri,
        relationType: relationType(row.relationType, 'occupationSkillRelations.csv'),
      }),
    ),
    skillRelations: csv(relations, 'skillSkillRelations.csv', ['originalSkillUri', 'relationType', 'relatedSkillUri']).map(
      (row) => ({
        fromUri: row.originalSkillUri,
        toUri: row.relatedSkillUri,
        relationType: relationType(row.relationType, 'skillSkillRelations.csv'),
      }),
    ),
    broader: csv(relations, 'broaderRelationsSkillPillar.csv', ['conceptUri', 'broaderUri']).map((row) => ({
      childUri: row.conceptUri,
      parentUri: row.broaderUri,
    })),
    transversalCollection: uriSet(csv(classification, 'transversalSkillsCollection_en.csv', collectionColumns)),
    digitalCollection: uriSet(csv(classification, 'digitalSkillsCollection_en.csv', collectionColumns)),
    languageCollection: uriSet(csv(classification, 'languageSkillsCollection_en.csv', collectionColumns)),
  };
}
