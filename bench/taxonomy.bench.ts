/**
 * Developer benchmark of the full taxonomy: ESCO v1.1.1 + O*NET 29.2 imported into a real database.
 *
 *   npm run bench:taxonomy [-- --classification <zip> --relations <zip> --onet <dir> --server <postgres url> --no-pglite]
 *
 * Defaults read the official downloads from ../shared/data (a developer convenience: the product
 * never reads them at run time) and use the PostgreSQL server at BENCH_DATABASE_URL, else
 * DATABASE_URL's server, else postgres://postgres@127.0.0.1:5432. The bench creates a scratch
 * database there (dropped at the end) and a PGlite data directory in the temp folder (removed).
 *
 * Reports, each with its target:
 *  1. full ESCO import on PostgreSQL (≤ 60 s), a second (idempotent) run, the O*NET import and its re-run;
 *  2. the same ESCO import into a fresh PGlite (reported);
 *  3. graph build from the database: the TaxonomyRepository queries + SkillGraph.fromTaxonomy (≤ 2 s),
 *     heap delta; the search index build;
 *  4. searchSkills p50 (≤ 5 ms), extractSkills on a 500-word posting p50 (≤ 50 ms), over every imported skill;
 *  5. search quality on 1,000 sampled skills (fixed seed): one alt label → top 3 (≥ 95 %), the name
 *     with one random typo → top 3 (≥ 95 %).
 * `bench/taxonomy-search.bench.ts` measures the search engine alone on the seed catalogue or skills_en.csv.
 */
import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import { Client } from 'pg';
import type { uniformInt as UniformIntFn } from 'pure-rand/lib/distribution/uniformInt';
import type { xoroshiro128plus as Xoroshiro128plusFn } from 'pure-rand/lib/generator/xoroshiro128plus';
import { DataSource } from 'typeorm';
import { type EscoInputFiles, importEsco } from '../src/cli/import/esco-import';
import { importOnet } from '../src/cli/import/onet-import';
import { type ImportSummary, totalCounts } from '../src/cli/import/summary';
import { buildDataSourceOptions } from '../src/database/data-source-options';
import { projectRoot } from '../src/database/project-root';
import { SkillSearchIndex } from '../src/domain/search/skill-search-index';
import { TextNormaliser } from '../src/domain/search/text-normaliser';
import type { SearchableSkill } from '../src/domain/search/search.types';
import { SimilarityIndex } from '../src/domain/taxonomy/similarity';
import { SkillGraph } from '../src/domain/taxonomy/skill-graph';
import { TaxonomyRepository, type TaxonomySkillRow } from '../src/taxonomy/taxonomy.repository';

// pure-rand 8 only exposes subpath exports, which `moduleResolution: node` cannot type-check:
// types come from the files, values from the exported subpaths (as in taxonomy-search.bench.ts).
/* eslint-disable @typescript-eslint/no-require-imports */
const { xoroshiro128plus } = require('pure-rand/generator/xoroshiro128plus') as { xoroshiro128plus: typeof Xoroshiro128plusFn };
const { uniformInt } = require('pure-rand/distribution/uniformInt') as { uniformInt: typeof UniformIntFn };
/* eslint-enable @typescript-eslint/no-require-imports */

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

const SEED = 20240611;
const QUERY_COUNT = 1000;
const QUALITY_SAMPLE = 1000;
const POSTING_WORDS = 500;
const EXTRACT_RUNS = 50;
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

const TARGETS = {
  escoImportPostgresMs: 60_000,
  graphBuildMs: 2_000,
  searchP50Ms: 5,
  extractP50Ms: 50,
  aliasTop3: 0.95,
  typoTop3: 0.95,
};

interface BenchArgs {
  esco: EscoInputFiles;
  onetDir: string;
  server: string;
  pglite: boolean;
}

