/**
 * `npm run bench:match`: every matching-engine figure of the "Matching engine" issue, each printed
 * next to what it is compared with.
 *
 *   npm run build && node dist/bench/match.bench.js
 *
 * 1. seeds one scratch PostgreSQL database with seedSynthetic (BENCH_CANDIDATES, default 100,000,
 *    seed 42: what `npm run seed:synthetic -- --candidates 100000 --seed 42` does) and reports its
 *    time against the 60 s target; with BENCH_KEEP_DB=1 the database is kept, and reused by the
 *    next run; BENCH_SEEDED_DATABASE_URL names an already seeded database to use instead;
 * 2. runs, each in its own process (their heaps and CPU time do not mix) and in turn:
 *    match-engine.bench.js (pure in-memory synthetic population, no database),
 *    match-sql.bench.js (a, b, c, e: the MatchIndex built from the database, against one SQL query
 *    and against the floor) and match-http.bench.js (d: the built app over HTTP with autocannon),
 *    handing the seeded database to the last two through BENCH_SEEDED_DATABASE_URL;
 * 3. drops the scratch database (unless BENCH_KEEP_DB=1) and repeats the lines that carry a target.
 *
 * Exit status 1 when a benchmark fails (an error, wrong results); missed targets are reported.
 */
import { spawn } from 'node:child_process';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { benchServerUrl, BENCH_CANDIDATES, BENCH_SEED, SEEDED_DATABASE_VARIABLE, seededScratchDatabase } from './support/match-bench-db';

const BENCHES = ['match-engine.bench.js', 'match-sql.bench.js', 'match-http.bench.js'];
const SEED_TARGET_S = 60;

const log = (line: string): void => void process.stdout.write(`${line}\n`);
const load = (): string => loadavg().map((x) => x.toFixed(2)).join(' ');
const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

/** Runs one benchmark file in its own node process, echoing its output; its exit code and stdout. */
function runBench(file: string, env: NodeJS.ProcessEnv): Promise<{ code: number; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(__dirname, file), ...process.argv.slice(2)], { env, stdio: ['ignore', 'pipe', 'inherit'] });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      process.stdout.write(chunk);
    });
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), output: Buffer.concat(chunks).toString('utf8') }));
  });
}

/**
 * The lines that carry a figure and what it is compared with: "(a)" … "(e)" with their indented
 * continuations, and any other line naming a target or a check against the pure engine.
 */
function targetLines(output: string): string[] {
  const out: string[] = [];
  let inside = false;
  for (const line of output.split('\n')) {
    if (/^\([a-e]\) /.test(line)) inside = true;
    else if (!/^ {4}\S/.test(line)) inside = false;
    if (inside || /target|identical|floor|faster|MISMATCH|FAILURE/.test(line)) out.push(line);
  }
  return out;
}

async function main(): Promise<void> {
  const started = performance.now();
  const loadBefore = load();
  log(`bench:match: ${BENCH_CANDIDATES} candidates, seed ${BENCH_SEED}; machine load average before: ${loadBefore}`);

  const given = process.env[SEEDED_DATABASE_VARIABLE];
  let url: string;
  let seedLine: string;
  let release = async (): Promise<void> => undefined;
  if (given) {
    url = given;
    seedLine = `seed:synthetic not run: ${SEEDED_DATABASE_VARIABLE} names an already seeded database`;
    log(seedLine);
  } else {
    log(`\n=== seed:synthetic (scratch database on ${new URL(benchServerUrl()).host})`);
    const t0 = performance.now();
    const scratch = await seededScratchDatabase(log);
    const setupMs = performance.now() - t0;
    url = scratch.url;
    release = () => scratch.drop();
    const s = scratch.seeded;
    seedLine = s
      ? `seed:synthetic --candidates ${BENCH_CANDIDATES} --seed ${BENCH_SEED}: ${seconds(s.ms)} (target ≤ ${SEED_TARGET_S} s: ${s.ms <= SEED_TARGET_S * 1000 ? 'met' : 'MISSED'}); ` +
        `${s.generated.candidates} candidates, ${s.generated.evidence} pieces of evidence; with CREATE DATABASE, migrations and the benchmark jobs ${seconds(setupMs)}`
      : `seed:synthetic not timed: the scratch database ${scratch.name} was reused (BENCH_KEEP_DB=1); drop it or unset BENCH_KEEP_DB to time the seeding`;
    log(seedLine);
  }

  const env = { ...process.env, [SEEDED_DATABASE_VARIABLE]: url };
  const results: { file: string; code: number; ms: number; lines: string[] }[] = [];
  try {
    for (const file of BENCHES) {
      log(`\n=== ${file} (load average ${load()})`);
      const t0 = performance.now();
      const { code, output } = await runBench(file, env);
      results.push({ file, code, ms: performance.now() - t0, lines: targetLines(output) });
    }
  } finally {
    await release();
  }

  log('\n=== bench:match summary (figures and targets as printed above)');
  log(seedLine);
  for (const r of results) {
    log(`${r.file}: ${r.code === 0 ? 'ok' : `FAILED (exit ${r.code})`} in ${seconds(r.ms)}`);
    for (const line of r.lines) log(`  ${line}`);
  }
  log(`total ${seconds(performance.now() - started)}; machine load average before ${loadBefore}, after ${load()}`);
  process.exit(results.some((r) => r.code !== 0) ? 1 : 0);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:match failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
