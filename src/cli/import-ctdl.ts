/**
 * `npm run import:ctdl -- <file.json> [more files…]`: imports Credential Engine CTDL JSON-LD
 * documents (as importCtdl does, without the 1 MB request limit of the API) into the configured
 * database (DATABASE_URL, else PGlite in DATA_DIR), after applying migrations. One transaction per
 * file, in the order given: a malformed file changes nothing and stops the run (the files before
 * it stay imported). Idempotent: importing a file again updates the same credentials.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { AppException } from '../common/errors/app.exception';
import { standaloneCtdlImporter } from '../ctdl/ctdl-standalone';
import { parseOptions, withConfiguredDatabase } from './import/cli-support';
import { assertFile, errorMessage, ImportInputError } from './import/import-input';

const USAGE = 'usage: import-ctdl <file.json> [more files…]';

export function parseCtdlArgs(argv: readonly string[], cwd: string = process.cwd()): string[] {
  const { positional } = parseOptions(argv, [], USAGE);
  if (positional.length === 0) throw new ImportInputError(USAGE);
  const files = positional.map((f) => resolve(cwd, f));
  for (const f of files) assertFile(f, 'CTDL document');
  return files;
}

async function main(): Promise<void> {
  const files = parseCtdlArgs(process.argv.slice(2));
  await withConfiguredDatabase(async (dataSource) => {
    const importer = await standaloneCtdlImporter(dataSource);
    for (const [i, file] of files.entries()) {
      const started = Date.now();
      try {
        const result = await importer.import(readFileSync(file, 'utf8'));
        process.stdout.write(
          `${file}: ${result.credentials.length} credential(s), ${result.pathways.length} pathway(s) imported in ${Date.now() - started} ms, ${result.warnings.length} warning(s)\n`,
        );
        for (const w of result.warnings) process.stdout.write(`  warning: ${w}\n`);
      } catch (error) {
        const reason = error instanceof AppException ? error.message : errorMessage(error);
        process.stderr.write(`import-ctdl refused ${file}: ${reason}\nnothing from this file was written${i > 0 ? `; the ${i} file(s) before it were imported` : ''}.\n`);
        process.exitCode = 1;
        return;
      }
    }
  });
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`import-ctdl failed: ${errorMessage(error)}\n`);
    process.exitCode = 1;
  });
}
