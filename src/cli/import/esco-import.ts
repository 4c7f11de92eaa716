/**
 * Imports the whole ESCO v1.1.1 skills pillar and all occupations from the two official CSV zips
 * into the database, merging with the seed catalogue (same stable ids: `stableUuid('esco', uri)`).
 *
 * Two phases: `readEscoInput` reads and validates everything and builds the rows in memory (it
 * refuses a damaged input with an ImportInputError before any write); `writeEscoPlan` upserts them
 * in batches inside the caller's transaction. `importEsco` does both in one transaction.
 */
import { parse } from 'csv-parse/sync';
import type { DataSource, EntityManager } from 'typeorm';
import type { SeedRelatedEdge, SeedSkill } from '../../seed/seed-data.types';
import { stableUuid } from '../../seed/stable-id';
import { ESCO_NAMESPACE, buildEscoCatalogue } from '../data-build/esco-catalogue';
import { type EscoConcept, type EscoSource, loadEscoSource } from '../data-build/esco-source';
import { readZipEntries } from '../data-build/zip-csv';
import { mergeAliases } from './aliases';
import { type BroaderEdge, selectAcyclicEdges } from './broader-cycles';
import { ImportInputError, assertZip, errorMessage } from './import-input';
import { type ImportProgress, NO_PROGRESS } from './progress';
import { type ImportSummary, SkipLog } from './summary';
import { type TableCounts, upsertRows } from './upsert';

export const ESCO_ATTRIBUTION =
  'This service uses the ESCO classification of the European Commission. (ESCO v1.1.1, reused under Commission Decision 2011/833/EU.)';

export interface EscoInputFiles {
  classificationZip: string;
  relationsZip: string;
}

export interface EscoPlanOccupation {
  id: string;
  uri: string;
  name: string;
  aliases: string[];
  description: string | null;
  iscoGroup: string | null;
}

export interface EscoPlanOccupationSkill {
  occupationId: string;
  skillId: string;
  essential: boolean;
}

/** Every row the import writes, validated, with ids. */
export interface EscoImportPlan {
  /** Skills, knowledge concepts and skill groups, with the data build's category rule. */
  skills: SeedSkill[];
  /** [childId, parentId], acyclic among themselves. */
  broader: BroaderEdge[];
  /** [fromId, toId, weight]: 0.8 essential, 0.5 optional (max when both). */
  related: SeedRelatedEdge[];
  occupations: EscoPlanOccupation[];
  occupationSkills: EscoPlanOccupationSkill[];
  skipped: SkipLog;
  notes: string[];
}

const CLASSIFICATION_FILES = [
  'skills_en.csv',
  'skillGroups_en.csv',
  'occupations_en.csv',
  'transversalSkillsCollection_en.csv',
  'digitalSkillsCollection_en.csv',
  'languageSkillsCollection_en.csv',
];
const RELATION_FILES = ['occupationSkillRelations.csv', 'skillSkillRelations.csv', 'broaderRelationsSkillPillar.csv'];

/** A stand-in ICT occupation listing every concept, so that `buildEscoCatalogue` keeps the whole pillar. */
const EVERY_CONCEPT_OCCUPATION = 'urn:skillstack:import:every-esco-concept';

export const SKIP_REASONS = {
  danglingBroader: 'broader relations naming a concept that is in neither skills_en.csv nor skillGroups_en.csv',
  cycle: 'broader relations that would close a cycle',
  danglingRelation: 'skill-skill relations naming an unknown skill',
  selfRelation: 'skill-skill relations from a skill to itself',
  danglingOccupationSkill: 'occupation-skill relations naming an occupation or skill that is not in the files',
} as const;

/** Reads and validates both zips and builds the plan; throws ImportInputError on a damaged input. */
export async function readEscoInput(files: EscoInputFiles): Promise<EscoImportPlan> {
  await assertZip(files.classificationZip, 'ESCO classification zip');
  await assertZip(files.relationsZip, 'ESCO relations zip');
  let source: EscoSource;
  try {
    source = await loadEscoSource(files.classificationZip, files.relationsZip);
  } catch (error) {
    throw new ImportInputError(await describeLoadFailure(files, error));
  }
  return planEscoImport(source);
}

