import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { getPGliteInstance } from 'typeorm-pglite';
import { toAppConfig } from '../../src/config/app-config';
import { loadEnvironment } from '../../src/config/environment';
import { buildDataSourceOptions } from '../../src/database/data-source-options';
import { SeedService } from '../../src/seed/seed.service';
import { adminQuery, serverUrl, templateDatabase, withDatabase, writeSnapshot } from './test-database';

/**
 * Migrates and seeds one database for the whole run: a PGlite snapshot (embedded mode) or a
 * PostgreSQL template database (DATABASE_URL set). Each test file then starts from a copy.
 */
export default async function globalSetup(): Promise<void> {
  const url = serverUrl();
  const base = toAppConfig(loadEnvironment({ ...process.env, DATABASE_URL: undefined, DATA_DIR: 'memory://' }));
  if (url) {
    await adminQuery(withDatabase(url, 'postgres'), `DROP DATABASE IF EXISTS ${templateDatabase(url)} WITH (FORCE)`);
    await adminQuery(withDatabase(url, 'postgres'), `CREATE DATABASE ${templateDatabase(url)}`);
    const config = { ...base, database: { kind: 'postgres' as const, url: withDatabase(url, templateDatabase(url)), dataDir: '' } };
    const ds = new DataSource(buildDataSourceOptions(config.database));
    await ds.initialize();
    await ds.runMigrations({ transaction: 'each' });
    await new SeedService(ds, config).seed();
    await ds.destroy();
    return;
  }
  const ds = new DataSource(buildDataSourceOptions(base.database));
  await ds.initialize();
  await ds.runMigrations({ transaction: 'each' });
  await new SeedService(ds, base).seed();
  const pglite = await getPGliteInstance();
  const dump = await pglite.dumpDataDir('gzip');
  writeSnapshot(Buffer.from(await dump.arrayBuffer()));
  await ds.destroy();
}
