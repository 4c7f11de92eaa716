/**
 * rankCandidates over HTTP on loopback: the real application, built (`npm run build`), started as
 * a child process `node dist/src/main.js` on a seeded PostgreSQL database, loaded with autocannon.
 *
 *   npm run build && node dist/bench/match-http.bench.js     (part of `npm run bench:match`)
 *
 * Database: as match-sql.bench.js (benchDatabase in support/match-bench-db.ts): the database named
 * by BENCH_SEEDED_DATABASE_URL (match.bench.js passes its own), else a scratch database seeded here
 * with seedSynthetic (BENCH_CANDIDATES, default 100,000, seed 42) and dropped at the end unless
 * BENCH_KEEP_DB=1.
 *
 * The app runs with NODE_ENV=production, LOG_LEVEL=warn (no per-request log lines), the benchmark
 * AUTH_JWT_SECRET, no rate limit (RATE_LIMIT_PER_MINUTE=100000000) and SEED_DEMO=false; the
 * requests carry a RECRUITER bearer token and rotate over the ten benchmark jobs:
 *   query($j: ID!) { rankCandidates(jobId: $j, first: 20, asOf: "2026-01-01T00:00:00Z") { totalCount edges { cursor node { score meetsMandatory candidate { id name } } } } }
 * Each call also appends one ranking_audit row (an INSERT of the job, the config and the top 20):
 * that is part of the measured cost, as it is in production.
 *
 * Steps: boot (spawn → /health 200, which includes the taxonomy and MatchIndex built at boot), one
 * checked request per job, a warm-up (BENCH_HTTP_WARMUP_SECONDS, default 5, 10 connections; it
 * also outlasts the pathway solver warm-up the app runs in the background after boot), then
 * BENCH_HTTP_SECONDS (default 10) with 1 connection (latency without queueing), the same with
 * 10 connections (throughput: the app saturated, so their latency is mostly queueing), and with 2
 * connections (two clients back to back: the throughput and latency together). Reports p50/p90/p99
 * latency and requests/s against the targets (p50 ≤ 30 ms, ≥ 100 requests/s; "both at once": the
 * 2-connection run reaches both), the app's CPU per request and RSS. Fails (exit 1) on any
 * connection error, timeout, non-2xx response, GraphQL error or a top 20 that differs between
 * calls of the same job; a missed target is reported, not failed.
 *
 * All of it runs once per BENCH_HTTP_WORKERS entry (default "1,2"): the app with WEB_CONCURRENCY=1
 * (one process) and =2 (node:cluster, two workers on the two cores, each with its own MatchIndex);
 * CPU and RSS are summed over the app's processes.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { Role } from '../src/auth/role.enum';
import { TokenService } from '../src/auth/token.service';
import { adminQuery, benchDatabase, benchEnv, benchJobs, BENCH_JWT_SECRET, fmtMs, percentile } from './support/match-bench-db';

const SECONDS = Number(process.env.BENCH_HTTP_SECONDS ?? 10);
const WARMUP_SECONDS = Number(process.env.BENCH_HTTP_WARMUP_SECONDS ?? 5);
const BOOT_TIMEOUT_MS = Number(process.env.BENCH_HTTP_BOOT_TIMEOUT_MS ?? 180_000);
const TARGET_P50_MS = 30;
const TARGET_RPS = 100;
const ROOT = join(__dirname, '..', '..');
const QUERY =
  'query($j: ID!) { rankCandidates(jobId: $j, first: 20, asOf: "2026-01-01T00:00:00Z") ' +
  '{ totalCount edges { cursor node { score meetsMandatory candidate { id name } } } } }';

const log = (line: string): void => void process.stdout.write(`${line}\n`);

interface RankResponse {
  data?: { rankCandidates?: { totalCount: number; edges: { node: { candidate: { id: string } } }[] } | null } | null;
  errors?: { message: string }[];
}

/** What the responses held, across every run of one app process. */
class ResponseCheck {
  graphqlErrors = 0;
  nonOk = 0;
  /** a top 20 other than the first one seen for that job (the ranking is deterministic at a fixed asOf) */
  changed = 0;
  checked = 0;
  readonly firstError: string[] = [];
  private readonly topByJob = new Map<string, string>();

