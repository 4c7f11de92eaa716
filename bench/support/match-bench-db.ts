/**
 * Shared by the database-backed matching benchmarks (match-sql, match-http, match): a scratch
 * PostgreSQL database seeded with `seed:synthetic`, ten benchmark jobs stored in it, and the
 * in-memory taxonomy and MatchIndex built from it exactly as the app does at boot.
 */
import 'reflect-metadata';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { AppConfig, toAppConfig } from '../../src/config/app-config';
import { loadEnvironment } from '../../src/config/environment';
import { buildDataSourceOptions } from '../../src/database/data-source-options';
import { DEFAULT_MATCH_CONFIG } from '../../src/domain/matching/match-config';
import { MatchIndex } from '../../src/domain/matching/match-index';
import type { JobRequirements, Requirement } from '../../src/domain/matching/match-types';
import { SimilarityIndex } from '../../src/domain/taxonomy/similarity';
import { DEFAULT_CATEGORY_HALF_LIFE_MONTHS, SkillGraph } from '../../src/domain/taxonomy/skill-graph';
import { MatchEvidenceRepository } from '../../src/matching/match-evidence.repository';
import { readCatalogue } from '../../src/seed/catalogue-files';
import { stableUuid } from '../../src/seed/stable-id';
import { seedSynthetic, SyntheticSeedSummary } from '../../src/seed/synthetic-seed';
import { TaxonomyRepository } from '../../src/taxonomy/taxonomy.repository';

// pure-rand 8 only publishes sub-path exports, which TypeScript's "node" resolution cannot type
interface Rng {
  next(): number;
}
/* eslint-disable @typescript-eslint/no-require-imports */
const { xoroshiro128plus } = require('pure-rand/generator/xoroshiro128plus') as { xoroshiro128plus(seed: number): Rng };
const { uniformInt } = require('pure-rand/distribution/uniformInt') as { uniformInt(rng: Rng, from: number, to: number): number };
/* eslint-enable @typescript-eslint/no-require-imports */

export const BENCH_CANDIDATES = Number(process.env.BENCH_CANDIDATES ?? 100_000);
export const BENCH_SEED = Number(process.env.BENCH_SEED ?? 42);
/** the population's "now" and the asOf of every ranking in these benchmarks */
export const BENCH_NOW = new Date('2026-01-01T00:00:00Z');
export const BENCH_JOBS = 10;

/** The PostgreSQL server: BENCH_DATABASE_URL, else DATABASE_URL's server, else the local default. */
export function benchServerUrl(): string {
  return process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export async function adminQuery<T = Record<string, unknown>>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}

/** The fixed AUTH_JWT_SECRET of benchmark processes (tokens are minted with it). */
export const BENCH_JWT_SECRET = 'bench-secret-for-skillstack-benchmarks-only-0123456789';

/**
 * Environment of a tool or app process on `databaseUrl`: production, silent logs, fixed secret,
 * no rate limit, no demo seeding (the variables of src/config/environment.ts).
 */
export function benchEnv(databaseUrl: string, env: Record<string, string> = {}): Record<string, string> {
  return {
    NODE_ENV: 'production',
    LOG_LEVEL: 'silent',
    DATA_DIR: 'memory://',
    PORT: '0',
    SEED_DEMO: 'false',
    DATABASE_URL: databaseUrl,
    AUTH_JWT_SECRET: BENCH_JWT_SECRET,
    RATE_LIMIT_PER_MINUTE: '100000000',
    ...env,
  };
}

/** Config of a tool or app process on `databaseUrl` (see benchEnv). */
export function benchConfig(databaseUrl: string, env: Record<string, string> = {}): AppConfig {
  return toAppConfig(loadEnvironment(benchEnv(databaseUrl, env)));
}

export async function openDataSource(config: AppConfig): Promise<DataSource> {
  const ds = new DataSource(buildDataSourceOptions(config.database));
  await ds.initialize();
  return ds;
}

export interface ScratchDatabase {
  url: string;
  name: string;
  /** the seeder's summary, null when an already seeded database was reused */
  seeded: SyntheticSeedSummary | null;
  /** drops it (unless BENCH_KEEP_DB=1) */
  drop(): Promise<void>;
}

/**
 * A scratch database `skillstack_bench_<candidates>_<seed>` on the bench server, migrated and
 * seeded with `seedSynthetic` (as `npm run seed:synthetic` does), plus the benchmark jobs.
 * With BENCH_KEEP_DB=1 it is kept, and reused by the next run when it holds the population.
 */