function parseArgs(argv: readonly string[]): BenchArgs {
  const shared = resolve(projectRoot(), '..', 'shared', 'data');
  const args: BenchArgs = {
    esco: {
      classificationZip: join(shared, 'esco-v1.1.1', 'esco-v1.1.1-classification-en-csv.zip'),
      relationsZip: join(shared, 'esco-v1.1.1', 'esco-v1.1.1-relations-csv.zip'),
    },
    onetDir: join(shared, 'onet-29.2'),
    server: process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
    pglite: true,
  };
  for (let i = 0; i < argv.length; i++) {
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${argv[i - 1]} needs a value`);
      return resolve(v);
    };
    switch (argv[i]) {
      case '--classification':
        args.esco.classificationZip = value();
        break;
      case '--relations':
        args.esco.relationsZip = value();
        break;
      case '--onet':
        args.onetDir = value();
        break;
      case '--server':
        args.server = argv[++i];
        break;
      case '--no-pglite':
        args.pglite = false;
        break;
      default:
        console.log(`(ignoring argument ${argv[i]})`);
    }
  }
  return args;
}

type Rng = ReturnType<typeof Xoroshiro128plusFn>;

class BenchRandom {
  private readonly rng: Rng;
  constructor(seed: number) {
    this.rng = xoroshiro128plus(seed);
  }
  int(from: number, to: number): number {
    return uniformInt(this.rng, from, to);
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(0, items.length - 1)];
  }
  sample<T>(items: readonly T[], n: number): T[] {
    const copy = [...items];
    const count = Math.min(n, copy.length);
    for (let i = 0; i < count; i += 1) {
      const j = this.int(i, copy.length - 1);
      [copy[i], copy[j]] = [copy[j], copy[i]];
    }
    return copy.slice(0, count);
  }
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

const fmtMs = (v: number): string => (v >= 1000 ? `${(v / 1000).toFixed(2)} s` : `${v.toFixed(v < 10 ? 3 : 1)} ms`);
const fmtMb = (bytes: number): string => `${(bytes / 1048576).toFixed(1)} MB`;
const fmtPct = (found: number, total: number): string => `${((100 * found) / Math.max(total, 1)).toFixed(1)}% (${found}/${total})`;

function heapUsed(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

const verdicts: { what: string; ok: boolean }[] = [];

/** Prints a figure and the target it is compared with. */
function report(what: string, value: string, target?: { text: string; ok: boolean }): void {
  if (target) verdicts.push({ what, ok: target.ok });
  console.log(`${what}: ${value}${target ? ` (target ${target.text}: ${target.ok ? 'PASS' : 'FAIL'})` : ''}`);
}

function describeImport(summary: ImportSummary): string {
  const total = totalCounts(summary);
  return `inserted ${total.inserted}, updated ${total.updated}, unchanged ${total.unchanged}`;
}

async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function openMigrated(database: Parameters<typeof buildDataSourceOptions>[0]): Promise<DataSource> {
  const dataSource = new DataSource(buildDataSourceOptions(database));
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  return dataSource;
}

/** 1. ESCO and O*NET into a scratch PostgreSQL database; returns it open for the graph and search figures. */
async function postgresImports(args: BenchArgs): Promise<{ dataSource: DataSource; drop: () => Promise<void> }> {
  const name = `skillstack_bench_${process.pid}`;
  const admin = withDatabase(args.server, 'postgres');
  await adminQuery(admin, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await adminQuery(admin, `CREATE DATABASE ${name}`);
  const drop = () => adminQuery(admin, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  const dataSource = await openMigrated({ kind: 'postgres', url: withDatabase(args.server, name), dataDir: '' });

  const esco = await importEsco(dataSource, args.esco, { database: 'postgres' });
  report('ESCO import into PostgreSQL (empty, migrated database)', `${fmtMs(esco.ms)}; ${describeImport(esco)}`, {
    text: `≤ ${fmtMs(TARGETS.escoImportPostgresMs)}`,
    ok: esco.ms <= TARGETS.escoImportPostgresMs,
  });
  for (const [table, c] of Object.entries(esco.tables)) console.log(`  ${table}: ${c.inserted} inserted`);
  for (const s of esco.skipped) console.log(`  skipped ${s.count} ${s.reason}`);
  const escoAgain = await importEsco(dataSource, args.esco, { database: 'postgres' });
  const escoAgainTotal = totalCounts(escoAgain);
  report('ESCO import again (idempotent)', `${fmtMs(escoAgain.ms)}; ${describeImport(escoAgain)}`, {
    text: 'nothing inserted or updated',
    ok: escoAgainTotal.inserted + escoAgainTotal.updated === 0,
  });

  const onet = await importOnet(dataSource, args.onetDir, { database: 'postgres' });
  report('O*NET import into PostgreSQL (after ESCO)', `${fmtMs(onet.ms)}; ${describeImport(onet)}`);
  for (const note of onet.notes) console.log(`  ${note}`);
  const onetAgain = await importOnet(dataSource, args.onetDir, { database: 'postgres' });
  const onetAgainTotal = totalCounts(onetAgain);
  report('O*NET import again (idempotent)', `${fmtMs(onetAgain.ms)}; ${describeImport(onetAgain)}`, {
    text: 'nothing inserted or updated',
    ok: onetAgainTotal.inserted + onetAgainTotal.updated === 0,
  });
  return { dataSource, drop };
}

/** 2. The same ESCO import into a fresh PGlite data directory. */
async function pgliteImport(args: BenchArgs): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'skillstack-bench-pglite-'));
  try {
    const started = performance.now();
    const dataSource = await openMigrated({ kind: 'pglite', dataDir: join(dir, 'pglite') });
    const openMs = performance.now() - started;
    const esco = await importEsco(dataSource, args.esco, { database: 'pglite' });
    await dataSource.destroy();
    report('ESCO import into a fresh PGlite (DATA_DIR in a temp folder)', `${fmtMs(esco.ms)}; ${describeImport(esco)}; create + migrate ${fmtMs(openMs)} before it`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** 3. Graph and search index from the database, as TaxonomyService.rebuild does. */
async function graphBuild(dataSource: DataSource): Promise<{ skills: TaxonomySkillRow[]; index: SkillSearchIndex }> {
  const repository = new TaxonomyRepository(dataSource);
  const heap0 = heapUsed();
  const t0 = performance.now();
  const [skills, broader, related] = await Promise.all([repository.skills(), repository.broader(), repository.related()]);
  const t1 = performance.now();
  const graph = SkillGraph.fromTaxonomy({ skills, broader, related }, { skipCycles: true });
  const similarity = new SimilarityIndex(graph);
  const t2 = performance.now();
  const heap1 = heapUsed();
  report(
    'graph build from the database (3 repository queries + SkillGraph.fromTaxonomy)',
    `${fmtMs(t2 - t0)} (queries ${fmtMs(t1 - t0)}, fromTaxonomy ${fmtMs(t2 - t1)}) for ${graph.skillCount} skills, ` +
      `${graph.broaderEdgeCount} broader, ${graph.relatedEdgeCount} related edges, ${graph.skippedBroaderEdges.length} skipped; heap +${fmtMb(heap1 - heap0)} (rows + graph)`,
    { text: `≤ ${fmtMs(TARGETS.graphBuildMs)}`, ok: t2 - t0 <= TARGETS.graphBuildMs },
  );
  const t3 = performance.now();
  const index = new SkillSearchIndex(skills);
  const t4 = performance.now();
  const heap2 = heapUsed();
  report('search index build (SkillSearchIndex over the same rows)', `${fmtMs(t4 - t3)}, heap +${fmtMb(heap2 - heap1)}`);
  report('whole in-memory taxonomy (TaxonomyService.rebuild equivalent)', `${fmtMs(t4 - t0)}, heap +${fmtMb(heap2 - heap0)}`);
  void similarity;
  return { skills, index };
}

/** One random typo on a letter: insert, delete, substitute or transpose (never a no-op). */
function typo(random: BenchRandom, text: string): string {
  const letters = [...text].map((c, i) => (/[a-z]/i.test(c) ? i : -1)).filter((i) => i >= 0);
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const at = random.pick(letters);
    const letter = LETTERS[random.int(0, 25)];
    let out: string;
    switch (random.int(0, 3)) {
      case 0:
        out = text.slice(0, at) + letter + text.slice(at);
        break;
      case 1:
        out = text.slice(0, at) + text.slice(at + 1);
        break;
      case 2:
        out = text.slice(0, at) + letter + text.slice(at + 1);
        break;
      default:
        if (at + 1 >= text.length) continue;
        out = text.slice(0, at) + text[at + 1] + text[at] + text.slice(at + 2);
    }
    if (out.toLowerCase() !== text.toLowerCase()) return out;
  }
  return text.slice(1);
}

const FILLER = (
  'we are looking for a motivated colleague to join our growing team in a fast paced environment ' +
  'you will work closely with stakeholders across the business and report to the head of department ' +
  'the role offers flexible hours a competitive salary and opportunities to learn and grow ' +
  'candidates should be able to communicate clearly take ownership and enjoy solving problems ' +
  'previous experience in a similar position is an advantage but not required'
).split(' ');

function posting(random: BenchRandom, skills: readonly SearchableSkill[], words: number): string {
  const out: string[] = [];
  while (out.length < words) {
    if (random.int(0, 9) === 0) {
      const skill = random.pick(skills);
      out.push(...random.pick([skill.name, ...skill.aliases]).split(/\s+/));
      out.push(random.int(0, 1) === 0 ? 'and' : 'or');
    } else {
      out.push(random.pick(FILLER));
    }
    if (random.int(0, 14) === 0) out[out.length - 1] += '.';
  }
  return out.slice(0, words).join(' ');
}

/** 4 and 5. Latency and quality over every imported skill. */
function searchFigures(skills: readonly SearchableSkill[], index: SkillSearchIndex): void {
  const random = new BenchRandom(SEED);
  const queries: string[] = [];
  for (let i = 0; i < QUERY_COUNT; i += 1) {
    const skill = random.pick(skills);
    switch (i % 4) {
      case 0:
        queries.push(skill.name);
        break;
      case 1:
        queries.push(skill.aliases.length > 0 ? random.pick(skill.aliases) : skill.name);
        break;
      case 2:
        queries.push(skill.name.slice(0, random.int(3, Math.max(3, Math.min(12, skill.name.length)))));
        break;
      default:
        queries.push(skill.name.replace(/[^a-z]/gi, '').length >= 4 ? typo(random, skill.name) : skill.name);
    }
  }
  for (const q of queries.slice(0, 200)) index.searchSkills(q, 10); // warm-up
  const times = queries.map((q) => {
    const t = performance.now();
    index.searchSkills(q, 10);
    return performance.now() - t;
  });
  report(
    `searchSkills(first=10), ${QUERY_COUNT} queries (names, alt labels, prefixes, typos)`,
    `p50 ${fmtMs(percentile(times, 50))}, p95 ${fmtMs(percentile(times, 95))}, max ${fmtMs(Math.max(...times))}`,
    { text: `p50 ≤ ${TARGETS.searchP50Ms} ms`, ok: percentile(times, 50) <= TARGETS.searchP50Ms },
  );

  const postingRandom = new BenchRandom(SEED + 1);
  const extractTimes: number[] = [];
  let extracted = 0;
  for (let run = 0; run < EXTRACT_RUNS + 5; run += 1) {
    const text = posting(postingRandom, skills, POSTING_WORDS);
    const t = performance.now();
    const hits = index.extractSkills(text);
    const dt = performance.now() - t;
    if (run < 5) continue; // warm-up
    extractTimes.push(dt);
    extracted += hits.length;
  }
  report(
    `extractSkills on a ${POSTING_WORDS}-word posting (${EXTRACT_RUNS} postings)`,
    `p50 ${fmtMs(percentile(extractTimes, 50))}, p95 ${fmtMs(percentile(extractTimes, 95))} (avg ${(extracted / EXTRACT_RUNS).toFixed(1)} skills found)`,
    { text: `p50 ≤ ${TARGETS.extractP50Ms} ms`, ok: percentile(extractTimes, 50) <= TARGETS.extractP50Ms },
  );

  const qualityRandom = new BenchRandom(SEED + 2);
  const differs = (skill: SearchableSkill, alias: string): boolean => {
    const key = TextNormaliser.normalise(alias);
    return key !== '' && key !== TextNormaliser.normalise(skill.name);
  };
  const topThree = (query: string, id: string): boolean => index.searchSkills(query, 3).some((hit) => hit.skillId === id);
  const withAlias = skills.filter((s) => s.aliases.some((a) => differs(s, a)));
  const aliasSample = qualityRandom.sample(withAlias, QUALITY_SAMPLE);
  let aliasFound = 0;
  for (const skill of aliasSample) {
    if (topThree(qualityRandom.pick(skill.aliases.filter((a) => differs(skill, a))), skill.id)) aliasFound += 1;
  }
  report(`quality: one alt label → the skill in the top 3 (${withAlias.length} skills have one)`, fmtPct(aliasFound, aliasSample.length), {
    text: `≥ ${TARGETS.aliasTop3 * 100}%`,
    ok: aliasFound >= TARGETS.aliasTop3 * aliasSample.length,
  });
  const typoable = skills.filter((s) => s.name.replace(/[^a-z]/gi, '').length >= 5);
  const typoSample = qualityRandom.sample(typoable, QUALITY_SAMPLE);
  let typoFound = 0;
  for (const skill of typoSample) if (topThree(typo(qualityRandom, skill.name), skill.id)) typoFound += 1;
  report(`quality: the name with one random typo → the skill in the top 3 (${typoable.length} names with ≥ 5 letters)`, fmtPct(typoFound, typoSample.length), {
    text: `≥ ${TARGETS.typoTop3 * 100}%`,
    ok: typoFound >= TARGETS.typoTop3 * typoSample.length,
  });
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  console.log(`inputs: ${args.esco.classificationZip}, ${args.esco.relationsZip}, ${args.onetDir}`);
  console.log(`machine: ${cpus().length} CPUs, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')} (wall-clock figures inflate under load)`);
  const { dataSource, drop } = await postgresImports(args);
  try {
    const { skills, index } = await graphBuild(dataSource);
    searchFigures(skills, index);
  } finally {
    await dataSource.destroy();
    await drop();
  }
  if (args.pglite) await pgliteImport(args);
  const failed = verdicts.filter((v) => !v.ok);
  console.log(`targets: ${verdicts.length - failed.length}/${verdicts.length} met${failed.length ? `; missed: ${failed.map((f) => f.what).join('; ')}` : ''}`);
  if (failed.length) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
