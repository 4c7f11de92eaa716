/**
 * Imports O*NET 29.2 technology skills and occupations (tab-separated text files) into the database.
 *
 * - Each technology `Example` links to an existing skill whose name, else one of whose aliases, is
 *   the same text once normalised (`TextNormaliser.normalise`: case, accents and punctuation aside,
 *   the search engine's notion of an exact match); otherwise a TECHNICAL skill is created
 *   (`stableUuid('onet-tech', example)`). Skills created by this import never serve as link targets,
 *   so a re-run resolves every example the same way.
 * - Each `Commodity Title` becomes a group-like TECHNICAL skill (`stableUuid('onet-commodity', code)`),
 *   broader than every technology listed under it (linked or created).
 * - `Hot Technology = Y`: the skill's half-life is 24 months unless it already has one.
 * - A linked skill gets the example as an alias when its name and aliases do not already hold it
 *   (case-insensitively).
 * - Occupations (`stableUuid('onet-occupation', code)`, external_uri = the O*NET-SOC code) take their
 *   alternate titles (and short titles) as aliases and their technologies as occupation skills:
 *   essential when O*NET flags the technology `In Demand` for that occupation (it is frequent in
 *   that occupation's job postings), optional otherwise. `Hot Technology` is a market-wide signal,
 *   not an occupation-specific one, so it sets the half-life instead.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DataSource, EntityManager } from 'typeorm';
import { TextNormaliser } from '../../domain/search/text-normaliser';
import { stableUuid } from '../../seed/stable-id';
import type { CsvRow } from '../data-build/zip-csv';
import { mergeAliases } from './aliases';
import { type BroaderEdge, selectAcyclicEdges } from './broader-cycles';
import type { ImportOptions } from './esco-import';
import { ImportInputError, assertDirectory, assertFile, parseTsv } from './import-input';
import { type ImportProgress, NO_PROGRESS } from './progress';
import { type ImportSummary, SkipLog } from './summary';
import { type TableCounts, upsertRows } from './upsert';

export const ONET_ATTRIBUTION =
  'This product includes information from the O*NET 29.2 Database by the U.S. Department of Labor, Employment and Training Administration (USDOL/ETA), used under the CC BY 4.0 license.';

export const ONET_FILES = {
  technology: 'technology-skills.txt',
  occupations: 'occupation-data.txt',
  alternateTitles: 'alternate-titles.txt',
} as const;

const COLUMNS = {
  technology: ['O*NET-SOC Code', 'Example', 'Commodity Code', 'Commodity Title', 'Hot Technology', 'In Demand'],
  occupations: ['O*NET-SOC Code', 'Title', 'Description'],
  alternateTitles: ['O*NET-SOC Code', 'Alternate Title', 'Short Title'],
} as const;

export const ONET_HOT_HALF_LIFE_MONTHS = 24;
export const ONET_TECH_NAMESPACE = 'onet-tech';
export const ONET_COMMODITY_NAMESPACE = 'onet-commodity';
export const ONET_OCCUPATION_NAMESPACE = 'onet-occupation';

const SOC_CODE = /^\d{2}-\d{4}\.\d{2}$/;
const COMMODITY_CODE = /^\d{8}$/;

export interface OnetTechnology {
  /** The id a created skill gets; the import may link the example to an existing skill instead. */
  id: string;
  name: string;
  commodityCodes: string[];
  hot: boolean;
  /** O*NET-SOC code → In Demand for that occupation. */
  occupations: Map<string, boolean>;
}

export interface OnetCommodity {
  id: string;
  code: string;
  title: string;
}

export interface OnetOccupation {
  id: string;
  code: string;
  title: string;
  description: string | null;
  aliases: string[];
}

export interface OnetInput {
  technologies: OnetTechnology[];
  commodities: OnetCommodity[];
  occupations: OnetOccupation[];
  skipped: SkipLog;
}

export interface OnetRows {
  technology: CsvRow[];
  occupations: CsvRow[];
  alternateTitles: CsvRow[];
}

/** Reads and validates the three files in `dir`; throws ImportInputError on a missing or damaged one. */
export function readOnetInput(dir: string): OnetInput {
  assertDirectory(dir, 'O*NET directory');
  const read = (key: keyof typeof ONET_FILES): CsvRow[] => {
    const path = join(dir, ONET_FILES[key]);
    assertFile(path, `O*NET ${ONET_FILES[key]}`);
    return parseTsv(readFileSync(path), COLUMNS[key], ONET_FILES[key]);
  };
  return planOnetInput({ technology: read('technology'), occupations: read('occupations'), alternateTitles: read('alternateTitles') });
}

