/**
 * rankCandidates on a seeded PostgreSQL database: the in-memory MatchIndex against the best single
 * SQL query, and against the floor (one bare pass over the postings the job touches).
 *
 *   npm run build && node dist/bench/match-sql.bench.js     (part of `npm run bench:match`)
 *
 * Database: BENCH_SEEDED_DATABASE_URL when it names an already seeded database (match.bench.js
 * passes one); otherwise a scratch database on BENCH_DATABASE_URL's / DATABASE_URL's server
 * (default postgres://postgres@127.0.0.1:5432) seeded by seedSynthetic (BENCH_CANDIDATES, default
 * 100,000, seed 42) and dropped at the end unless BENCH_KEEP_DB=1 (see benchDatabase in
 * support/match-bench-db.ts). asOf = the population's now (2026-01-01).
 *
 * Reports, each with what it is compared with:
 *  (e) index build from the database (evidence query + upserts, as MatchIndexService at boot) and
 *      memory (memoryBytes, heap delta; target ≤ 100 MB);
 *  (a) index rank top 20: wall and CPU p50/p95 over BENCH_REPS runs per job (target p50 ≤ 4 ms);
 *  (b) the same ranking by one SQL query over skill_evidence (covering index on (skill_id,
 *      candidate_id)) and a temp table of the job's requirements expanded through
 *      SimilarityIndex.similarTo: wall p50 and the backend's CPU p50 (from /proc, same machine),
 *      the ratio to the index (target ≥ 40×), and whether both return the same top 20;
 *  (c) the floor (MatchIndex.scanFloor) and the index/floor ratio;
 *  and whether the index's top 20 equals the pure engine's (bit for bit).
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { Client } from 'pg';
import { DEFAULT_MATCH_CONFIG } from '../src/domain/matching/match-config';
import { rankCandidates } from '../src/domain/matching/match-engine';
import type { JobRequirements, RankedCandidate } from '../src/domain/matching/match-types';
import { MatchEvidenceRepository } from '../src/matching/match-evidence.repository';
import {
  benchConfig,
  benchDatabase,
  BENCH_NOW,
  fmtMb,
  fmtMs,
  loadBenchJobs,
  loadMatching,
  openDataSource,
  percentile,
  timed,
} from './support/match-bench-db';
import { heapAfterGc } from './support/measure';

const heap = heapAfterGc;

const REPS = Number(process.env.BENCH_REPS ?? 40);
const SQL_REPS = Number(process.env.BENCH_SQL_REPS ?? 3);
const AS_OF = BENCH_NOW;
const log = (line: string): void => void process.stdout.write(`${line}\n`);

/**
 * The ranking in one statement. bench_sim(req, skill_id, sim, hl): every skill similar to each
 * requirement's skill, with its half-life; bench_req(req, level, weight, mandatory).
 * strength = level × confidence × 0.5^(age_days / 30.436875 / half_life), computed in the engine's
 * order of operations; coverage = max sim × least(1, strength / level) per (candidate, requirement)
 * (the engine's formula: a neighbour never covers more than its similarity); score = Σ weight × coverage / Σ weight; meetsMandatory = every mandatory
 * requirement with coverage ≥ threshold. Candidates without any counting evidence score 0 (second
 * branch, in id order, only reached when fewer than 20 candidates have evidence).
 *   $1 asOf epoch ms, $2 asOf, $3 Σ weight, $4 number of mandatory requirements, $5 threshold
 */
