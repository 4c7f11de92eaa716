import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { toAppConfig } from '../config/app-config';
import { loadEnvironment } from '../config/environment';
import { buildDataSourceOptions } from '../database/data-source-options';
import { SeedService } from '../seed/seed.service';

/** `npm run seed`: migrates the configured database and loads the catalogue and demo data (idempotent). */
async function main(): Promise<void> {
  const config = toAppConfig(loadEnvironment());
  const ds = new DataSource(buildDataSourceOptions(config.database));
  await ds.initialize();
  await ds.runMigrations({ transaction: 'each' });
  const summary = await new SeedService(ds, config).seed();
  await ds.destroy();
  process.stdout.write(`seeded ${config.database.kind}: ${JSON.stringify(summary)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`seed failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
