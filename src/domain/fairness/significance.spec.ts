import hypergeometricPmf from '@stdlib/stats-base-dists-hypergeometric-pmf';
import fc from 'fast-check';
import { fisherExact, twoProportionZ } from './significance';

/** Exact two-sided Fisher p by brute force: every table with the same margins, in exact integer arithmetic. */
function bruteForceFisher(x1: number, n1: number, x2: number, n2: number): number {
  const choose = (n: number, k: number): bigint => {
    let r = 1n;
    for (let i = 1; i <= k; i++) r = (r * BigInt(n - k + i)) / BigInt(i);
    return r;
  };
  const s = x1 + x2;
  const weight = (x: number): bigint => (x < 0 || x > n1 || s - x < 0 || s - x > n2 ? 0n : choose(n1, x) * choose(n2, s - x));
  const observed = weight(x1);
  let tail = 0n;
  let total = 0n;
  for (let x = 0; x <= n1; x++) {
    const w = weight(x);
    total += w;
    // R's rule: P(table) <= P(observed) * (1 + 1e-7); in integers: w * 10^7 <= observed * (10^7 + 1)
    if (w * 10_000_000n <= observed * 10_000_001n) tail += w;
  }
  // 15 significant digits of tail / total
  const scale = 10n ** 15n;
  return Number((tail * scale) / total) / 1e15;
}

/** The same test from an independent hypergeometric PMF (stdlib): sum of P(x) <= P(observed). */
function stdlibFisher(x1: number, n1: number, x2: number, n2: number): number {
  const N = n1 + n2;
  const K = x1 + x2;
  const observed = hypergeometricPmf(x1, N, K, n1);
  let p = 0;
  for (let x = Math.max(0, K - n2); x <= Math.min(n1, K); x++) {
    const px = hypergeometricPmf(x, N, K, n1);
    if (px <= observed * (1 + 1e-7)) p += px;
  }
  return Math.min(1, p);
}

describe("Fisher's exact test (two-sided)", () => {
  it.each([
    // [x1, n1, x2, n2, p, how it was worked]
    // Fisher's tea: margins 4/4/4/4, P(x) = C(4,x)C(4,4−x)/70 = 1,16,36,16,1 /70; x=3 → (1+16+16+1)/70
    [3, 4, 1, 4, 34 / 70, 'tea tasting, by hand'],
    // perfectly separated 5/5 vs 0/5: only the two extreme tables, each 1/C(10,5)
    [5, 5, 0, 5, 2 / 252, 'by hand'],
    [0, 5, 0, 5, 1, 'nobody selected: one table'],
    [7, 7, 3, 3, 1, 'everybody selected: one table'],
    // 1 of 10 against 11 of 14 (Wikipedia's example for the test, p = 0.002759)
    [1, 10, 11, 14, 0.0027594561852200836, 'exact rational arithmetic (Python fractions)'],
    // the rules' worked example, women 34/76 against men 50/92
    [34, 76, 50, 92, 0.2778638554327376, 'exact rational arithmetic (Python fractions)'],
    [40, 92, 35, 76, 0.7573544322038411, 'exact rational arithmetic (Python fractions)'],
  ])('%i/%i against %i/%i gives p = %d (%s)', (x1, n1, x2, n2, p) => {
    expect(fisherExact(x1, n1, x2, n2)).toBeCloseTo(p as number, 12);
    expect(fisherExact(x2, n2, x1, n1)).toBeCloseTo(p as number, 12);
  });

  it('agrees with a brute-force enumeration in exact integers on random tables', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 60 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (n1, n2, f1, f2) => {
        const x1 = Math.round(f1 * n1);
        const x2 = Math.round(f2 * n2);
        const expected = bruteForceFisher(x1, n1, x2, n2);
        const actual = fisherExact(x1, n1, x2, n2);
        expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-12 + 1e-9 * expected);
      }),
      { numRuns: 300, seed: 21 },
    );
  });

  it.each([
    [50, 92, 34, 76],
    [420, 1000, 380, 1000],
    [130, 400, 40, 200],
    [3, 4, 60, 180],
    [1, 3900, 40, 4100],
  ])('agrees with an independent hypergeometric PMF (stdlib) at %i/%i against %i/%i', (x1, n1, x2, n2) => {
    const expected = stdlibFisher(x1, n1, x2, n2);
    expect(Math.abs(fisherExact(x1, n1, x2, n2) - expected)).toBeLessThanOrEqual(1e-9 * Math.max(expected, 1e-6));
  });

  it('stays accurate far in the tail (no underflow to a wrong value)', () => {
    // 100/1000 against 400/1000: 1.345333797756763e-56 in exact rational arithmetic (Python)
    const p = fisherExact(100, 1000, 400, 1000);
    expect(Math.abs(p / 1.345333797756763e-56 - 1)).toBeLessThan(1e-9);
    expect(fisherExact(500, 1000, 500, 1000)).toBeCloseTo(1, 12);
  });

  it('refuses counts that are not a table', () => {
    expect(() => fisherExact(5, 4, 0, 3)).toThrow(RangeError);
    expect(() => fisherExact(-1, 4, 0, 3)).toThrow(RangeError);
    expect(() => fisherExact(1.5, 4, 0, 3)).toThrow(RangeError);
  });
});

describe('two-proportion z (number of standard deviations)', () => {
  it.each([
    // women 34/76 against men 50/92: pooled 84/168 = 0.5, sd = √(0.25 (1/76 + 1/92)) = 0.0775040, diff = −0.0961098
    [34, 76, 50, 92, -1.2400634810649562],
    [40, 92, 35, 76, -0.33408296407356813],
    // 2/10 against 8/10: pooled 0.5, sd = √(0.25 · 0.2) = 0.2236068, diff = −0.6 → −2.6832816
    [2, 10, 8, 10, -2.6832815729997477],
  ])('%i/%i against %i/%i gives z = %d', (x1, n1, x2, n2, z) => {
    expect(twoProportionZ(x1, n1, x2, n2)).toBeCloseTo(z, 12);
    expect(twoProportionZ(x2, n2, x1, n1)).toBeCloseTo(-z, 12);
  });

  it('is 0 when nobody or everybody is selected, null for an empty group', () => {
    expect(twoProportionZ(0, 5, 0, 7)).toBe(0);
    expect(twoProportionZ(5, 5, 7, 7)).toBe(0);
    expect(twoProportionZ(0, 0, 3, 7)).toBeNull();
  });
});