/** the engine's own confidences, so the SQL baseline computes the same strengths (FAILED and REVOKED count 0 in both) */
const CONFIDENCE = DEFAULT_MATCH_CONFIG.confidence;
const RANK_SQL = `
WITH best AS (
  SELECT e.candidate_id, s.req,
         max(s.sim * least(1::float8, (e.level * CASE e.source
                                   WHEN 'CREDENTIAL' THEN CASE ec.verification WHEN 'VERIFIED' THEN ${CONFIDENCE.CREDENTIAL.VERIFIED}::float8 WHEN 'UNVERIFIED' THEN ${CONFIDENCE.CREDENTIAL.UNVERIFIED}::float8 ELSE 0::float8 END
                                   WHEN 'ASSESSMENT' THEN ${CONFIDENCE.ASSESSMENT}::float8
                                   WHEN 'EXPERIENCE' THEN ${CONFIDENCE.EXPERIENCE}::float8
                                   ELSE ${CONFIDENCE.SELF_REPORTED}::float8 END)
                      * power(0.5::float8, (($1::float8 - date_part('epoch', e.evidenced_at) * 1000) / 86400000 / 30.436875) / s.hl)
                      / r.level)) AS cov
    FROM bench_sim s
    JOIN bench_req r USING (req)
    JOIN skill_evidence e ON e.skill_id = s.skill_id
    LEFT JOIN earned_credential ec ON ec.id = e.earned_credential_id
   WHERE e.evidenced_at <= $2 AND (ec.expires_at IS NULL OR ec.expires_at > $2)
   GROUP BY e.candidate_id, s.req
), scored AS (
  SELECT b.candidate_id,
         sum(r.weight * b.cov) / $3::float8 AS score,
         count(*) FILTER (WHERE r.mandatory AND b.cov >= $5::float8) = $4::int AS meets
    FROM best b JOIN bench_req r USING (req)
   GROUP BY b.candidate_id
), ranked AS (
  SELECT s.candidate_id, s.score, s.meets
    FROM scored s JOIN candidate c ON c.id = s.candidate_id AND c.discoverable
   ORDER BY s.meets DESC, s.score DESC, s.candidate_id
   LIMIT 20
), unscored AS (
  SELECT c.id AS candidate_id, 0::float8 AS score, $4::int = 0 AS meets
    FROM candidate c
   WHERE c.discoverable AND NOT EXISTS (SELECT 1 FROM scored s WHERE s.candidate_id = c.id)
   ORDER BY c.id
   LIMIT 20
)
SELECT candidate_id::text AS id, score, meets
  FROM (SELECT * FROM ranked UNION ALL SELECT * FROM unscored) t
 ORDER BY meets DESC, score DESC, candidate_id
 LIMIT 20`;