export async function seededScratchDatabase(log: (line: string) => void): Promise<ScratchDatabase> {
  const server = benchServerUrl();
  const name = `skillstack_bench_${BENCH_CANDIDATES}_${BENCH_SEED}`;
  const url = withDatabase(server, name);
  const keep = process.env.BENCH_KEEP_DB === '1';
  const exists = (await adminQuery(server, 'SELECT 1 FROM pg_database WHERE datname = $1', [name])).length > 0;
  let reuse = false;
  if (exists && keep) {
    const rows = await adminQuery<{ n: number }>(url, `SELECT count(*)::int AS n FROM candidate`).catch(() => [{ n: -1 }]);
    reuse = rows[0].n >= BENCH_CANDIDATES;
  }
  if (!reuse) {
    await adminQuery(server, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await adminQuery(server, `CREATE DATABASE ${name}`);
  }
  const drop = async (): Promise<void> => {
    if (keep) log(`scratch database ${name} kept (BENCH_KEEP_DB=1)`);
    else await adminQuery(server, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  };
  try {
    const config = benchConfig(url);
    const ds = await openDataSource(config);
    try {
      let seeded: SyntheticSeedSummary | null = null;
      if (!reuse) {
        await ds.runMigrations({ transaction: 'each' });
        seeded = await seedSynthetic(ds, config, { candidates: BENCH_CANDIDATES, seed: BENCH_SEED, now: BENCH_NOW });
        const g = seeded.generated;
        log(
          `seed:synthetic into ${name}: ${g.candidates} candidates, ${g.earnedCredentials} earned credentials, ${g.evidence} pieces of evidence ` +
            `in ${(seeded.ms / 1000).toFixed(1)} s (load ${(seeded.loadMs / 1000).toFixed(1)} s incl. index and foreign key recreation ${(seeded.indexMs / 1000).toFixed(1)} s, ` +
            `VACUUM ANALYZE ${(seeded.analyzeMs / 1000).toFixed(1)} s; target ≤ 60 s)`,
        );
      } else {
        log(`reusing the seeded scratch database ${name} (BENCH_KEEP_DB=1)`);
      }
      await insertBenchJobs(ds);
      return { url, name, seeded, drop };
    } finally {
      await ds.destroy();
    }
  } catch (error) {
    await drop().catch(() => undefined);
    throw error;
  }
}

/** The variable through which match.bench.js hands its seeded scratch database to the benchmarks it runs. */
export const SEEDED_DATABASE_VARIABLE = 'BENCH_SEEDED_DATABASE_URL';

export interface BenchDatabase {
  url: string;
  /** drops the scratch database this process seeded (unless BENCH_KEEP_DB=1); nothing for a given one */
  release(): Promise<void>;
}

/**
 * The database a benchmark runs on: BENCH_SEEDED_DATABASE_URL when set (an already seeded database,
 * as match.bench.js passes; the benchmark jobs are stored again, idempotently), else a scratch
 * database seeded here by seededScratchDatabase and dropped by release().
 */
export async function benchDatabase(log: (line: string) => void): Promise<BenchDatabase> {
  const given = process.env[SEEDED_DATABASE_VARIABLE];
  if (given) {
    const ds = await openDataSource(benchConfig(given));
    try {
      await insertBenchJobs(ds);
    } finally {
      await ds.destroy();
    }
    return { url: given, release: async () => undefined };
  }
  const scratch = await seededScratchDatabase(log);
  return { url: scratch.url, release: () => scratch.drop() };
}

// ------------------------------------------------------------------ jobs

export interface BenchJob {
  id: string;
  title: string;
  occupationId: string;
  requirements: { skillId: string; level: number; weight: number; mandatory: boolean }[];
}

/**
 * Ten jobs of 8 to 15 requirements (0 to 3 mandatory, levels 2 to 5, weights 1 to 3), each drawn
 * from one occupation's profile (about 2/3 essential skills), fixed seed: what a recruiter would post.
 */
export function benchJobs(): BenchJob[] {
  const catalogue = readCatalogue();
  const rng = xoroshiro128plus(20260102);
  const int = (a: number, b: number): number => uniformInt(rng, a, b);
  const occupations = catalogue.occupations.filter((o) => new Set([...o.essential, ...o.optional]).size >= 20);
  const jobs: BenchJob[] = [];
  for (let j = 0; j < BENCH_JOBS; j++) {
    const occupation = occupations[int(0, occupations.length - 1)];
    const n = int(8, 15);
    const nMand = int(0, 3);
    const used = new Set<string>();
    const requirements: BenchJob['requirements'] = [];
    const optional = occupation.optional.length ? occupation.optional : occupation.essential;
    while (requirements.length < n) {
      const pool = int(0, 2) < 2 && occupation.essential.length ? occupation.essential : optional;
      const skillId = pool[int(0, pool.length - 1)];
      if (used.has(skillId)) {
        if (used.size >= new Set([...occupation.essential, ...occupation.optional]).size) break;
        continue;
      }
      used.add(skillId);
      requirements.push({ skillId, level: int(2, 5), weight: int(1, 3), mandatory: requirements.length < nMand });
    }
    jobs.push({ id: stableUuid('bench-job', String(j)), title: `Benchmark job ${j + 1}: ${occupation.name}`, occupationId: occupation.id, requirements });
  }
  return jobs;
}

/** Stores the benchmark jobs (idempotent). */
export async function insertBenchJobs(ds: DataSource): Promise<void> {
  const jobs = benchJobs();
  await ds.transaction(async (m) => {
    await m.query(`DELETE FROM job WHERE id = ANY($1::uuid[])`, [jobs.map((j) => j.id)]);
    for (const job of jobs) {
      await m.query(`INSERT INTO job (id, title, occupation_id) VALUES ($1, $2, $3)`, [job.id, job.title, job.occupationId]);
      await m.query(
        `INSERT INTO job_requirement (job_id, skill_id, level, weight, mandatory, position)
         SELECT $1, * FROM unnest($2::uuid[], $3::int[], $4::float8[], $5::bool[], $6::int[])`,
        [
          job.id,
          job.requirements.map((r) => r.skillId),
          job.requirements.map((r) => r.level),
          job.requirements.map((r) => r.weight),
          job.requirements.map((r) => r.mandatory),
          job.requirements.map((_, i) => i),
        ],
      );
    }
  });
}

/** The benchmark jobs as the app reads them (requirement ids from the database, in position order). */
export async function loadBenchJobs(ds: DataSource): Promise<(JobRequirements & { id: string; title: string })[]> {
  const jobs = benchJobs();
  const rows: (Requirement & { jobId: string })[] = await ds.query(
    `SELECT job_id AS "jobId", id, skill_id AS "skillId", level, weight, mandatory FROM job_requirement WHERE job_id = ANY($1::uuid[]) ORDER BY job_id, position`,
    [jobs.map((j) => j.id)],
  );
  return jobs.map((j) => ({
    id: j.id,
    title: j.title,
    requirements: rows.filter((r) => r.jobId === j.id).map(({ id, skillId, level, weight, mandatory }) => ({ id, skillId, level, weight: Number(weight), mandatory })),
  }));
}

// ------------------------------------------------------------------ in-memory side, as at boot

export interface LoadedMatching {
  graph: SkillGraph;
  sim: SimilarityIndex;
  halfLife: (skillId: string) => number;
  index: MatchIndex;
  /** ms: taxonomy (queries + graph), evidence query, index build (upserts), compact() */
  taxonomyMs: number;
  loadMs: number;
  buildMs: number;
}

/** The taxonomy and the MatchIndex from the database, as TaxonomyService and MatchIndexService build them. */
export async function loadMatching(ds: DataSource): Promise<LoadedMatching> {
  const t0 = performance.now();
  const taxonomy = new TaxonomyRepository(ds);
  const [skills, broader, related] = await Promise.all([taxonomy.skills(), taxonomy.broader(), taxonomy.related()]);
  const graph = SkillGraph.fromTaxonomy({ skills, broader, related }, { skipCycles: true });
  const sim = new SimilarityIndex(graph);
  const halfLife = (id: string): number => (graph.has(id) ? graph.halfLifeOf(id) : DEFAULT_CATEGORY_HALF_LIFE_MONTHS.TECHNICAL);
  const t1 = performance.now();
  const rows = await new MatchEvidenceRepository(ds).load();
  const t2 = performance.now();
  const index = new MatchIndex({ halfLife, config: DEFAULT_MATCH_CONFIG });
  for (const c of rows) index.upsertCandidate(c.id, c.discoverable, c.evidence);
  const t3 = performance.now();
  return { graph, sim, halfLife, index, taxonomyMs: t1 - t0, loadMs: t2 - t1, buildMs: t3 - t2 };
}

// ------------------------------------------------------------------ measuring

export { fmtMb, fmtMs, percentile, timed } from './measure';
