import { EntityManager } from 'typeorm';

export interface BulkColumn<R> {
  name: string;
  /** PostgreSQL type of the column, e.g. `uuid`, `text`, `int`, `timestamptz`, `text[]` is not supported (use json). */
  type: string;
  value: (row: R) => unknown;
}

/**
 * Inserts rows in chunks with one `INSERT ... SELECT FROM unnest(...)` per chunk: one array
 * parameter per column, so a chunk of 5,000 rows is a single round trip on PostgreSQL and PGlite.
 * Existing keys are skipped (ON CONFLICT DO NOTHING), which makes seeding idempotent.
 */
export async function bulkInsert<R>(
  manager: EntityManager,
  table: string,
  columns: BulkColumn<R>[],
  rows: readonly R[],
  chunkSize = 5000,
): Promise<number> {
  let inserted = 0;
  const names = columns.map((c) => c.name).join(', ');
  const unnest = columns.map((c, i) => `$${i + 1}::${c.type}[]`).join(', ');
  const sql = `INSERT INTO ${table} (${names}) SELECT * FROM unnest(${unnest}) ON CONFLICT DO NOTHING`;
  for (let start = 0; start < rows.length; start += chunkSize) {
    const chunk = rows.slice(start, start + chunkSize);
    const params = columns.map((c) => chunk.map((row) => serialize(c.value(row))));
    await manager.query(sql, params);
    inserted += chunk.length;
  }
  return inserted;
}

function serialize(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  return value;
}