function refuse(file: string, index: number, message: string): never {
  // index 0 is the first data row, on line 2 of the file
  throw new ImportInputError(`${file} line ${index + 2}: ${message}`);
}

function yesNo(value: string, file: string, index: number, column: string): boolean {
  if (value === 'Y') return true;
  if (value === 'N') return false;
  return refuse(file, index, `${column} must be Y or N, got "${value}"`);
}

/** Validates parsed rows and derives the technologies, commodities and occupations (pure). */
export function planOnetInput(rows: OnetRows): OnetInput {
  const skipped = new SkipLog();
  const occupations = new Map<string, OnetOccupation>();
  rows.occupations.forEach((row, i) => {
    const code = row['O*NET-SOC Code'];
    if (!SOC_CODE.test(code)) refuse(ONET_FILES.occupations, i, `bad O*NET-SOC code "${code}"`);
    if (occupations.has(code)) refuse(ONET_FILES.occupations, i, `occupation ${code} is listed twice`);
    if (row.Title === '') refuse(ONET_FILES.occupations, i, `occupation ${code} has no title`);
    occupations.set(code, {
      id: stableUuid(ONET_OCCUPATION_NAMESPACE, code),
      code,
      title: row.Title,
      description: row.Description === '' ? null : row.Description,
      aliases: [],
    });
  });

  const alternates = new Map<string, string[]>();
  rows.alternateTitles.forEach((row, i) => {
    const code = row['O*NET-SOC Code'];
    if (!SOC_CODE.test(code)) refuse(ONET_FILES.alternateTitles, i, `bad O*NET-SOC code "${code}"`);
    if (!occupations.has(code)) {
      skipped.add(`alternate titles of an occupation missing from ${ONET_FILES.occupations}`, `${code} ${row['Alternate Title']}`);
      return;
    }
    const list = alternates.get(code) ?? [];
    list.push(row['Alternate Title']);
    if (row['Short Title'] !== '' && row['Short Title'] !== 'n/a') list.push(row['Short Title']);
    alternates.set(code, list);
  });
  for (const [code, list] of alternates) {
    const occupation = occupations.get(code) as OnetOccupation;
    occupation.aliases = mergeAliases(occupation.title, [], list);
  }

  const commodities = new Map<string, OnetCommodity>();
  const technologies = new Map<string, OnetTechnology>();
  rows.technology.forEach((row, i) => {
    const file = ONET_FILES.technology;
    const code = row['O*NET-SOC Code'];
    const example = row.Example;
    const commodityCode = row['Commodity Code'];
    const title = row['Commodity Title'];
    if (!SOC_CODE.test(code)) refuse(file, i, `bad O*NET-SOC code "${code}"`);
    if (example === '') refuse(file, i, 'empty Example');
    if (!COMMODITY_CODE.test(commodityCode)) refuse(file, i, `bad Commodity Code "${commodityCode}"`);
    if (title === '') refuse(file, i, `commodity ${commodityCode} has no title`);
    const hot = yesNo(row['Hot Technology'], file, i, 'Hot Technology');
    const inDemand = yesNo(row['In Demand'], file, i, 'In Demand');
    const commodity = commodities.get(commodityCode);
    if (!commodity) {
      commodities.set(commodityCode, { id: stableUuid(ONET_COMMODITY_NAMESPACE, commodityCode), code: commodityCode, title });
    } else if (commodity.title !== title) {
      refuse(file, i, `commodity ${commodityCode} is "${title}" here but "${commodity.title}" before`);
    }
    let technology = technologies.get(example);
    if (!technology) {
      technology = { id: stableUuid(ONET_TECH_NAMESPACE, example), name: example, commodityCodes: [], hot: false, occupations: new Map() };
      technologies.set(example, technology);
    }
    if (!technology.commodityCodes.includes(commodityCode)) technology.commodityCodes.push(commodityCode);
    technology.hot ||= hot;
    if (!occupations.has(code)) {
      skipped.add(`technology rows of an occupation missing from ${ONET_FILES.occupations} (the technology is kept)`, `${code} ${example}`);
      return;
    }
    technology.occupations.set(code, (technology.occupations.get(code) ?? false) || inDemand);
  });
  if (technologies.size === 0) throw new ImportInputError(`${ONET_FILES.technology}: no technologies`);

  return { technologies: [...technologies.values()], commodities: [...commodities.values()], occupations: [...occupations.values()], skipped };
}

