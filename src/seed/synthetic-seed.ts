import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { readCatalogue } from './catalogue-files';
import { iteratePopulationBatches } from './demo-population';
import { GeneratedCandidate, SeedCatalogue } from './seed-data.types';
import { SeedService } from './seed.service';

export interface SyntheticSeedOptions {
  /** how many candidates (the first N of the population of `seed`) */
  candidates: number;
  /** generator seed; 42 is also the demo population's, so its first 200 candidates are the demo ones */
  seed: number;
  /** the population's "now" (dates span the 8 years before it); default: start of the current UTC day */
  now?: Date;
  /** candidates per INSERT statement (default 2,000, ~35,000 pieces of evidence) */
  batchSize?: number;
  /** statements in flight on separate connections (default 2 on PostgreSQL; PGlite has one session) */
  concurrency?: number;
  /** false: never drop and recreate the evidence indexes and foreign keys around a first load (default true) */
  rebuildIndexes?: boolean;
  /** called after each inserted batch */
  onProgress?: (progress: { candidates: number; of: number; ms: number }) => void;
}

export interface SyntheticSeedSummary {
  /** candidates, earned credentials and pieces of evidence generated */
  generated: { candidates: number; earnedCredentials: number; evidence: number };
  /** rows actually added (existing ids are skipped) */
  inserted: { candidates: number; earnedCredentials: number; evidence: number };
  /** whether the catalogue had to be loaded first */
  catalogueLoaded: boolean;
  /** foreign keys and secondary indexes of earned_credential and skill_evidence dropped and recreated around a first load (0: loaded with them in place) */
  rebuilt: number;
  /** time spent recreating them (part of loadMs) */
  indexMs: number;
  now: Date;
  /** generation + insertion, VACUUM (ANALYZE), total */
  loadMs: number;
  analyzeMs: number;
  ms: number;
}

export const SYNTHETIC_BATCH_SIZE = 2000;
/** below this many candidates a first load keeps the evidence indexes in place */
export const FRESH_LOAD_MIN_CANDIDATES = 20_000;

/**
 * One statement per batch: the candidates, their earned credentials and their evidence, each an
 * `INSERT … SELECT FROM unnest(…) ON CONFLICT DO NOTHING` in a data-modifying CTE. A statement is
 * atomic, so a batch is either entirely there or not at all, and re-running skips what exists.
 * Foreign keys are checked at the end of the statement, when the parents of the same batch exist.
 */
const BATCH_SQL = `
WITH c AS (
  INSERT INTO candidate (id, name, email, discoverable)
  SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::bool[])
  ON CONFLICT DO NOTHING RETURNING 1
), ec AS (
  INSERT INTO earned_credential (id, candidate_id, credential_id, issued_at, expires_at, verification)
  SELECT * FROM unnest($5::uuid[], $6::uuid[], $7::uuid[], $8::timestamptz[], $9::timestamptz[], $10::text[])
  ON CONFLICT DO NOTHING RETURNING 1
), ev AS (
  INSERT INTO skill_evidence (id, candidate_id, skill_id, level, evidenced_at, source, earned_credential_id)
  SELECT * FROM unnest($11::uuid[], $12::uuid[], $13::uuid[], $14::int[], $15::timestamptz[], $16::text[], $17::uuid[])
  ON CONFLICT DO NOTHING RETURNING 1
)
SELECT (SELECT count(*) FROM c)::int AS c, (SELECT count(*) FROM ec)::int AS ec, (SELECT count(*) FROM ev)::int AS ev`;