/** csv-parse errors do not name the file: find the first CSV that does not parse. */
async function describeLoadFailure(files: EscoInputFiles, error: unknown): Promise<string> {
  const message = errorMessage(error);
  if (!(error as { code?: string }).code?.startsWith('CSV_')) return message;
  for (const [zip, names] of [
    [files.classificationZip, CLASSIFICATION_FILES],
    [files.relationsZip, RELATION_FILES],
  ] as const) {
    const entries = await readZipEntries(zip, names).catch(() => new Map<string, Buffer>());
    for (const [name, buffer] of entries) {
      try {
        parse(buffer, { columns: true, bom: true, skip_empty_lines: true });
      } catch (csvError) {
        return `${zip}: ${name} is not valid CSV (${errorMessage(csvError)})`;
      }
    }
  }
  return message;
}

function requireText(value: string, what: string): void {
  if (value.trim() === '') throw new ImportInputError(what);
}

/** Validates a loaded source and derives the rows to write (pure; no I/O). */
export function planEscoImport(source: EscoSource): EscoImportPlan {
  if (source.concepts.size === 0) throw new ImportInputError('skills_en.csv and skillGroups_en.csv hold no concepts');
  if (source.occupations.length === 0) throw new ImportInputError('occupations_en.csv holds no occupations');
  for (const concept of source.concepts.values()) {
    requireText(concept.uri, 'a skill or skill group has an empty conceptUri');
    requireText(concept.name, `concept ${concept.uri} has an empty preferredLabel`);
  }
  const occupationUris = new Set<string>();
  for (const o of source.occupations) {
    requireText(o.uri, 'an occupation has an empty conceptUri');
    requireText(o.name, `occupation ${o.uri} has an empty preferredLabel`);
    if (occupationUris.has(o.uri)) throw new ImportInputError(`occupations_en.csv lists ${o.uri} twice`);
    occupationUris.add(o.uri);
  }

  const skipped = new SkipLog();
  const known = (uri: string): boolean => source.concepts.has(uri);
  const label = (uri: string): string => source.concepts.get(uri)?.name ?? uri;

  const broaderUris: BroaderEdge[] = [];
  for (const b of source.broader) {
    if (known(b.childUri) && known(b.parentUri)) broaderUris.push([b.childUri, b.parentUri]);
    else skipped.add(SKIP_REASONS.danglingBroader, `${b.childUri} -> ${b.parentUri}`);
  }
  const acyclic = selectAcyclicEdges([], broaderUris);
  for (const [child, parent] of acyclic.skipped) skipped.add(SKIP_REASONS.cycle, `${label(child)} -> ${label(parent)}`);

  const skillRelations = source.skillRelations.filter((r) => {
    if (!known(r.fromUri) || !known(r.toUri)) skipped.add(SKIP_REASONS.danglingRelation, `${r.fromUri} -> ${r.toUri}`);
    else if (r.fromUri === r.toUri) skipped.add(SKIP_REASONS.selfRelation, label(r.fromUri));
    else return true;
    return false;
  });

  // The category rule, ids and relation weights are the data build's own (src/cli/data-build): its
  // catalogue keeps the skills of ICT occupations and their ancestors, so one stand-in ICT
  // occupation that lists every concept makes it derive the whole pillar.
  let catalogue: ReturnType<typeof buildEscoCatalogue>;
  try {
    catalogue = buildEscoCatalogue({
      ...source,
      broader: acyclic.kept.map(([childUri, parentUri]) => ({ childUri, parentUri })),
      skillRelations,
      occupations: [{ uri: EVERY_CONCEPT_OCCUPATION, name: 'every concept', aliases: [], iscoGroup: '2500', code: '', description: null }],
      occupationSkills: [...source.concepts.keys()].map((skillUri) => ({
        occupationUri: EVERY_CONCEPT_OCCUPATION,
        skillUri,
        relationType: 'optional' as const,
      })),
    });
  } catch (error) {
    throw new ImportInputError(errorMessage(error));
  }

  const occupations: EscoPlanOccupation[] = source.occupations.map((o) => ({
    id: stableUuid(ESCO_NAMESPACE, o.uri),
    uri: o.uri,
    name: o.name,
    aliases: o.aliases,
    description: o.description,
    iscoGroup: o.iscoGroup === '' ? null : o.iscoGroup,
  }));
  // A skill listed as both essential and optional for an occupation is essential (as in the data build).
  const links = new Map<string, EscoPlanOccupationSkill>();
  for (const rel of source.occupationSkills) {
    if (!occupationUris.has(rel.occupationUri) || !known(rel.skillUri)) {
      skipped.add(SKIP_REASONS.danglingOccupationSkill, `${rel.occupationUri} -> ${rel.skillUri}`);
      continue;
    }
    const occupationId = stableUuid(ESCO_NAMESPACE, rel.occupationUri);
    const skillId = (catalogue.skillsByUri.get(rel.skillUri) as SeedSkill).id;
    const key = `${occupationId}|${skillId}`;
    const existing = links.get(key);
    if (existing) existing.essential ||= rel.relationType === 'essential';
    else links.set(key, { occupationId, skillId, essential: rel.relationType === 'essential' });
  }

  const byKind = countBy(source.concepts.values(), (c: EscoConcept) => c.kind);
  const byCategory = countBy(catalogue.skills, (s) => s.category);
  return {
    skills: catalogue.skills,
    broader: catalogue.broader,
    related: catalogue.related,
    occupations,
    occupationSkills: [...links.values()],
    skipped,
    notes: [
      `input: ${describeCounts(byKind)} concepts (${describeCounts(byCategory)}), ${occupations.length} occupations, ` +
        `${catalogue.skills.reduce((n, s) => n + s.aliases.length, 0)} skill alt labels`,
    ],
  };
}

