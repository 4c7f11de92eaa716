/**
 * Builds the seed catalogue in data/ from the official ESCO v1.1.1 CSV zips.
 *
 *   node dist/src/cli/data-build.js <classification.zip> <relations.zip> [--out <dir>]
 *
 * Developer-only: the application reads data/catalogue/*.json, never the zips.
 */
import { join, resolve } from 'node:path';
import type { SeedCatalogue } from '../seed/seed-data.types';
import { type CatalogueStats, catalogueStats } from './data-build/catalogue-stats';
import { buildCredentials } from './data-build/credential-catalogue';
import { CREDENTIAL_SPECS } from './data-build/credential-definitions';
import { renderNotice, renderReadme } from './data-build/data-docs';
import { buildEscoCatalogue } from './data-build/esco-catalogue';
import { loadEscoSource } from './data-build/esco-source';
import { buildJobs } from './data-build/job-catalogue';
import { JOB_SPECS } from './data-build/job-definitions';
import { prettyJson, recordsPerLine, writeText } from './data-build/json-output';

export interface DataBuildArgs {
  classificationZip: string;
  relationsZip: string;
  outDir: string;
}

const USAGE = 'usage: data-build <esco-classification-en-csv.zip> <esco-relations-csv.zip> [--out <dir>]';

export function parseArgs(argv: readonly string[], cwd: string = process.cwd()): DataBuildArgs {
  const positional: string[] = [];
  let outDir = resolve(cwd, 'data');
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--out') {
      const value = argv[++i];
      if (!value) throw new Error(`--out needs a directory\n${USAGE}`);
      outDir = resolve(cwd, value);
    } else if (arg.startsWith('--')) {
      throw new Error(`unknown option ${arg}\n${USAGE}`);
    } else {
      positional.push(arg);
    }
  }
  if (positional.length !== 2) throw new Error(USAGE);
  return { classificationZip: resolve(cwd, positional[0]), relationsZip: resolve(cwd, positional[1]), outDir };
}

/** Reads the zips and derives the whole catalogue in memory (no writes). */
export async function buildCatalogue(classificationZip: string, relationsZip: string): Promise<SeedCatalogue> {
  const source = await loadEscoSource(classificationZip, relationsZip);
  const esco = buildEscoCatalogue(source);
  const credentials = buildCredentials(CREDENTIAL_SPECS, esco.skills);
  const jobs = buildJobs(JOB_SPECS, esco.occupations, esco.skills, credentials);
  return {
    skills: esco.skills,
    broader: esco.broader,
    related: esco.related,
    occupations: esco.occupations,
    credentials,
    jobs,
  };
}

export function writeCatalogue(catalogue: SeedCatalogue, outDir: string): CatalogueStats {
  const dir = join(outDir, 'catalogue');
  writeText(join(dir, 'skills.json'), recordsPerLine(catalogue.skills));
  writeText(join(dir, 'broader.json'), recordsPerLine(catalogue.broader));
  writeText(join(dir, 'related.json'), recordsPerLine(catalogue.related));
  writeText(join(dir, 'occupations.json'), prettyJson(catalogue.occupations));
  writeText(join(dir, 'credentials.json'), prettyJson(catalogue.credentials));
  writeText(join(dir, 'jobs.json'), prettyJson(catalogue.jobs));
  const stats = catalogueStats(catalogue);
  writeText(join(outDir, 'README.md'), renderReadme(stats));
  writeText(join(outDir, 'NOTICE.md'), renderNotice());
  return stats;
}

export async function main(argv: readonly string[]): Promise<void> {
  const args = parseArgs(argv);
  const started = Date.now();
  const catalogue = await buildCatalogue(args.classificationZip, args.relationsZip);
  const stats = writeCatalogue(catalogue, args.outDir);
  process.stdout.write(`${JSON.stringify(stats, null, 2)}\nwrote ${args.outDir} in ${Date.now() - started} ms\n`);
}

if (require.main === module) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    process.stderr.write(`data-build failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