/** ns of CPU a local process has run (first field of /proc/<pid>/schedstat); null when unreadable. */
function processCpuNs(pid: number): number | null {
  try {
    return Number(readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ')[0]);
  } catch {
    return null;
  }
}

function sameTop(a: readonly RankedCandidate[], b: readonly RankedCandidate[], tolerance: number): { same: boolean; maxDiff: number } {
  let maxDiff = 0;
  if (a.length !== b.length) return { same: false, maxDiff: Infinity };
  for (let i = 0; i < a.length; i++) {
    if (a[i].candidateId !== b[i].candidateId || a[i].meetsMandatory !== b[i].meetsMandatory) return { same: false, maxDiff: Infinity };
    maxDiff = Math.max(maxDiff, Math.abs(a[i].score - b[i].score));
  }
  return { same: maxDiff <= tolerance, maxDiff };
}

async function main(): Promise<void> {
  log(`machine: load average ${loadavg().map((x) => x.toFixed(1)).join(' ')}; figures are medians, CPU time (process.cpuUsage) next to wall time`);
  const db = await benchDatabase(log);
  const url = db.url;
  const ds = await openDataSource(benchConfig(url));
  try {
    // ---------------------------------------------------------------- (e) build and memory
    const h0 = heap();
    const m = await loadMatching(ds);
    const h1 = heap();
    const st = m.index.stats();
    log(
      `(e) index at boot: taxonomy ${fmtMs(m.taxonomyMs)} (${m.graph.skillCount} skills); evidence query ${fmtMs(m.loadMs)}; index build (upserts) ${fmtMs(m.buildMs)} ` +
        `for ${st.candidates} candidates / ${st.postings} postings; build total ${fmtMs(m.loadMs + m.buildMs)}`,
    );
    log(`    memory: memoryBytes ${fmtMb(m.index.memoryBytes())} before compact(); heap delta (taxonomy + index) ${fmtMb(h1 - h0)}`);
    const [, compactMs] = timed(() => m.index.compact());
    log(
      `    after compact() (${fmtMs(compactMs)}; MatchIndexService compacts at the end of its boot build): memoryBytes ${fmtMb(m.index.memoryBytes())} (target ≤ 100 MB), ` +
        `heap delta ${fmtMb(heap() - h0)}`,
    );

    const jobs = await loadBenchJobs(ds);
    const { index, sim, halfLife } = m;
    let simSizes = 0;
    let nReq = 0;
    for (const job of jobs) for (const r of job.requirements) {
      simSizes += sim.similarTo(r.skillId).size;
      nReq++;
    }
    log(`jobs: ${jobs.length}, ${nReq} requirements (${jobs.map((j) => j.requirements.length).join(', ')}), avg ${(simSizes / nReq).toFixed(1)} similar skills per requirement`);

    // ---------------------------------------------------------------- correctness against the pure engine
    {
      const population = await new MatchEvidenceRepository(ds).load();
      let identical = 0;
      const engineMs: number[] = [];
      for (const job of jobs) {
        const [expected, t] = timed(() => rankCandidates(population, job, sim, halfLife, AS_OF, DEFAULT_MATCH_CONFIG, { first: 20 }));
        engineMs.push(t);
        const actual = index.rank(job, sim, AS_OF, { first: 20 });
        const ok =
          actual.totalCount === expected.totalCount &&
          actual.items.length === expected.items.length &&
          actual.items.every((a, i) => a.candidateId === expected.items[i].candidateId && Object.is(a.score, expected.items[i].score) && a.meetsMandatory === expected.items[i].meetsMandatory);
        if (ok) identical++;
      }
      log(`index top 20 identical to the pure engine (ids, order, scores bit for bit, meetsMandatory, totalCount): ${identical}/${jobs.length} jobs; pure engine wall p50 ${fmtMs(percentile(engineMs, 50))}`);
    }

    // ---------------------------------------------------------------- (a) index and (c) floor, interleaved
    const rankWall: number[] = [];
    const rankCpu: number[] = [];
    const floorWall: number[] = [];
    const floorCpu: number[] = [];
    const perJob: string[] = [];
    let sink = 0;
    for (let w = 0; w < 3; w++) for (const job of jobs) sink += index.rank(job, sim, AS_OF, { first: 20 }).totalCount + index.scanFloor(job, sim, AS_OF);
    for (const job of jobs) {
      const mine: number[] = [];
      const floors: number[] = [];
      for (let r = 0; r < REPS; r++) {
        const [a, t1, c1] = timed(() => index.rank(job, sim, AS_OF, { first: 20 }));
        const [b, t2, c2] = timed(() => index.scanFloor(job, sim, AS_OF));
        sink += a.items.length + b;
        rankWall.push(t1);
        rankCpu.push(c1);
        floorWall.push(t2);
        floorCpu.push(c2);
        mine.push(c1);
        floors.push(c2);
      }
      index.rank(job, sim, AS_OF, { first: 20 });
      const d = index.lastRank;
      perJob.push(
        `  ${job.requirements.length} reqs (${job.requirements.filter((r) => r.mandatory).length} mandatory): CPU p50 ${fmtMs(percentile(mine, 50))} vs floor ${fmtMs(percentile(floors, 50))}; ` +
          `touched ${d.touched}, closed after req ${d.closedAfter ?? '-'}, survivors ${d.survivors}, exact recomputations ${d.exactEvaluations}`,
      );
    }
    const rankP50 = percentile(rankWall, 50);
    const rankCpuP50 = percentile(rankCpu, 50);
    log(
      `(a) index rank top 20: wall p50 ${fmtMs(rankP50)}, p95 ${fmtMs(percentile(rankWall, 95))}; CPU p50 ${fmtMs(rankCpuP50)}, p95 ${fmtMs(percentile(rankCpu, 95))} ` +
        `over ${rankWall.length} runs (target p50 ≤ 4 ms)`,
    );
    for (const line of perJob) log(line);
    log(`    memory after ranking every job (impact orders of the lists they read built): memoryBytes ${fmtMb(index.memoryBytes())} (target ≤ 100 MB)`);
    const floorCpuP50 = percentile(floorCpu, 50);
    log(`(c) floor (one bare pass over the postings each job touches): wall p50 ${fmtMs(percentile(floorWall, 50))}; CPU p50 ${fmtMs(floorCpuP50)}`);
    log(`    index / floor: ${(rankP50 / percentile(floorWall, 50)).toFixed(2)}× (wall p50), ${(rankCpuP50 / floorCpuP50).toFixed(2)}× (CPU p50)`);

    // ---------------------------------------------------------------- (b) SQL
    const client = new Client({ connectionString: url });
    await client.connect();
    try {
      const [{ pid }] = (await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows;
      // the backend's CPU is read from /proc: keep the work in this one process
      await client.query('SET max_parallel_workers_per_gather = 0');
      await client.query(`SET work_mem = '64MB'`);
      await client.query('CREATE TEMP TABLE bench_sim (req int NOT NULL, skill_id uuid NOT NULL, sim float8 NOT NULL, hl float8 NOT NULL)');
      await client.query('CREATE TEMP TABLE bench_req (req int PRIMARY KEY, level float8 NOT NULL, weight float8 NOT NULL, mandatory bool NOT NULL)');
      const sqlWall: number[] = [];
      const sqlCpu: number[] = [];
      const prepWall: number[] = [];
      let same = 0;
      let worst = 0;
      const mismatches: string[] = [];
      for (const job of jobs) {
        const p0 = performance.now();
        await prepareJob(client, job, sim, halfLife);
        prepWall.push(performance.now() - p0);
        const W = job.requirements.reduce((a, r) => a + r.weight, 0);
        const nMand = job.requirements.filter((r) => r.mandatory).length;
        const params = [AS_OF.getTime(), AS_OF.toISOString(), W, nMand, DEFAULT_MATCH_CONFIG.mandatoryThreshold];
        let rows: { id: string; score: number; meets: boolean }[] = [];
        await client.query(RANK_SQL, params); // warm-up (plan, buffers)
        for (let r = 0; r < SQL_REPS; r++) {
          const cpu0 = processCpuNs(pid);
          const t0 = performance.now();
          rows = (await client.query<{ id: string; score: number; meets: boolean }>(RANK_SQL, params)).rows;
          sqlWall.push(performance.now() - t0);
          const cpu1 = processCpuNs(pid);
          if (cpu0 !== null && cpu1 !== null) sqlCpu.push((cpu1 - cpu0) / 1e6);
        }
        const fromSql: RankedCandidate[] = rows.map((x) => ({ candidateId: x.id, score: Number(x.score), meetsMandatory: x.meets }));
        const fromIndex = index.rank(job, sim, AS_OF, { first: 20 }).items;
        const cmp = sameTop(fromIndex, fromSql, 1e-12);
        if (cmp.same) same++;
        else mismatches.push(`${job.title}: index ${JSON.stringify(fromIndex.slice(0, 3))} vs SQL ${JSON.stringify(fromSql.slice(0, 3))}`);
        if (Number.isFinite(cmp.maxDiff)) worst = Math.max(worst, cmp.maxDiff);
      }
      const sqlP50 = percentile(sqlWall, 50);
      log(
        `(b) SQL (one statement; covering index skill_evidence_skill_idx; temp table of the expanded requirements, prepared in ${fmtMs(percentile(prepWall, 50))} p50, not timed): ` +
          `wall p50 ${fmtMs(sqlP50)}, p95 ${fmtMs(percentile(sqlWall, 95))}` +
          (sqlCpu.length ? `; backend CPU p50 ${fmtMs(percentile(sqlCpu, 50))}` : '') +
          ` over ${sqlWall.length} runs (${SQL_REPS} per job, parallel workers off)`,
      );
      log(
        `    index is ${(sqlP50 / rankP50).toFixed(0)}× faster (wall p50 vs wall p50)` +
          (sqlCpu.length ? `, ${(percentile(sqlCpu, 50) / rankCpuP50).toFixed(0)}× (CPU p50 vs CPU p50)` : '') +
          ` (target ≥ 40×); same top 20 (ids, order, meetsMandatory; scores within 1e-12): ${same}/${jobs.length} jobs, largest score difference ${worst.toExponential(1)}`,
      );
      for (const line of mismatches) log(`    MISMATCH ${line}`);
    } finally {
      await client.end();
    }
    if (sink === -1) log(String(sink));
  } finally {
    await ds.destroy();
    await db.release();
  }
}

/** Fills bench_sim and bench_req for one job (what a per-job precomputed similarity table holds). */
async function prepareJob(client: Client, job: JobRequirements, sim: { similarTo(id: string): ReadonlyMap<string, { sim: number }> }, halfLife: (id: string) => number): Promise<void> {
  const req: number[] = [];
  const skill: string[] = [];
  const sims: number[] = [];
  const hls: number[] = [];
  job.requirements.forEach((r, i) => {
    for (const [skillId, e] of sim.similarTo(r.skillId)) {
      req.push(i);
      skill.push(skillId);
      sims.push(e.sim);
      hls.push(halfLife(skillId));
    }
  });
  await client.query('TRUNCATE bench_sim, bench_req');
  await client.query('INSERT INTO bench_sim SELECT * FROM unnest($1::int[], $2::uuid[], $3::float8[], $4::float8[])', [req, skill, sims, hls]);
  await client.query('INSERT INTO bench_req SELECT * FROM unnest($1::int[], $2::float8[], $3::float8[], $4::bool[])', [
    job.requirements.map((_, i) => i),
    job.requirements.map((r) => r.level),
    job.requirements.map((r) => r.weight),
    job.requirements.map((r) => r.mandatory),
  ]);
  await client.query('ANALYZE bench_sim, bench_req');
}

main().catch((error: unknown) => {
  process.stderr.write(`match-sql bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
