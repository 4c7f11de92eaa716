/**
 * `npm run import:esco -- --classification <esco-classification-en-csv.zip> --relations <esco-relations-csv.zip>`
 *
 * Loads the whole ESCO v1.1.1 skills pillar (skills, knowledge, skill groups, the broader DAG,
 * skill-skill relations) and all occupations with their essential and optional skills into the
 * configured database (DATABASE_URL, else PGlite in DATA_DIR), after applying migrations. Ids are
 * the seed catalogue's (`stableUuid('esco', uri)`), so it merges with a seeded database.
 * Idempotent; validates everything first and writes in one transaction. See src/cli/import/.
 */
import { resolve } from 'node:path';
import { withConfiguredDatabase, parseOptions, runCli } from './import/cli-support';
import { ESCO_ATTRIBUTION, type EscoInputFiles, readEscoInput, writeEscoImport } from './import/esco-import';
import { ImportInputError } from './import/import-input';
import { terminalProgress } from './import/progress';
import { formatSummary } from './import/summary';

const USAGE = 'usage: import-esco --classification <esco-classification-en-csv.zip> --relations <esco-relations-csv.zip>';

export function parseEscoArgs(argv: readonly string[], cwd: string = process.cwd()): EscoInputFiles {
  const { options, positional } = parseOptions(argv, ['classification', 'relations'], USAGE);
  if (positional.length > 0) throw new ImportInputError(`unexpected argument ${positional[0]}\n${USAGE}`);
  const classification = options.get('classification');
  const relations = options.get('relations');
  if (!classification || !relations) throw new ImportInputError(USAGE);
  return { classificationZip: resolve(cwd, classification), relationsZip: resolve(cwd, relations) };
}

async function main(): Promise<void> {
  const files = parseEscoArgs(process.argv.slice(2));
  const started = Date.now();
  const progress = terminalProgress();
  // validate everything before opening (or creating) the database
  progress.step('reading and validating the ESCO zips');
  const plan = await readEscoInput(files);
  const summary = await withConfiguredDatabase((dataSource, database) => writeEscoImport(dataSource, plan, { progress, database, started }));
  process.stdout.write(formatSummary(summary, ESCO_ATTRIBUTION));
}

if (require.main === module) runCli('import-esco', main);
