import { parse } from 'csv-parse/sync';
import * as yauzl from 'yauzl';
import type { Entry, ZipFile } from 'yauzl';

export type CsvRow = Record<string, string>;

function readEntry(zip: ZipFile, entry: Entry): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (err, stream) => {
      if (err) return reject(err);
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('error', reject);
      stream.on('end', () => resolve(Buffer.concat(chunks)));
    });
  });
}

/**
 * Reads the named entries (matched by base name, so a folder prefix inside the
 * archive does not matter) and fails if any is missing.
 */
export async function readZipEntries(zipPath: string, names: readonly string[]): Promise<Map<string, Buffer>> {
  const wanted = new Set(names);
  const found = new Map<string, Buffer>();
  const zip = await yauzl.openPromise(zipPath, { lazyEntries: true, autoClose: true });
  await new Promise<void>((resolve, reject) => {
    zip.on('error', reject);
    zip.on('end', () => resolve());
    zip.on('entry', (entry: Entry) => {
      const base = entry.fileName.split('/').pop() ?? entry.fileName;
      if (!wanted.has(base)) return zip.readEntry();
      readEntry(zip, entry)
        .then((buffer) => {
          found.set(base, buffer);
          zip.readEntry();
        })
        .catch(reject);
    });
    zip.readEntry();
  });
  const missing = names.filter((name) => !found.has(name));
  if (missing.length > 0) throw new Error(`${zipPath}: missing entries ${missing.join(', ')}`);
  return found;
}

/** Parses a CSV with a header row into string records; fails on unknown columns. */
export function parseCsv(buffer: Buffer, requiredColumns: readonly string[], source: string): CsvRow[] {
  const rows = parse(buffer, { columns: true, bom: true, skip_empty_lines: true }) as CsvRow[];
  const header = rows.length > 0 ? Object.keys(rows[0]) : [];
  const absent = requiredColumns.filter((column) => !header.includes(column));
  if (absent.length > 0) throw new Error(`${source}: missing columns ${absent.join(', ')}`);
  return rows;
}
