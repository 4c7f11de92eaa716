import { mkdirSync } from 'node:fs';
import { DataSourceOptions } from 'typeorm';
import { DatabaseConfig } from '../config/app-config';
import { appRoleConnectionOptions } from './app-role';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';
import { serialPgliteDriver } from './serial-pglite-driver';

export interface DataSourceExtras {
  /** A dumped PGlite data directory (tarball) to start from, e.g. a migrated test snapshot. */
  loadDataDir?: Blob;
  logging?: boolean;
  /** connect as the application (DATABASE_URL, working as APP_ROLE) instead of the owner (migrations, CLI tools) */
  asApp?: boolean;
}

export function buildDataSourceOptions(config: DatabaseConfig, extras: DataSourceExtras = {}): DataSourceOptions {
  const common = {
    type: 'postgres' as const,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    synchronize: false,
    migrationsRun: false,
    logging: extras.logging ?? false,
    installExtensions: false,
    uuidExtension: 'pgcrypto' as const,
  };
  if (config.kind === 'postgres') {
    if (extras.asApp) return { ...common, url: config.url, poolSize: 10, applicationName: 'skillstack', extra: appRoleConnectionOptions(config) };
    return { ...common, url: config.ownerUrl ?? config.url, poolSize: 10, applicationName: 'skillstack' };
  }
  const dataDir = config.dataDir;
  if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
  return {
    ...common,
    driver: serialPgliteDriver({
      dataDir: dataDir.startsWith('memory://') ? undefined : dataDir,
      loadDataDir: extras.loadDataDir,
    }),
  } as DataSourceOptions;
}
