import { DAYS_PER_MONTH, MS_PER_DAY, ageInMonths, decayFactor, isActiveAt, strengthAt } from './decay';

const AS_OF = Date.UTC(2026, 0, 1);
/** ms in `m` months of 30.436875 days */
const months = (m: number): number => m * DAYS_PER_MONTH * MS_PER_DAY;

describe('decay', () => {
  it.each([
    // [age in months, half-life, expected decay]
    [0, 30, 1], // fresh
    [30, 30, 0.5], // one half-life
    [60, 30, 0.25], // two half-lives
    [90, 30, 0.125],
    [30, 60, Math.SQRT1_2], // half a half-life: 2^-0.5
    [6, 12, Math.SQRT1_2],
    [12, 12, 0.5],
  ])('age %d months, half-life %d → %d', (age, hl, expected) => {
    expect(decayFactor(ageInMonths(AS_OF - months(age), AS_OF), hl)).toBeCloseTo(expected, 12);
  });

  it('age is fractional days / 30.436875', () => {
    // 1 day 12 h = 1.5 days = 1.5 / 30.436875 months
    expect(ageInMonths(AS_OF - 1.5 * MS_PER_DAY, AS_OF)).toBeCloseTo(1.5 / 30.436875, 15);
    // 30.436875 days = exactly 1 month
    expect(ageInMonths(AS_OF - 30.436875 * MS_PER_DAY, AS_OF)).toBeCloseTo(1, 15);
  });

  it.each([
    // [evidencedAt − asOf (ms), expiresAt − asOf (ms) or null, counts]
    [0, null, true], // evidence dated at asOf counts
    [1, null, false], // 1 ms after asOf: not yet
    [-1, null, true],
    [-MS_PER_DAY, 0, false], // expiry on the instant: expired
    [-MS_PER_DAY, 1, true], // 1 ms before expiry: counts
    [-MS_PER_DAY, -1, false],
    [0, 0, false], // evidenced and expiring at asOf: the window [ev, exp) is empty at asOf
  ])('window: evidenced %d, expires %s → %s', (ev, exp, counts) => {
    expect(isActiveAt(AS_OF + ev, exp === null ? Infinity : AS_OF + exp, AS_OF)).toBe(counts);
  });

  it.each([
    // [level, confidence, age months, half-life, expected strength]
    [4, 1, 0, 30, 4], // 4 × 1 × 1
    [4, 0.9, 30, 30, 1.8], // 4 × 0.9 × 0.5
    [5, 0.6, 60, 30, 0.75], // 5 × 0.6 × 0.25
    [3, 0.8, 12, 12, 1.2], // 3 × 0.8 × 0.5
    [5, 0, 0, 30, 0], // FAILED/REVOKED
  ])('strength level %d × conf %d at %d months (hl %d) = %d', (level, conf, age, hl, expected) => {
    expect(strengthAt(level, conf, AS_OF - months(age), Infinity, AS_OF, hl)).toBeCloseTo(expected, 12);
  });

  it('strength is 0 outside the window', () => {
    expect(strengthAt(5, 1, AS_OF - MS_PER_DAY, AS_OF, AS_OF, 30)).toBe(0); // expired on the instant
    expect(strengthAt(5, 1, AS_OF + 1, Infinity, AS_OF, 30)).toBe(0); // future
  });
});
