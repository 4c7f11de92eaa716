import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * `npm run bench`: every benchmark in turn, each in its own process so their heaps do not mix.
 * match.bench.js runs the matching benchmarks (in-memory engine, PostgreSQL, HTTP) on one seeded
 * scratch database, so `npm run bench` needs the PostgreSQL server (BENCH_DATABASE_URL / DATABASE_URL).
 */
const BENCHES = ['taxonomy-search.bench.js', 'taxonomy.bench.js', 'match.bench.js', 'pathways.bench.js', 'bias-audit.bench.js'];

let failed = 0;
for (const file of BENCHES) {
  process.stdout.write(`\n=== ${file}\n`);
  const result = spawnSync(process.execPath, [join(__dirname, file), ...process.argv.slice(2)], { stdio: 'inherit' });
  if (result.status !== 0) failed += 1;
}
process.exit(failed ? 1 : 0);