/** The 17 array parameters of BATCH_SQL (timestamps as ISO strings). */
function batchParams(batch: readonly GeneratedCandidate[]): unknown[][] {
  const c: unknown[][] = [[], [], [], []];
  const ec: unknown[][] = [[], [], [], [], [], []];
  const ev: unknown[][] = [[], [], [], [], [], [], []];
  for (const cand of batch) {
    c[0].push(cand.id);
    c[1].push(cand.name);
    c[2].push(cand.email);
    c[3].push(cand.discoverable);
    for (const e of cand.credentials) {
      ec[0].push(e.id);
      ec[1].push(cand.id);
      ec[2].push(e.credentialId);
      ec[3].push(e.issuedAt.toISOString());
      ec[4].push(e.expiresAt ? e.expiresAt.toISOString() : null);
      ec[5].push(e.verification);
    }
    for (const e of cand.evidence) {
      ev[0].push(e.id);
      ev[1].push(cand.id);
      ev[2].push(e.skillId);
      ev[3].push(e.level);
      ev[4].push(e.evidencedAt.toISOString());
      ev[5].push(e.source);
      ev[6].push(e.earnedCredentialId);
    }
  }
  return [...c, ...ec, ...ev];
}

async function bothEmpty(q: { query(sql: string): Promise<unknown> }): Promise<boolean> {
  const rows = (await q.query('SELECT NOT EXISTS (SELECT 1 FROM earned_credential) AND NOT EXISTS (SELECT 1 FROM skill_evidence) AS empty')) as { empty: boolean }[];
  return rows[0].empty;
}

/** Is every catalogue skill and credential the population refers to already in the database? */
async function catalogueLoaded(ds: DataSource, catalogue: SeedCatalogue): Promise<boolean> {
  const [row] = (await ds.query(
    `SELECT (SELECT count(*) FROM skill WHERE id = ANY($1::uuid[]))::int AS skills,
            (SELECT count(*) FROM credential WHERE id = ANY($2::uuid[]))::int AS credentials`,
    [catalogue.skills.map((s) => s.id), catalogue.credentials.map((c) => c.id)],
  )) as { skills: number; credentials: number }[];
  return row.skills === catalogue.skills.length && row.credentials === catalogue.credentials.length;
}

/**
 * `npm run seed:synthetic`: makes sure the seed catalogue is loaded (SeedService.seed with no demo
 * candidates), then streams the deterministic population of `seed` (the demo generator: skills
 * drawn from occupation profiles, credentials from the catalogue, 5 to 30 pieces of evidence each
 * over 8 years, some expired, some self-reported) in batches, generating the next batch while the
 * previous ones are being inserted. Ids are stable, existing rows are skipped: idempotent.
 * Ends with VACUUM (ANALYZE) of the loaded tables. The database must be migrated.
 */
