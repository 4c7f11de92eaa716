import 'reflect-metadata';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DataSource } from 'typeorm';
import { toAppConfig } from '../../config/app-config';
import { loadEnvironment } from '../../config/environment';
import { buildDataSourceOptions } from '../../database/data-source-options';
import { ImportInputError, errorMessage } from './import-input';

/**
 * Opens the configured database (DATABASE_URL, else PGlite in DATA_DIR), applies pending
 * migrations, runs `work` and closes the connection.
 */
export async function withConfiguredDatabase<T>(work: (dataSource: DataSource, kind: string) => Promise<T>): Promise<T> {
  const config = toAppConfig(loadEnvironment());
  const dataDir = config.database.dataDir;
  if (config.database.kind === 'pglite' && !dataDir.startsWith('memory://')) mkdirSync(dirname(dataDir), { recursive: true });
  const dataSource = new DataSource(buildDataSourceOptions(config.database));
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
    return await work(dataSource, config.database.kind);
  } finally {
    await dataSource.destroy();
  }
}

/** Runs a CLI entry point: prints a refused input or a failure on stderr with exit code 1. */
export function runCli(name: string, main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    const what = error instanceof ImportInputError ? 'refused the input' : 'failed';
    process.stderr.write(`${name} ${what}: ${errorMessage(error)}\nnothing was written.\n`);
    process.exitCode = 1;
  });
}

/** `--name value` options and positional arguments; unknown options are an error. */
export function parseOptions(argv: readonly string[], known: readonly string[], usage: string): { options: Map<string, string>; positional: string[] } {
  const options = new Map<string, string>();
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') throw new ImportInputError(usage);
    if (arg.startsWith('--')) {
      const [flag, inline] = arg.split(/=(.*)/s, 2);
      const name = flag.slice(2);
      if (!known.includes(name)) throw new ImportInputError(`unknown option ${flag}\n${usage}`);
      const value = inline ?? argv[++i];
      if (value === undefined || value === '') throw new ImportInputError(`${flag} needs a value\n${usage}`);
      options.set(name, value);
    } else {
      positional.push(arg);
    }
  }
  return { options, positional };
}
