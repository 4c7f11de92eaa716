/**
 * The cost of the hash-chained audit: ranking_audit INSERTs (a rankCandidates-sized record: the job,
 * the engine config and a top 20) from 1 and 10 concurrent connections, with the chain trigger
 * (migrations/1796688000001-audit-chain.ts: a lock, the last row's hash, sha256 of the row) and,
 * as the baseline, with that trigger disabled; then through RankingAuditRepository.insert (which
 * writes the records of concurrent calls in one transaction); then verifyAuditChain's scan.
 *
 *   npm run build && node dist/bench/audit-chain.bench.js     (BENCH_AUDIT_ROWS per run, default 2000)
 *
 * On a scratch database (migrated, not seeded) on the server of BENCH_DATABASE_URL / DATABASE_URL,
 * dropped at the end.
 */
import 'reflect-metadata';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { RankingAuditRepository } from '../src/audit/ranking-audit.repository';
import { AuditChainService } from '../src/audit/audit-chain.service';
import { toAppConfig } from '../src/config/app-config';
import { loadEnvironment } from '../src/config/environment';
import { buildDataSourceOptions } from '../src/database/data-source-options';
import { DEFAULT_MATCH_CONFIG } from '../src/domain/matching/match-config';
import { DEFAULT_SIMILARITY_CONFIG } from '../src/domain/taxonomy/similarity-config';
import { adminQuery, benchServerUrl, withDatabase } from './support/match-bench-db';

const ROWS = Number(process.env.BENCH_AUDIT_ROWS ?? 2000);
const log = (line: string): void => void process.stdout.write(`${line}\n`);

const INSERT = `INSERT INTO ranking_audit (operation, actor_sub, actor_role, job_id, arguments, as_of, config_hash, config, requirements, results, total_count, taxonomy_version)
  VALUES ('rankCandidates', 'bench', 'RECRUITER', $1, $2, now(), 'bench', $3, $4, $5, 100000, '0123456789abcdef')`;
const JOB = '00000000-0000-4000-8000-000000000001';
const params = [
  JOB,
  JSON.stringify({ first: 20, after: null, minScore: null, masked: false, asOf: null }),
  JSON.stringify({ match: DEFAULT_MATCH_CONFIG, similarity: DEFAULT_SIMILARITY_CONFIG }),
  JSON.stringify([1, 2, 3].map((i) => ({ id: `00000000-0000-4000-8000-00000000000${i}`, skillId: `00000000-0000-4000-8000-00000000001${i}`, level: 3, weight: 1, mandatory: false }))),
  JSON.stringify(Array.from({ length: 20 }, (_, i) => ({ candidateId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, score: 0.9 - i / 100, meetsMandatory: true }))),
];

async function run(url: string, connections: number): Promise<number> {
  const clients = await Promise.all(Array.from({ length: connections }, async () => {
    const c = new Client({ connectionString: url });
    await c.connect();
    return c;
  }));
  const started = performance.now();
  let left = ROWS;
  await Promise.all(
    clients.map(async (c) => {
      while (left-- > 0) await c.query(INSERT, params);
    }),
  );
  const ms = performance.now() - started;
  await Promise.all(clients.map((c) => c.end()));
  return (ROWS / ms) * 1000;
}

async function main(): Promise<void> {
  const server = benchServerUrl();
  const name = `skillstack_bench_audit_${process.pid}`;
  await adminQuery(withDatabase(server, 'postgres'), `CREATE DATABASE ${name}`);
  const url = withDatabase(server, name);
  try {
    const config = toAppConfig(loadEnvironment({ DATABASE_URL: url, DATA_DIR: 'memory://' }));
    const ds = new DataSource(buildDataSourceOptions(config.database));
    await ds.initialize();
    await ds.runMigrations({ transaction: 'each' });
    log(`audit chain: ${ROWS} ranking_audit inserts per run (rows/s)`);
    for (const connections of [1, 10]) {
      const chained = await run(url, connections);
      await ds.query(`ALTER TABLE ranking_audit DISABLE TRIGGER ranking_audit_chain`);
      // without the trigger the chain columns must be given: the baseline writes constant ones
      await ds.query(`ALTER TABLE ranking_audit ALTER COLUMN chain_pos SET DEFAULT 0, ALTER COLUMN prev_hash SET DEFAULT '', ALTER COLUMN row_hash SET DEFAULT '', DROP CONSTRAINT ranking_audit_chain_pos_key`);
      const plain = await run(url, connections);
      await ds.query(`ALTER TABLE ranking_audit DISABLE TRIGGER ranking_audit_append_only`);
      await ds.query(`DELETE FROM ranking_audit WHERE row_hash = ''`);
      await ds.query(`ALTER TABLE ranking_audit ENABLE TRIGGER ranking_audit_append_only, ENABLE TRIGGER ranking_audit_chain`);
      await ds.query(`ALTER TABLE ranking_audit ALTER COLUMN chain_pos DROP DEFAULT, ALTER COLUMN prev_hash DROP DEFAULT, ALTER COLUMN row_hash DROP DEFAULT, ADD CONSTRAINT ranking_audit_chain_pos_key UNIQUE (chain_pos)`);
      log(`  ${connections} connection(s): chained ${chained.toFixed(0)}/s, baseline (no chain trigger) ${plain.toFixed(0)}/s (${((chained / plain) * 100).toFixed(0)} %)`);
    }
    // through the app's repository: concurrent calls share a transaction while one commits
    const repository = new RankingAuditRepository(ds);
    const record = {
      operation: 'rankCandidates' as const,
      actorSub: 'bench',
      actorRole: 'RECRUITER',
      jobId: JOB,
      arguments: JSON.parse(params[1]),
      asOf: new Date(),
      configHash: 'bench',
      taxonomyVersion: '0123456789abcdef',
      config: JSON.parse(params[2]),
      requirements: JSON.parse(params[3]),
      results: JSON.parse(params[4]),
      totalCount: 100000,
    };
    for (const callers of [1, 10]) {
      let left = ROWS;
      const started = performance.now();
      await Promise.all(
        Array.from({ length: callers }, async () => {
          while (left-- > 0) await repository.insert(record);
        }),
      );
      log(`  RankingAuditRepository.insert from ${callers} concurrent caller(s) (batched commits, chained): ${((ROWS / (performance.now() - started)) * 1000).toFixed(0)}/s`);
    }
    const verifier = new AuditChainService(repository);
    const started = performance.now();
    const result = await verifier.verify();
    const records = result.tables.find((t) => t.table === 'ranking_audit')!.records;
    log(`  verifyAuditChain: ${records} records in ${(performance.now() - started).toFixed(0)} ms, intact: ${result.intact}`);
    await ds.destroy();
  } finally {
    await adminQuery(withDatabase(server, 'postgres'), `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