/** A skill already in the database, as the linker sees it. */
export interface StoredSkill {
  id: string;
  name: string;
  aliases: string[];
  halfLifeMonths: number | null;
}

export type LinkVia = 'name' | 'alias' | 'created';

export interface TechnologyLink {
  skillId: string;
  via: LinkVia;
  /** Several stored skills matched in the winning tier (the one whose label is literally the example, then equal ignoring case, then the smallest id, won). */
  ambiguous: boolean;
}

/**
 * Resolves every technology to a stored skill (name first, then alias; normalised exact match) or
 * to its own new skill. Skills whose ids this import owns (`ownIds`) are never targets.
 */
export function linkTechnologies(technologies: readonly OnetTechnology[], stored: readonly StoredSkill[], ownIds: ReadonlySet<string>): Map<string, TechnologyLink> {
  const byName = new Map<string, StoredSkill[]>();
  const byAlias = new Map<string, StoredSkill[]>();
  const add = (index: Map<string, StoredSkill[]>, label: string, skill: StoredSkill): void => {
    const key = TextNormaliser.normalise(label);
    if (key === '') return;
    const list = index.get(key);
    if (!list) index.set(key, [skill]);
    else if (!list.includes(skill)) list.push(skill);
  };
  for (const skill of stored) {
    if (ownIds.has(skill.id)) continue;
    add(byName, skill.name, skill);
    for (const alias of skill.aliases) add(byAlias, alias, skill);
  }
  const links = new Map<string, TechnologyLink>();
  for (const technology of technologies) {
    const key = TextNormaliser.normalise(technology.name);
    const folded = technology.name.toLowerCase();
    const pick = (candidates: StoredSkill[] | undefined, via: LinkVia): TechnologyLink | undefined => {
      if (!candidates || candidates.length === 0) return undefined;
      const rank = (s: StoredSkill): number => {
        const labels = via === 'name' ? [s.name] : s.aliases;
        if (labels.includes(technology.name)) return 0;
        return labels.some((l) => l.toLowerCase() === folded) ? 1 : 2;
      };
      const best = [...candidates].sort((a, b) => rank(a) - rank(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))[0];
      return { skillId: best.id, via, ambiguous: candidates.length > 1 };
    };
    const link = key === '' ? undefined : (pick(byName.get(key), 'name') ?? pick(byAlias.get(key), 'alias'));
    links.set(technology.name, link ?? { skillId: technology.id, via: 'created', ambiguous: false });
  }
  return links;
}

interface SkillRow {
  id: string;
  name: string;
  aliases: string[];
  description: string;
  halfLifeMonths: number | null;
}

interface LinkedUpdate {
  id: string;
  aliases: string[];
  halfLifeMonths: number | null;
}

interface OccupationSkillRow {
  occupationId: string;
  skillId: string;
  essential: boolean;
}