function countBy<T>(items: Iterable<T>, key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

function describeCounts(counts: Map<string, number>): string {
  return [...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, n]) => `${n} ${k}`).join(', ');
}

export function escoPlanRowCount(plan: EscoImportPlan): number {
  return plan.skills.length + plan.broader.length + plan.related.length + plan.occupations.length + plan.occupationSkills.length;
}

/** Fails (rolling the transaction back) when a stored row already carries one of the URIs under another id. */
async function assertNoUriClash(manager: EntityManager, table: 'skill' | 'occupation', rows: readonly { id: string; uri: string }[]): Promise<void> {
  const expected = new Map(rows.map((r) => [r.uri, r.id]));
  const stored: { id: string; uri: string }[] = await manager.query(
    `SELECT id, external_uri AS uri FROM ${table} WHERE external_uri = ANY($1::text[])`,
    [rows.map((r) => r.uri)],
  );
  const clash = stored.find((r) => expected.get(r.uri) !== r.id);
  if (clash) {
    throw new Error(`${table} ${clash.id} already has external_uri ${clash.uri}, which the import gives to ${expected.get(clash.uri)}`);
  }
}

async function storedAliases(manager: EntityManager, table: 'skill' | 'occupation', ids: readonly string[]): Promise<Map<string, string[]>> {
  const rows: { id: string; aliases: string[] }[] = await manager.query(`SELECT id, aliases FROM ${table} WHERE id = ANY($1::uuid[])`, [ids]);
  return new Map(rows.map((r) => [r.id, r.aliases]));
}

