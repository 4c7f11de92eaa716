import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { toAppConfig } from '../config/app-config';
import { loadEnvironment } from '../config/environment';
import { buildDataSourceOptions } from '../database/data-source-options';
import { parseBiasAuditArgs } from './audit-bias/audit-bias-args';
import { runBiasAudit } from './audit-bias/run-bias-audit';

/**
 * `npm run -s audit:bias -- --job <id> --from 2026-01-01 --to 2026-06-30 [--format csv]`: prints the
 * bias audit summary over the ranking audit records of the period (NYC Local Law 144's method) from
 * the configured database, read only. With the embedded PGlite database, stop the server first.
 */
async function main(): Promise<void> {
  const cli = parseBiasAuditArgs(process.argv.slice(2));
  const config = toAppConfig(loadEnvironment());
  const ds = new DataSource(buildDataSourceOptions(config.database));
  await ds.initialize();
  try {
    process.stdout.write(await runBiasAudit(ds, cli));
  } finally {
    await ds.destroy();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`audit:bias: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
