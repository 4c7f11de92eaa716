/** 00:00:00.000 UTC of the day `date` falls on. */
export function startOfUtcDay(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}

/**
 * The contract's default asOf: the start of the current UTC day, so that scores, rankings, cursors
 * and audit records stay the same all day unless the data changes.
 */
export function defaultAsOf(now: Date = new Date()): Date {
  return startOfUtcDay(now);
}