export async function seedSynthetic(ds: DataSource, config: AppConfig, options: SyntheticSeedOptions): Promise<SyntheticSeedSummary> {
  const started = performance.now();
  const { candidates: count, seed } = options;
  if (!Number.isInteger(count) || count < 0) throw new RangeError('candidates must be a non-negative integer');
  const batchSize = options.batchSize ?? SYNTHETIC_BATCH_SIZE;
  const concurrency = config.database.kind === 'pglite' ? 1 : Math.max(1, options.concurrency ?? 2);
  const now = options.now ?? startOfUtcDay(new Date());
  const catalogue = readCatalogue();

  const hadCatalogue = await catalogueLoaded(ds, catalogue);
  if (!hadCatalogue) await new SeedService(ds, config).seed({ candidates: 0, now });

  const generated = { candidates: 0, earnedCredentials: 0, evidence: 0 };
  const inserted = { candidates: 0, earnedCredentials: 0, evidence: 0 };
  // A first load (PostgreSQL, no earned credentials nor evidence yet) runs in ONE transaction that
  // drops the foreign keys and secondary indexes of earned_credential and skill_evidence, loads,
  // then recreates them from their own definitions: one sorted index build and one join per foreign
  // key instead of ~2 M random B-tree inserts per index and ~5 M row-by-row foreign key checks.
  // The transaction makes it safe: on any failure everything is rolled back, constraints and
  // indexes included, and the recreated foreign keys validate every row. Other sessions touching
  // these two tables wait meanwhile (they were empty anyway).
  const fresh = config.database.kind === 'postgres' && options.rebuildIndexes !== false && count >= FRESH_LOAD_MIN_CANDIDATES && (await bothEmpty(ds));
  const runner = fresh ? ds.createQueryRunner() : null;
  const rebuild: string[] = [];
  let indexMs = 0;
  try {
    if (runner) {
      await runner.connect();
      await runner.startTransaction();
      await runner.query('LOCK TABLE earned_credential, skill_evidence IN ACCESS EXCLUSIVE MODE');
      if (!(await bothEmpty(runner))) throw new Error('earned_credential or skill_evidence got rows meanwhile; run again');
      await runner.query(`SET LOCAL maintenance_work_mem = '256MB'`);
      const fks = (await runner.query(
        `SELECT conrelid::regclass::text AS tbl, quote_ident(conname) AS name, pg_get_constraintdef(oid) AS def
           FROM pg_constraint
          WHERE contype = 'f' AND conrelid IN ('earned_credential'::regclass, 'skill_evidence'::regclass)
          ORDER BY 1, 2`,
      )) as { tbl: string; name: string; def: string }[];
      const indexes = (await runner.query(
        `SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS def
           FROM pg_index i
          WHERE i.indrelid IN ('earned_credential'::regclass, 'skill_evidence'::regclass)
            AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
          ORDER BY 1`,
      )) as { name: string; def: string }[];
      for (const fk of fks) await runner.query(`ALTER TABLE ${fk.tbl} DROP CONSTRAINT ${fk.name}`);
      for (const ix of indexes) await runner.query(`DROP INDEX ${ix.name}`);
      rebuild.push(...indexes.map((ix) => ix.def), ...fks.map((fk) => `ALTER TABLE ${fk.tbl} ADD CONSTRAINT ${fk.name} ${fk.def}`));
    }
    const query = (sql: string, params: unknown[]): Promise<{ c: number; ec: number; ev: number }[]> =>
      runner ? runner.query(sql, params) : ds.query(sql, params);
    const inFlight = new Set<Promise<void>>();
    let failure: unknown = null;
    const limit = runner ? 1 : concurrency;
    for (const batch of iteratePopulationBatches({ count, seed, now, catalogue }, batchSize)) {
      for (const c of batch) {
        generated.candidates++;
        generated.earnedCredentials += c.credentials.length;
        generated.evidence += c.evidence.length;
      }
      const params = batchParams(batch);
      // at most `limit` statements in flight; the next batch is generated meanwhile
      while (inFlight.size >= limit) await Promise.race(inFlight);
      if (failure) break;
      const done = generated.candidates;
      const p: Promise<void> = query(BATCH_SQL, params)
        .then((rows) => {
          inserted.candidates += rows[0].c;
          inserted.earnedCredentials += rows[0].ec;
          inserted.evidence += rows[0].ev;
          options.onProgress?.({ candidates: done, of: count, ms: performance.now() - started });
        })
        .catch((error: unknown) => {
          failure ??= error;
        })
        .finally(() => inFlight.delete(p));
      inFlight.add(p);
      // let the statement go out before the event loop is busy generating the next batch
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    await Promise.all(inFlight);
    if (failure) throw failure;
    if (runner) {
      const t = performance.now();
      for (const sql of rebuild) await runner.query(sql);
      indexMs = performance.now() - t;
      await runner.commitTransaction();
    }
  } catch (error) {
    if (runner?.isTransactionActive) await runner.rollbackTransaction();
    throw error;
  } finally {
    await runner?.release();
  }
  const loaded = performance.now();
  // fresh statistics for the planner, and a visibility map for index-only scans
  await ds.query('VACUUM (ANALYZE) candidate, earned_credential, skill_evidence');
  const end = performance.now();
  return {
    generated,
    inserted,
    catalogueLoaded: !hadCatalogue,
    rebuilt: rebuild.length,
    indexMs: Math.round(indexMs),
    now,
    loadMs: Math.round(loaded - started),
    analyzeMs: Math.round(end - loaded),
    ms: Math.round(end - started),
  };
}

function startOfUtcDay(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}
