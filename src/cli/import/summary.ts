import type { TableCounts } from './upsert';

/** Input rows left out, with why and a few examples. */
export interface SkippedRows {
  reason: string;
  count: number;
  examples: string[];
}

export interface ImportSummary {
  /** What was imported, e.g. "ESCO v1.1.1". */
  source: string;
  /** `postgres` or `pglite`. */
  database: string;
  /** Per target (a table, or a part of one): inserted / updated / unchanged rows. */
  tables: Record<string, TableCounts>;
  /** Facts about the input worth printing (e.g. counts by kind, how technologies were linked). */
  notes: string[];
  skipped: SkippedRows[];
  ms: number;
}

export const MAX_EXAMPLES = 3;

/** Collects skipped rows by reason, keeping the first few examples. */
export class SkipLog {
  private readonly byReason = new Map<string, SkippedRows>();

  add(reason: string, example: string): void {
    let entry = this.byReason.get(reason);
    if (!entry) {
      entry = { reason, count: 0, examples: [] };
      this.byReason.set(reason, entry);
    }
    entry.count += 1;
    if (entry.examples.length < MAX_EXAMPLES) entry.examples.push(example.replace(/http:\/\/data\.europa\.eu\/esco\//g, 'esco:'));
  }

  get entries(): SkippedRows[] {
    return [...this.byReason.values()];
  }
}

export function totalCounts(summary: ImportSummary): TableCounts {
  const total = { inserted: 0, updated: 0, unchanged: 0 };
  for (const c of Object.values(summary.tables)) {
    total.inserted += c.inserted;
    total.updated += c.updated;
    total.unchanged += c.unchanged;
  }
  return total;
}

/** A plain-text report: one line per target, the skipped rows with examples, the attribution. */
export function formatSummary(summary: ImportSummary, attribution: string): string {
  const width = Math.max(...Object.keys(summary.tables).map((k) => k.length), 5);
  const num = (n: number): string => String(n).padStart(7);
  const lines = [`${summary.source} imported into ${summary.database} in ${(summary.ms / 1000).toFixed(1)} s`];
  lines.push(`  ${''.padEnd(width)}  inserted  updated unchanged`);
  for (const [table, c] of Object.entries(summary.tables)) {
    lines.push(`  ${table.padEnd(width)}  ${num(c.inserted)}  ${num(c.updated)}  ${num(c.unchanged)}`);
  }
  const total = totalCounts(summary);
  lines.push(`  ${'total'.padEnd(width)}  ${num(total.inserted)}  ${num(total.updated)}  ${num(total.unchanged)}`);
  for (const note of summary.notes) lines.push(`  ${note}`);
  for (const s of summary.skipped) {
    lines.push(`  skipped ${s.count} ${s.reason}${s.examples.length ? `, e.g. ${s.examples.join('; ')}` : ''}`);
  }
  lines.push(attribution);
  return `${lines.join('\n')}\n`;
}