/** Upserts the input (inside the caller's transaction); returns per-target counts and notes. */
export async function writeOnetInput(
  manager: EntityManager,
  input: OnetInput,
  progress: ImportProgress = NO_PROGRESS,
): Promise<{ tables: Record<string, TableCounts>; notes: string[] }> {
  const storedRows: { id: string; name: string; aliases: string[]; half_life_months: number | null }[] = await manager.query(
    'SELECT id, name, aliases, half_life_months FROM skill',
  );
  const stored = storedRows.map((r) => ({ id: r.id, name: r.name, aliases: r.aliases, halfLifeMonths: r.half_life_months === null ? null : Number(r.half_life_months) }));
  const storedById = new Map(stored.map((s) => [s.id, s]));
  const ownIds = new Set([...input.technologies.map((t) => t.id), ...input.commodities.map((c) => c.id)]);
  const links = linkTechnologies(input.technologies, stored, ownIds);
  const commodityById = new Map(input.commodities.map((c) => [c.code, c]));

  const created: SkillRow[] = [];
  const linked = new Map<string, { examples: string[]; hot: boolean }>();
  const edges: BroaderEdge[] = [];
  const occupationSkills = new Map<string, OccupationSkillRow>();
  const occupationIds = new Map(input.occupations.map((o) => [o.code, o.id]));
  const via = { name: 0, alias: 0, created: 0, ambiguous: 0, hot: 0 };
  for (const technology of input.technologies) {
    const link = links.get(technology.name) as TechnologyLink;
    via[link.via] += 1;
    if (link.ambiguous) via.ambiguous += 1;
    if (technology.hot) via.hot += 1;
    const titles = technology.commodityCodes.map((code) => (commodityById.get(code) as OnetCommodity).title);
    if (link.via === 'created') {
      created.push({
        id: technology.id,
        name: technology.name,
        aliases: storedById.get(technology.id)?.aliases ?? [],
        description: `Technology listed in O*NET 29.2 under ${titles.join('; ')}.`,
        halfLifeMonths: technology.hot ? ONET_HOT_HALF_LIFE_MONTHS : null,
      });
    } else {
      const entry = linked.get(link.skillId) ?? { examples: [], hot: false };
      entry.examples.push(technology.name);
      entry.hot ||= technology.hot;
      linked.set(link.skillId, entry);
    }
    for (const code of technology.commodityCodes) edges.push([link.skillId, (commodityById.get(code) as OnetCommodity).id]);
    for (const [code, inDemand] of technology.occupations) {
      const occupationId = occupationIds.get(code) as string;
      const key = `${occupationId}|${link.skillId}`;
      const row = occupationSkills.get(key);
      if (row) row.essential ||= inDemand;
      else occupationSkills.set(key, { occupationId, skillId: link.skillId, essential: inDemand });
    }
  }
  const linkedUpdates: LinkedUpdate[] = [...linked].map(([id, { examples, hot }]) => {
    const skill = storedById.get(id) as StoredSkill;
    return {
      id,
      aliases: mergeAliases(skill.name, skill.aliases, examples),
      halfLifeMonths: skill.halfLifeMonths ?? (hot ? ONET_HOT_HALF_LIFE_MONTHS : null),
    };
  });
  const storedEdges: { c: string; p: string }[] = await manager.query('SELECT skill_id AS c, broader_id AS p FROM skill_broader');
  const broader = selectAcyclicEdges(storedEdges.map((r) => [r.c, r.p] as const), edges);
  const nameOf = (id: string): string => storedById.get(id)?.name ?? id;
  for (const [child, parent] of broader.skipped) input.skipped.add('broader relations that would close a cycle', `${nameOf(child)} -> ${nameOf(parent)}`);

  const total = input.commodities.length + created.length + linkedUpdates.length + broader.kept.length + input.occupations.length + occupationSkills.size;
  let done = 0;
  const tick = (phase: string) => (rows: number) => {
    done += rows;
    progress.update(done, phase);
  };
  progress.start(total, 'skill (commodity)');
  const tables: Record<string, TableCounts> = {};
  const skillColumns = [
    { name: 'id', type: 'uuid', value: (s: SkillRow) => s.id },
    { name: 'name', type: 'text', value: (s: SkillRow) => s.name },
    { name: 'aliases', type: 'text[]', value: (s: SkillRow) => s.aliases },
    { name: 'description', type: 'text', value: (s: SkillRow) => s.description },
    { name: 'category', type: 'text', value: () => 'TECHNICAL' },
    {
      name: 'half_life_months',
      type: 'float8',
      value: (s: SkillRow) => s.halfLifeMonths,
      onConflict: 'COALESCE(t.half_life_months, EXCLUDED.half_life_months)',
    },
  ];
  tables['skill (commodity)'] = await upsertRows(
    manager,
    'skill',
    skillColumns,
    input.commodities.map((c) => ({
      id: c.id,
      name: c.title,
      aliases: storedById.get(c.id)?.aliases ?? [],
      description: `Technology category in O*NET 29.2 (UNSPSC commodity ${c.code}).`,
      halfLifeMonths: null,
    })),
    { key: ['id'], touch: 'updated_at', onChunk: tick('skill (commodity)') },
  );
  tables['skill (created)'] = await upsertRows(manager, 'skill', skillColumns, created, {
    key: ['id'],
    touch: 'updated_at',
    onChunk: tick('skill (created)'),
  });
  tables['skill (linked)'] = await updateLinkedSkills(manager, linkedUpdates);
  tick('skill (linked)')(linkedUpdates.length);
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
  const storedOccupationAliases: { id: string; aliases: string[] }[] = await manager.query(
    'SELECT id, aliases FROM occupation WHERE id = ANY($1::uuid[])',
    [input.occupations.map((o) => o.id)],
  );
  const occupationAliases = new Map(storedOccupationAliases.map((r) => [r.id, r.aliases]));
  tables.occupation = await upsertRows(
    manager,
    'occupation',
    [
      { name: 'id', type: 'uuid', value: (o: OnetOccupation) => o.id },
      { name: 'name', type: 'text', value: (o) => o.title },
      { name: 'aliases', type: 'text[]', value: (o) => mergeAliases(o.title, occupationAliases.get(o.id) ?? [], o.aliases) },
      { name: 'description', type: 'text', value: (o) => o.description },
      { name: 'external_uri', type: 'text', value: (o) => o.code },
    ],
    input.occupations,
    { key: ['id'], onChunk: tick('occupation') },
  );
  tables.occupation_skill = await upsertRows(
    manager,
    'occupation_skill',
    [
      { name: 'occupation_id', type: 'uuid', value: (r: OccupationSkillRow) => r.occupationId },
      { name: 'skill_id', type: 'uuid', value: (r) => r.skillId },
      { name: 'essential', type: 'bool', value: (r) => r.essential },
    ],
    [...occupationSkills.values()],
    { key: ['occupation_id', 'skill_id'], onChunk: tick('occupation_skill') },
  );
  progress.stop();
  const notes = [
    `input: ${input.technologies.length} technologies (${via.hot} hot) in ${input.commodities.length} commodities, ${input.occupations.length} occupations`,
    `technologies linked to an existing skill by name ${via.name}, by alias ${via.alias} (${via.ambiguous} of them matched several skills), created ${via.created}`,
    `occupation skills: ${[...occupationSkills.values()].filter((r) => r.essential).length} essential (In Demand), ${[...occupationSkills.values()].filter((r) => !r.essential).length} optional`,
  ];
  return { tables, notes };
}

