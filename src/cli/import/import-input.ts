import { statSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import * as yauzl from 'yauzl';
import type { CsvRow } from '../data-build/zip-csv';

/** The input files were refused (missing, not a zip, missing CSV or columns, bad values); nothing was written. */
export class ImportInputError extends Error {
  override name = 'ImportInputError';
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Throws an ImportInputError unless `path` is an existing regular file. */
export function assertFile(path: string, what: string): void {
  let isFile = false;
  try {
    isFile = statSync(path).isFile();
  } catch {
    throw new ImportInputError(`${what} not found: ${path}`);
  }
  if (!isFile) throw new ImportInputError(`${what} is not a file: ${path}`);
}

export function assertDirectory(path: string, what: string): void {
  let isDirectory = false;
  try {
    isDirectory = statSync(path).isDirectory();
  } catch {
    throw new ImportInputError(`${what} not found: ${path}`);
  }
  if (!isDirectory) throw new ImportInputError(`${what} is not a directory: ${path}`);
}

/** Opens the zip's central directory (cheap) to refuse a file that is not a zip, or a truncated one. */
export async function assertZip(path: string, what: string): Promise<void> {
  assertFile(path, what);
  try {
    const zip = await yauzl.openPromise(path, { lazyEntries: true, autoClose: false });
    zip.close();
  } catch (error) {
    throw new ImportInputError(`${what} is not a readable zip file: ${path} (${errorMessage(error)})`);
  }
}

/**
 * Parses a tab-separated file with a header row (O*NET text files: no quoting, CRLF line ends) into
 * trimmed string records; refuses missing columns and rows with the wrong number of fields.
 */
export function parseTsv(buffer: Buffer, requiredColumns: readonly string[], source: string): CsvRow[] {
  let rows: CsvRow[];
  try {
    rows = parse(buffer, { columns: true, bom: true, delimiter: '\t', quote: false, skip_empty_lines: true, trim: true }) as CsvRow[];
  } catch (error) {
    throw new ImportInputError(`${source}: ${errorMessage(error)}`);
  }
  const header = rows.length > 0 ? Object.keys(rows[0]) : headerOf(buffer);
  const absent = requiredColumns.filter((column) => !header.includes(column));
  if (absent.length > 0) throw new ImportInputError(`${source}: missing columns ${absent.join(', ')} (found: ${header.join(', ') || 'nothing'})`);
  if (rows.length === 0) throw new ImportInputError(`${source}: no data rows`);
  return rows;
}

function headerOf(buffer: Buffer): string[] {
  const firstLine = buffer.toString('utf8').replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  return firstLine.split('\t').map((h) => h.trim()).filter((h) => h !== '');
}
