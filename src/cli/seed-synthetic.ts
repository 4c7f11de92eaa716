import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { toAppConfig } from '../config/app-config';
import { loadEnvironment } from '../config/environment';
import { buildDataSourceOptions } from '../database/data-source-options';
import { seedSynthetic } from '../seed/synthetic-seed';

const USAGE = 'usage: npm run seed:synthetic -- [--candidates 100000] [--seed 42] [--now 2026-01-01] [--batch 2000] [--concurrency 2]';

function parseArgs(argv: string[]): { candidates: number; seed: number; now?: Date; batchSize?: number; concurrency?: number } {
  const out: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const m = /^--(candidates|seed|now|batch|concurrency)(?:=(.*))?$/.exec(argv[i]);
    if (!m) throw new Error(`unknown argument ${argv[i]}\n${USAGE}`);
    const value = m[2] ?? argv[++i];
    if (value === undefined) throw new Error(`--${m[1]} needs a value\n${USAGE}`);
    out[m[1]] = value;
  }
  const int = (name: string, fallback: number | undefined, min: number, max: number): number | undefined => {
    if (out[name] === undefined) return fallback;
    const n = Number(out[name].replace(/_/g, ''));
    if (!Number.isInteger(n) || n < min || n > max) throw new Error(`--${name} must be an integer in ${min}..${max}\n${USAGE}`);
    return n;
  };
  let now: Date | undefined;
  if (out.now !== undefined) {
    now = new Date(out.now);
    if (Number.isNaN(now.getTime())) throw new Error(`--now must be a date, e.g. 2026-01-01\n${USAGE}`);
  }
  return {
    candidates: int('candidates', 100_000, 0, 10_000_000) as number,
    seed: int('seed', 42, 0, 0xffffffff) as number,
    now,
    batchSize: int('batch', undefined, 1, 100_000),
    concurrency: int('concurrency', undefined, 1, 16),
  };
}

/**
 * `npm run seed:synthetic -- --candidates 100000 --seed 42`: migrates the configured database
 * (DATABASE_URL, else PGlite in DATA_DIR), loads the seed catalogue if it is missing, then streams
 * a deterministic synthetic population into it (idempotent: stable ids, existing rows skipped).
 */
async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const config = toAppConfig(loadEnvironment());
  const ds = new DataSource(buildDataSourceOptions(config.database));
  await ds.initialize();
  try {
    await ds.runMigrations({ transaction: 'each' });
    let reported = 0;
    const summary = await seedSynthetic(ds, config, {
      ...args,
      onProgress: ({ candidates, of, ms }) => {
        if (candidates < of && candidates - reported < of / 10) return;
        reported = candidates;
        process.stderr.write(`  ${candidates.toLocaleString('en-US')} / ${of.toLocaleString('en-US')} candidates, ${(ms / 1000).toFixed(1)} s\n`);
      },
    });
    const g = summary.generated;
    const n = summary.inserted;
    process.stdout.write(
      `seed:synthetic on ${config.database.kind} (seed ${args.seed}, now ${summary.now.toISOString()}): ` +
        `${g.candidates} candidates, ${g.earnedCredentials} earned credentials, ${g.evidence} pieces of evidence generated; ` +
        `inserted ${n.candidates} / ${n.earnedCredentials} / ${n.evidence} (existing ids skipped)${summary.catalogueLoaded ? '; catalogue loaded first' : ''}; ` +
        `${(summary.loadMs / 1000).toFixed(1)} s load (${Math.round(g.evidence / (summary.loadMs / 1000)).toLocaleString('en-US')} evidence rows/s) + ` +
        `${(summary.analyzeMs / 1000).toFixed(1)} s VACUUM ANALYZE = ${(summary.ms / 1000).toFixed(1)} s` +
        (summary.rebuilt ? ` (first load: evidence and credential indexes and foreign keys dropped and recreated in one transaction, recreation ${(summary.indexMs / 1000).toFixed(1)} s)` : '') +
        '\n',
    );
  } finally {
    await ds.destroy();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`seed:synthetic failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
