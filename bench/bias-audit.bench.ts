/**
 * Benchmark of the bias audit over the ranking audit records (biasAudit / npm run audit:bias).
 *
 *   npm run bench:bias   (node dist/bench/bias-audit.bench.js [--max-records N])
 *
 * An in-memory PGlite database, 5,000 candidates with self-declarations (the demo's shares), 5
 * jobs, and ranking audit records written through the app's own RankingAuditRepository: 20 results
 * each, from the top of the ranking, scores from a fixed seed. With 1,000, 2,000, 4,000 and 8,000
 * records in the period, the audit of every job (read by keyset pages, each person once per job,
 * the method, the tests and the Markdown summary) is timed (median of 3), with its reading part
 * (keyset pages and the once-per-job tally) alone, against the floor: one SELECT of the same rows
 * and columns, all at once, with nothing computed. The cost should stay
 * linear in the records read: ms per 1,000 records about constant, and a steady multiple of the floor.
 */
import 'reflect-metadata';
import { performance } from 'node:perf_hooks';
import { DataSource } from 'typeorm';
import { RankingAuditRepository } from '../src/audit/ranking-audit.repository';
import { buildDataSourceOptions } from '../src/database/data-source-options';
import { ShownPeople } from '../src/domain/fairness/shown';
import { biasAuditSummary } from '../src/domain/fairness/summary';
import { BiasAuditRepository } from '../src/fairness/bias-audit.repository';
import { BiasAuditService } from '../src/fairness/bias-audit.service';
import { DemographicsRepository } from '../src/fairness/demographics.repository';
import { insertDemoDemographics } from '../src/seed/demo-demographics';
import { stableUuidSequence } from '../src/seed/stable-id';
import { fmtMs } from './support/measure';

const CANDIDATES = 5000;
const JOBS = 5;
const RESULTS = 20;
const STEPS = [1000, 2000, 4000, 8000];

/** mulberry32: a small fixed-seed generator, enough for scores */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const median3 = async (f: () => Promise<unknown>): Promise<number> => {
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    await f();
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b)[1];
};

async function main(): Promise<void> {
  const maxArg = process.argv.indexOf('--max-records');
  const max = maxArg >= 0 ? Number(process.argv[maxArg + 1]) : Infinity;
  const ds = new DataSource(buildDataSourceOptions({ kind: 'pglite', dataDir: 'memory://' }));
  await ds.initialize();
  await ds.runMigrations({ transaction: 'each' });
  const candidateId = stableUuidSequence('bias-audit-bench', 'candidates');
  const jobId = stableUuidSequence('bias-audit-bench', 'jobs');
  const candidates = Array.from({ length: CANDIDATES }, (_, i) => candidateId(i));
  const jobs = Array.from({ length: JOBS }, (_, i) => jobId(i));
  await ds.query(`INSERT INTO candidate (id, name) SELECT id, 'Bench ' || n FROM unnest($1::uuid[]) WITH ORDINALITY AS c(id, n)`, [candidates]);
  await ds.query(`INSERT INTO job (id, title) SELECT id, 'Bench job ' || n FROM unnest($1::uuid[]) WITH ORDINALITY AS j(id, n)`, [jobs]);
  await ds.transaction((m) => insertDemoDemographics(m, candidates));

  const records = new RankingAuditRepository(ds);
  const reader = new BiasAuditRepository(ds);
  const audit = new BiasAuditService(new BiasAuditRepository(ds), new DemographicsRepository(ds));
  const rand = random(21);
  const from = new Date();
  let written = 0;
  process.stdout.write(`bias audit over ranking audit records: ${CANDIDATES} candidates, ${JOBS} jobs, ${RESULTS} results a record (PGlite in memory)\n`);
  process.stdout.write('records  people×jobs  audit (median of 3)  per 1,000 records  of which reading  floor: one SELECT  audit / floor\n');
  for (const step of STEPS.filter((s) => s <= max)) {
    for (; written < step; written++) {
      const start = Math.floor(rand() * CANDIDATES);
      const results = Array.from({ length: RESULTS }, (_, k) => ({ candidateId: candidates[(start + k * 37) % CANDIDATES], score: 1 - k / RESULTS - rand() / RESULTS, meetsMandatory: true }));
      await records.insert({
        operation: 'rankCandidates',
        actorSub: 'bench',
        actorRole: 'RECRUITER',
        jobId: jobs[written % JOBS],
        arguments: { first: RESULTS, after: null },
        asOf: from,
        configHash: 'bench',
        taxonomyVersion: null,
        config: {} as never,
        requirements: [],
        results,
        totalCount: CANDIDATES,
      });
    }
    const to = new Date(Date.now() + 1000);
    let population = 0;
    const ms = await median3(async () => {
      const report = await audit.biasAudit({ jobIds: null, from, to, topN: 20, minShare: 0.02 });
      population = report.population;
      biasAuditSummary(report.report, report.context, 'MARKDOWN');
    });
    const reading = await median3(async () => {
      const shown = new ShownPeople();
      await reader.scan(null, from, to, (batch) => batch.forEach((r) => shown.add(r)));
      return shown.people();
    });
    const floor = await median3(() => ds.query(`SELECT seq, job_id, arguments, operation, results FROM ranking_audit WHERE created_at >= $1 AND created_at < $2`, [from, to]));
    process.stdout.write(
      `${String(step).padStart(7)}  ${String(population).padStart(11)}  ${fmtMs(ms).padStart(19)}  ${fmtMs((ms / step) * 1000).padStart(17)}  ${fmtMs(reading).padStart(16)}  ${fmtMs(floor).padStart(17)}  ${(ms / floor).toFixed(2).padStart(13)}\n`,
    );
  }
  await ds.destroy();
}

main().catch((error: unknown) => {
  process.stderr.write(`bias-audit bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
