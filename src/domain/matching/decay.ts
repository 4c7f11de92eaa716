/**
 * Time arithmetic of evidence strength (the contract):
 *   strength = level × confidence × 0.5^(ageMonths / halfLifeMonths)
 *   ageMonths = ageDays / 30.436875, ageDays = (asOf − evidencedAt) in ms / 86,400,000 (fractional)
 *
 * Validity window of a piece of evidence: [evidencedAt, expiresAt).
 * - Evidence dated after asOf does not count (evidencedAt = asOf counts, with decay 1).
 * - Expiry on the instant: at asOf = expiresAt the evidence no longer counts (like JWT `exp` and
 *   Verifiable Credentials `validUntil`, "ceases to be valid at"); one millisecond before, it still does.
 *
 * The matching engine and `MatchIndex` both compute exact strengths through `strengthAt`, so their
 * results are bit-identical.
 */

export const MS_PER_DAY = 86_400_000;
export const DAYS_PER_MONTH = 30.436875;

/** Fractional age in months of evidence dated `evidencedAtMs` at `asOfMs` (epoch milliseconds). */
export function ageInMonths(evidencedAtMs: number, asOfMs: number): number {
  return (asOfMs - evidencedAtMs) / MS_PER_DAY / DAYS_PER_MONTH;
}

/** 0.5^(ageMonths / halfLifeMonths). */
export function decayFactor(ageMonths: number, halfLifeMonths: number): number {
  return Math.pow(0.5, ageMonths / halfLifeMonths);
}

/** Does evidence with this window count at asOf? `expiresAtMs` = Infinity when it never expires. */
export function isActiveAt(evidencedAtMs: number, expiresAtMs: number, asOfMs: number): boolean {
  return evidencedAtMs <= asOfMs && asOfMs < expiresAtMs;
}

/** level × confidence × decay, or 0 outside the validity window. */
export function strengthAt(
  level: number,
  confidence: number,
  evidencedAtMs: number,
  expiresAtMs: number,
  asOfMs: number,
  halfLifeMonths: number,
): number {
  if (!isActiveAt(evidencedAtMs, expiresAtMs, asOfMs)) return 0;
  return level * confidence * decayFactor(ageInMonths(evidencedAtMs, asOfMs), halfLifeMonths);
}

/** Expiry as epoch ms, Infinity for none. */
export function expiryMs(expiresAt: Date | null | undefined): number {
  return expiresAt == null ? Infinity : expiresAt.getTime();
}