  record(jobId: string, status: number, body: string): void {
    this.checked++;
    if (status < 200 || status >= 300) {
      this.nonOk++;
      this.note(`HTTP ${status}: ${body.slice(0, 300)}`);
      return;
    }
    let parsed: RankResponse;
    try {
      parsed = JSON.parse(body) as RankResponse;
    } catch {
      this.graphqlErrors++;
      this.note(`not JSON: ${body.slice(0, 300)}`);
      return;
    }
    const page = parsed.data?.rankCandidates;
    if (parsed.errors?.length || !page) {
      this.graphqlErrors++;
      this.note(`GraphQL errors: ${JSON.stringify(parsed.errors ?? parsed).slice(0, 300)}`);
      return;
    }
    const top = `${page.totalCount}:${page.edges.map((e) => e.node.candidate.id).join(',')}`;
    const first = this.topByJob.get(jobId);
    if (first === undefined) this.topByJob.set(jobId, top);
    else if (first !== top) {
      this.changed++;
      this.note(`job ${jobId}: top 20 changed between calls`);
    }
  }

  get failures(): number {
    return this.graphqlErrors + this.nonOk + this.changed;
  }

  private note(message: string): void {
    if (this.firstError.length < 3) this.firstError.push(message);
  }
}

/** A TCP port free on the loopback interface right now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Polls GET /health until it answers 200; rejects when the child exits or the timeout passes. */
async function waitForHealth(base: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exited: string | null = null;
  child.once('exit', (code, signal) => (exited = `exited with ${signal ?? `code ${code}`}`));
  while (Date.now() < deadline) {
    if (exited) throw new Error(`the app ${exited} before /health answered`);
    try {
      const res = await fetch(`${base}/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the app did not answer /health within ${timeoutMs / 1000} s`);
}

/** The app's processes: the one started and, with WEB_CONCURRENCY > 1, its cluster workers. */
function processTree(pid: number): number[] {
  let children: number[] = [];
  try {
    children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    // no children file: the process alone
  }
  return [pid, ...children];
}

/** CPU ms (user + system, all threads) the app's processes have used, from /proc/<pid>/stat (USER_HZ = 100). */
function processCpuMs(pid: number): number {
  let ms = 0;
  for (const p of processTree(pid)) {
    const stat = readFileSync(`/proc/${p}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // fields[0] is field 3 (state): utime and stime are fields 14 and 15
    ms += (Number(fields[11]) + Number(fields[12])) * 10;
  }
  return ms;
}

/** VmRSS and VmHWM (peak) of the app's processes, summed, in MB. */
function processMemory(pid: number): { rss: number; peak: number } {
  let rss = 0;
  let peak = 0;
  for (const p of processTree(pid)) {
    const status = readFileSync(`/proc/${p}/status`, 'utf8');
    const kb = (name: string): number => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    rss += kb('VmRSS') / 1024;
    peak += kb('VmHWM') / 1024;
  }
  return { rss, peak };
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

interface RunFigures {
  label: string;
  connections: number;
  seconds: number;
  responses: number;
  rps: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  appCpuPerRequest: number;
  loaderCpuPerRequest: number;
  connectionErrors: number;
  timeouts: number;
  non2xx: number;
}

/** One autocannon run: `connections` clients, each sending its next request when the last one is answered. */
async function run(
  label: string,
  base: string,
  token: string,
  jobIds: readonly string[],
  connections: number,
  seconds: number,
  check: ResponseCheck,
  appPid: number,
): Promise<RunFigures> {
  const latencies: number[] = [];
  const requests: autocannon.Request[] = jobIds.map((jobId) => ({
    method: 'POST',
    path: '/graphql',
    body: JSON.stringify({ query: QUERY, variables: { j: jobId } }),
    onResponse: (status: number, body: string) => check.record(jobId, status, body),
  }));
  const app0 = processCpuMs(appPid);
  const loader0 = process.cpuUsage();
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      { url: base, connections, duration: seconds, headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, requests },
      (error: unknown, done: autocannon.Result) => (error ? reject(error instanceof Error ? error : new Error(String(error))) : resolve(done)),
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  });
  const loader = process.cpuUsage(loader0);
  const appCpu = processCpuMs(appPid) - app0;
  const responses = latencies.length;
  return {
    label,
    connections,
    seconds: result.duration,
    responses,
    rps: responses / result.duration,
    p50: percentile(latencies, 50),
    p90: percentile(latencies, 90),
    p99: percentile(latencies, 99),
    max: percentile(latencies, 100),
    appCpuPerRequest: appCpu / Math.max(1, responses),
    loaderCpuPerRequest: (loader.user + loader.system) / 1000 / Math.max(1, responses),
    connectionErrors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
  };
}

function describe(f: RunFigures): string {
  return (
    `${f.label}: ${f.connections} connection${f.connections === 1 ? '' : 's'}, ${f.seconds.toFixed(1)} s, ${f.responses} responses, ${f.rps.toFixed(1)} requests/s; ` +
    `latency p50 ${fmtMs(f.p50)}, p90 ${fmtMs(f.p90)}, p99 ${fmtMs(f.p99)}, max ${fmtMs(f.max)}; ` +
    `app CPU ${fmtMs(f.appCpuPerRequest)}/request, load generator CPU ${fmtMs(f.loaderCpuPerRequest)}/request; ` +
    `connection errors ${f.connectionErrors}, timeouts ${f.timeouts}, non-2xx ${f.non2xx}`
  );
}

const verdict = (ok: boolean): string => (ok ? 'met' : 'MISSED');

/** Workers to measure (WEB_CONCURRENCY of the app): BENCH_HTTP_WORKERS, default "1,2" (one app process; two on the 2 cores). */
const WORKERS = (process.env.BENCH_HTTP_WORKERS ?? '1,2').split(',').map((w) => Number(w.trim()));

/** Boots the app with `workers` HTTP workers and measures it; returns false when a check failed. */
async function measure(dbUrl: string, workers: number, audited: () => Promise<number>): Promise<boolean> {
  const audit0 = await audited();
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const t0 = performance.now();
  const child = spawn(process.execPath, [join(ROOT, 'dist', 'src', 'main.js')], {
    cwd: ROOT,
    env: { ...process.env, ...benchEnv(dbUrl, { PORT: String(port), LOG_LEVEL: 'warn', WEB_CONCURRENCY: String(workers) }) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  // with cluster workers /health answers once the first one listens; the primary says when all do
  let output = '';
  const allListening = new Promise<void>((resolve) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      output = (output + chunk.toString('utf8')).slice(-4096);
      if (/\d+ workers listening/.test(output)) resolve();
    });
  });
  try {
    const pid = child.pid;
    if (pid === undefined) throw new Error('could not start node dist/src/main.js');
    const setup = `WEB_CONCURRENCY=${workers} (${workers === 1 ? 'one process' : `${workers} cluster workers, each with its own MatchIndex`})`;
    await waitForHealth(base, child, BOOT_TIMEOUT_MS);
    if (workers > 1) await allListening; // the primary starts them one after another
    const bootMs = performance.now() - t0;
    const booted = processMemory(pid);
    log(
      `${setup}: node dist/src/main.js (NODE_ENV=production, LOG_LEVEL=warn) answered /health after ${(bootMs / 1000).toFixed(1)} s ` +
        `(taxonomy and MatchIndex built at boot included); RSS ${booted.rss.toFixed(0)} MB, peak ${booted.peak.toFixed(0)} MB`,
    );

    const token = await new TokenService(BENCH_JWT_SECRET).sign({ sub: 'bench-recruiter', role: Role.RECRUITER }, 3600);
    const jobIds = benchJobs().map((j) => j.id);
    const check = new ResponseCheck();

    // one request per job, on its own: the shape of the answer and a first, cold latency
    const cold: number[] = [];
    for (const jobId of jobIds) {
      const s = performance.now();
      const res = await fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: QUERY, variables: { j: jobId } }),
      });
      const body = await res.text();
      cold.push(performance.now() - s);
      check.record(jobId, res.status, body);
    }
    log(`  first call per job (cold, one at a time): p50 ${fmtMs(percentile(cold, 50))}, max ${fmtMs(percentile(cold, 100))}; problems: ${check.failures}`);
    if (check.failures > 0) throw new Error(`the first calls failed: ${check.firstError.join(' | ')}`);

    const warm = await run('warm-up (discarded)', base, token, jobIds, 10, WARMUP_SECONDS, check, pid);
    log(`  ${describe(warm)}`);
    const serial = await run('latency run', base, token, jobIds, 1, SECONDS, check, pid);
    const loaded = await run('throughput run', base, token, jobIds, 10, SECONDS, check, pid);
    // both targets at once: two clients calling back to back (one per core) — the throughput that
    // brings, at a latency without a queue of 10 (autocannon's paced mode, overallRate, sends each
    // connection's requests on the same tick: bursts of 10 every 100 ms at 100/s, which is queueing again)
    const pair = await run('two clients', base, token, jobIds, 2, SECONDS, check, pid);
    log(`  ${describe(serial)}`);
    log(`  ${describe(loaded)}`);
    log(`  ${describe(pair)}`);
    const after = processMemory(pid);
    const appended = (await audited()) - audit0;
    const served = check.checked;

    log(
      `(d) rankCandidates over HTTP, ${setup} (loopback, autocannon, requests rotating over ${jobIds.length} jobs, top 20 with candidate id and name): ` +
        `p50 ${fmtMs(serial.p50)} with 1 connection, ${fmtMs(loaded.p50)} with 10 (target p50 ≤ ${TARGET_P50_MS} ms: ${verdict(serial.p50 <= TARGET_P50_MS)} with 1 connection, ` +
        `${verdict(loaded.p50 <= TARGET_P50_MS)} with 10); ${loaded.rps.toFixed(1)} requests/s with 10 connections, ${serial.rps.toFixed(1)} with 1 ` +
        `(target ≥ ${TARGET_RPS}/s: ${verdict(loaded.rps >= TARGET_RPS)}); ` +
        `both at once, 2 connections: ${pair.rps.toFixed(1)} requests/s with p50 ${fmtMs(pair.p50)}, p90 ${fmtMs(pair.p90)} ` +
        `(${verdict(pair.p50 <= TARGET_P50_MS && pair.rps >= TARGET_RPS)})`,
    );
    log(
      `    every call appends a ranking_audit row, part of the measured cost: ${appended} rows appended for ${served} calls answered ` +
        `(calls still in flight when a run ends are audited but not read); ` +
        `app RSS now ${after.rss.toFixed(0)} MB, peak ${after.peak.toFixed(0)} MB`,
    );
    const transport = [warm, serial, loaded, pair].reduce((a, f) => a + f.connectionErrors + f.timeouts + f.non2xx, 0);
    log(
      `    checks: ${served} responses read; GraphQL errors ${check.graphqlErrors}, non-2xx ${check.nonOk}, top 20 changed between calls ${check.changed}, ` +
        `connection errors + timeouts + non-2xx (autocannon) ${transport}`,
    );
    if (check.failures > 0 || transport > 0 || appended < served) {
      for (const e of check.firstError) log(`    FAILURE ${e}`);
      if (appended < served) log(`    FAILURE ${served} calls answered but only ${appended} audit rows appended`);
      return false;
    }
    return true;
  } finally {
    await stopChild(child);
  }
}

async function main(): Promise<void> {
  log(`machine: load average ${loadavg().map((x) => x.toFixed(1)).join(' ')}; app, PostgreSQL and autocannon share the same cores`);
  const db = await benchDatabase(log);
  let failed = false;
  try {
    const audited = async (): Promise<number> => (await adminQuery<{ n: number }>(db.url, `SELECT count(*)::int AS n FROM ranking_audit WHERE operation = 'rankCandidates'`))[0].n;
    for (const workers of WORKERS) if (!(await measure(db.url, workers, audited))) failed = true;
  } finally {
    await db.release();
  }
  if (failed) throw new Error('responses with errors (see above)');
}

main().catch((error: unknown) => {
  process.stderr.write(`match-http bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