/** Adds aliases and the hot half-life to linked skills; counts rows that changed. */
async function updateLinkedSkills(manager: EntityManager, rows: readonly LinkedUpdate[]): Promise<TableCounts> {
  let updated = 0;
  const sql = `WITH w AS (
      UPDATE skill s SET aliases = u.aliases, half_life_months = u.half_life_months, updated_at = now()
      FROM (SELECT id, ARRAY(SELECT e.v FROM jsonb_array_elements_text(a::jsonb) WITH ORDINALITY AS e(v, n) ORDER BY e.n) AS aliases, h AS half_life_months
            FROM unnest($1::uuid[], $2::text[], $3::float8[]) AS x(id, a, h)) u
      WHERE s.id = u.id AND (s.aliases, s.half_life_months) IS DISTINCT FROM (u.aliases, u.half_life_months)
      RETURNING 1
    ) SELECT count(*)::int AS updated FROM w`;
  for (let start = 0; start < rows.length; start += 5000) {
    const chunk = rows.slice(start, start + 5000);
    const [result] = (await manager.query(sql, [chunk.map((r) => r.id), chunk.map((r) => JSON.stringify(r.aliases)), chunk.map((r) => r.halfLifeMonths)])) as {
      updated: number;
    }[];
    updated += Number(result.updated);
  }
  return { inserted: 0, updated, unchanged: rows.length - updated };
}

/** Reads and validates `dir`, then writes everything in one transaction. */
export async function importOnet(dataSource: DataSource, dir: string, options: ImportOptions = {}): Promise<ImportSummary> {
  const started = Date.now();
  options.progress?.step('reading and validating the O*NET files');
  const input = readOnetInput(dir);
  return writeOnetImport(dataSource, input, { ...options, started });
}

/** Writes an input from `readOnetInput` in one transaction and summarises it (`started`: when reading began). */
export async function writeOnetImport(dataSource: DataSource, input: OnetInput, options: ImportOptions & { started?: number } = {}): Promise<ImportSummary> {
  const started = options.started ?? Date.now();
  const { tables, notes } = await dataSource.transaction((manager) => writeOnetInput(manager, input, options.progress));
  return {
    source: 'O*NET 29.2',
    database: options.database ?? 'database',
    tables,
    notes,
    skipped: input.skipped.entries,
    ms: Date.now() - started,
  };
}