/** Upserts the plan (inside the caller's transaction) and returns what changed per table. */
export async function writeEscoPlan(
  manager: EntityManager,
  plan: EscoImportPlan,
  progress: ImportProgress = NO_PROGRESS,
): Promise<Record<string, TableCounts>> {
  await assertNoUriClash(manager, 'skill', plan.skills);
  await assertNoUriClash(manager, 'occupation', plan.occupations);
  const skillAliases = await storedAliases(manager, 'skill', plan.skills.map((s) => s.id));
  const occupationAliases = await storedAliases(manager, 'occupation', plan.occupations.map((o) => o.id));
  const storedBroader: { c: string; p: string }[] = await manager.query('SELECT skill_id AS c, broader_id AS p FROM skill_broader');
  const broader = selectAcyclicEdges(storedBroader.map((r) => [r.c, r.p] as const), plan.broader);
  const nameOf = new Map(plan.skills.map((s) => [s.id, s.name]));
  for (const [child, parent] of broader.skipped) {
    plan.skipped.add(SKIP_REASONS.cycle, `${nameOf.get(child) ?? child} -> ${nameOf.get(parent) ?? parent} (with the stored hierarchy)`);
  }

  const total = escoPlanRowCount(plan);
  let done = 0;
  const tick = (phase: string) => (rows: number) => {
    done += rows;
    progress.update(done, phase);
  };
  progress.start(total, 'skill');
  const tables: Record<string, TableCounts> = {};
  tables.skill = await upsertRows(
    manager,
    'skill',
    [
      { name: 'id', type: 'uuid', value: (s: SeedSkill) => s.id },
      { name: 'name', type: 'text', value: (s) => s.name },
      { name: 'aliases', type: 'text[]', value: (s) => mergeAliases(s.name, skillAliases.get(s.id) ?? [], s.aliases) },
      { name: 'description', type: 'text', value: (s) => s.description },
      { name: 'category', type: 'text', value: (s) => s.category },
      { name: 'external_uri', type: 'text', value: (s) => s.uri },
    ],
    plan.skills,
    { key: ['id'], touch: 'updated_at', onChunk: tick('skill') },
  );
  tables.skill_broader = await upsertRows(
    manager,
    'skill_broader',
    [
      { name: 'skill_id', type: 'uuid', value: (e: BroaderEdge) => e[0] },
      { name: 'broader_id', type: 'uuid', value: (e) => e[1] },
    ],
    broader.kept,
    { key: ['skill_id', 'broader_id'], onChunk: tick('skill_broader') },
  );
  done += plan.broader.length - broader.kept.length;
  tables.skill_relation = await upsertRows(
    manager,
    'skill_relation',
    [
      { name: 'skill_id', type: 'uuid', value: (e: SeedRelatedEdge) => e[0] },
      { name: 'related_id', type: 'uuid', value: (e) => e[1] },
      { name: 'weight', type: 'float8', value: (e) => e[2] },
    ],
    plan.related,
    { key: ['skill_id', 'related_id'], onChunk: tick('skill_relation') },
  );
  tables.occupation = await upsertRows(
    manager,
    'occupation',
    [
      { name: 'id', type: 'uuid', value: (o: EscoPlanOccupation) => o.id },
      { name: 'name', type: 'text', value: (o) => o.name },
      { name: 'aliases', type: 'text[]', value: (o) => mergeAliases(o.name, occupationAliases.get(o.id) ?? [], o.aliases) },
      { name: 'description', type: 'text', value: (o) => o.description },
      { name: 'external_uri', type: 'text', value: (o) => o.uri },
      { name: 'isco_group', type: 'text', value: (o) => o.iscoGroup },
    ],
    plan.occupations,
    { key: ['id'], onChunk: tick('occupation') },
  );
  tables.occupation_skill = await upsertRows(
    manager,
    'occupation_skill',
    [
      { name: 'occupation_id', type: 'uuid', value: (r: EscoPlanOccupationSkill) => r.occupationId },
      { name: 'skill_id', type: 'uuid', value: (r) => r.skillId },
      { name: 'essential', type: 'bool', value: (r) => r.essential },
    ],
    plan.occupationSkills,
    { key: ['occupation_id', 'skill_id'], onChunk: tick('occupation_skill') },
  );
  progress.stop();
  return tables;
}

export interface ImportOptions {
  progress?: ImportProgress;
  /** How to name the database in the summary (`postgres`, `pglite`). */
  database?: string;
}

/** Reads, validates, then writes everything in one transaction: a refused input or a failure writes nothing. */
export async function importEsco(dataSource: DataSource, files: EscoInputFiles, options: ImportOptions = {}): Promise<ImportSummary> {
  const started = Date.now();
  options.progress?.step('reading and validating the ESCO zips');
  const plan = await readEscoInput(files);
  return writeEscoImport(dataSource, plan, { ...options, started });
}

/** Writes a plan from `readEscoInput` in one transaction and summarises it (`started`: when reading began). */
export async function writeEscoImport(dataSource: DataSource, plan: EscoImportPlan, options: ImportOptions & { started?: number } = {}): Promise<ImportSummary> {
  const started = options.started ?? Date.now();
  const tables = await dataSource.transaction((manager) => writeEscoPlan(manager, plan, options.progress));
  return {
    source: 'ESCO v1.1.1',
    database: options.database ?? 'database',
    tables,
    notes: plan.notes,
    skipped: plan.skipped.entries,
    ms: Date.now() - started,
  };
}
