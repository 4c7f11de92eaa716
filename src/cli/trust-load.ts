import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { DataSource } from 'typeorm';
import { parseTrustList, replaceTrustList } from '../badges/trust-list';
import { toAppConfig } from '../config/app-config';
import { loadEnvironment } from '../config/environment';
import { buildDataSourceOptions } from '../database/data-source-options';

const USAGE = 'usage: npm run -s trust:load -- <trust-list.json>';

/**
 * `npm run trust:load -- trust-list.json`: replaces the trust list of the configured database with the file
 * (same format and checks as the loadTrustList mutation), in one transaction; prints what it loaded.
 */
export async function loadTrustListFile(path: string, dataSource: DataSource): Promise<{ loaded: number; removed: number }> {
  const entries = await parseTrustList(readFileSync(path, 'utf8'));
  return dataSource.transaction((manager) => replaceTrustList(manager, entries, null));
}

async function main(): Promise<void> {
  const [path, ...rest] = process.argv.slice(2);
  if (!path || rest.length) throw new Error(USAGE);
  const config = toAppConfig(loadEnvironment());
  const ds = new DataSource(buildDataSourceOptions(config.database));
  await ds.initialize();
  try {
    await ds.runMigrations({ transaction: 'each' });
    const summary = await loadTrustListFile(path, ds);
    process.stdout.write(`trust list loaded into ${config.database.kind}: ${summary.loaded} issuers (${summary.removed} removed)\n`);
  } finally {
    await ds.destroy();
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`trust:load: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
