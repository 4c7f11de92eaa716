import type { EntityManager } from 'typeorm';

/** What one import did to one table. */
export interface TableCounts {
  inserted: number;
  updated: number;
  unchanged: number;
}

export const ZERO_COUNTS: Readonly<TableCounts> = Object.freeze({ inserted: 0, updated: 0, unchanged: 0 });

export function addCounts(a: TableCounts, b: TableCounts): TableCounts {
  return { inserted: a.inserted + b.inserted, updated: a.updated + b.updated, unchanged: a.unchanged + b.unchanged };
}

export interface UpsertColumn<R> {
  name: string;
  /** PostgreSQL type of the column: uuid, text, bool, float8, int, or text[] (sent as JSON text per row). */
  type: string;
  value: (row: R) => unknown;
  /**
   * The value an existing row takes on conflict (SQL over `t`, the existing row, and `EXCLUDED`);
   * default `EXCLUDED.<name>`. E.g. `COALESCE(t.half_life_months, EXCLUDED.half_life_months)`.
   */
  onConflict?: string;
}

export interface UpsertOptions {
  /** The conflict target, e.g. ['id'] or ['skill_id', 'broader_id']; these columns must be listed in `columns`. */
  key: readonly string[];
  /** A timestamp column set to now() when a row is updated (not when it is unchanged). */
  touch?: string;
  chunkSize?: number;
  /** Called after each chunk with the number of rows it held. */
  onChunk?: (rows: number) => void;
}

/**
 * Batched upsert: one `INSERT … SELECT FROM unnest(…)` per chunk (one array parameter per column,
 * like `bulkInsert`), `ON CONFLICT (key) DO UPDATE … WHERE` the row would actually change, or
 * `DO NOTHING` when every column is part of the key. Rows whose values are already stored are left
 * alone (no new row version, no `touch`), so running the same import twice writes nothing the
 * second time. Counts come from the statement itself (`xmax = 0` marks a fresh insert).
 */
export async function upsertRows<R>(
  manager: EntityManager,
  table: string,
  columns: readonly UpsertColumn<R>[],
  rows: readonly R[],
  options: UpsertOptions,
): Promise<TableCounts> {
  assertUniqueKeys(table, columns, rows, options.key);
  const names = columns.map((c) => c.name);
  const params = columns.map((c, i) => `$${i + 1}::${c.type === 'text[]' ? 'text' : c.type}[]`);
  const selected = columns.map((c) =>
    c.type === 'text[]'
      ? `ARRAY(SELECT e.v FROM jsonb_array_elements_text(u.${c.name}::jsonb) WITH ORDINALITY AS e(v, n) ORDER BY e.n)`
      : `u.${c.name}`,
  );
  const updatable = columns.filter((c) => !options.key.includes(c.name));
  let conflict: string;
  if (updatable.length === 0) {
    conflict = 'DO NOTHING';
  } else {
    const next = updatable.map((c) => c.onConflict ?? `EXCLUDED.${c.name}`);
    const sets = updatable.map((c, i) => `${c.name} = ${next[i]}`);
    if (options.touch) sets.push(`${options.touch} = now()`);
    const current = updatable.map((c) => `t.${c.name}`);
    conflict = `DO UPDATE SET ${sets.join(', ')} WHERE (${current.join(', ')}) IS DISTINCT FROM (${next.join(', ')})`;
  }
  const sql = `WITH w AS (
      INSERT INTO ${table} AS t (${names.join(', ')})
      SELECT ${selected.join(', ')} FROM unnest(${params.join(', ')}) AS u(${names.join(', ')})
      ON CONFLICT (${options.key.join(', ')}) ${conflict}
      RETURNING (xmax = 0) AS fresh
    ) SELECT count(*) FILTER (WHERE fresh)::int AS inserted, count(*) FILTER (WHERE NOT fresh)::int AS updated FROM w`;
  const chunkSize = options.chunkSize ?? 5000;
  const counts: TableCounts = { inserted: 0, updated: 0, unchanged: 0 };
  for (let start = 0; start < rows.length; start += chunkSize) {
    const chunk = rows.slice(start, start + chunkSize);
    const values = columns.map((c) => chunk.map((row) => serialise(c, c.value(row))));
    const [result] = (await manager.query(sql, values)) as { inserted: number; updated: number }[];
    counts.inserted += Number(result.inserted);
    counts.updated += Number(result.updated);
    counts.unchanged += chunk.length - Number(result.inserted) - Number(result.updated);
    options.onChunk?.(chunk.length);
  }
  return counts;
}

function serialise<R>(column: UpsertColumn<R>, value: unknown): unknown {
  if (column.type === 'text[]') return value == null ? null : JSON.stringify(value);
  if (value instanceof Date) return value.toISOString();
  return value;
}

/** ON CONFLICT DO UPDATE cannot touch one row twice in a statement: duplicates are a bug in the caller. */
function assertUniqueKeys<R>(table: string, columns: readonly UpsertColumn<R>[], rows: readonly R[], key: readonly string[]): void {
  const keyColumns = key.map((name) => {
    const column = columns.find((c) => c.name === name);
    if (!column) throw new Error(`upsert into ${table}: key column ${name} is not among the columns`);
    return column;
  });
  const seen = new Set<string>();
  for (const row of rows) {
    const parts = keyColumns.map((c) => String(c.value(row)));
    const k = parts.join('\u0000');
    if (seen.has(k)) throw new Error(`upsert into ${table}: duplicate key (${parts.join(', ')})`);
    seen.add(k);
  }
}
