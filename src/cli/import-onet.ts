/**
 * `npm run import:onet -- <dir>`: imports O*NET 29.2 technology skills and occupations from the
 * tab-separated text files in <dir> (technology-skills.txt, occupation-data.txt,
 * alternate-titles.txt) into the configured database (DATABASE_URL, else PGlite in DATA_DIR), after
 * applying migrations. Idempotent; validates everything first and writes in one transaction.
 * Linking rules and decisions: src/cli/import/onet-import.ts.
 */
import { resolve } from 'node:path';
import { parseOptions, runCli, withConfiguredDatabase } from './import/cli-support';
import { ImportInputError } from './import/import-input';
import { ONET_ATTRIBUTION, readOnetInput, writeOnetImport } from './import/onet-import';
import { terminalProgress } from './import/progress';
import { formatSummary } from './import/summary';

const USAGE = 'usage: import-onet <dir with technology-skills.txt, occupation-data.txt, alternate-titles.txt>';

export function parseOnetArgs(argv: readonly string[], cwd: string = process.cwd()): string {
  const { positional } = parseOptions(argv, [], USAGE);
  if (positional.length !== 1) throw new ImportInputError(USAGE);
  return resolve(cwd, positional[0]);
}

async function main(): Promise<void> {
  const dir = parseOnetArgs(process.argv.slice(2));
  const started = Date.now();
  const progress = terminalProgress();
  // validate everything before opening (or creating) the database
  progress.step('reading and validating the O*NET files');
  const input = readOnetInput(dir);
  const summary = await withConfiguredDatabase((dataSource, database) => writeOnetImport(dataSource, input, { progress, database, started }));
  process.stdout.write(formatSummary(summary, ONET_ATTRIBUTION));
}

if (require.main === module) runCli('import-onet', main);
