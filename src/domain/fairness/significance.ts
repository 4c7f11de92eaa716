/**
 * Significance of a difference between two selection rates (pure), beside the four-fifths rule:
 *
 *  fisherExact(x1, n1, x2, n2)   two-sided Fisher's exact test of the 2×2 table
 *                                [[x1, n1 − x1], [x2, n2 − x2]]: the probability, with the margins
 *                                fixed (hypergeometric), of every table at most as likely as the
 *                                one observed (R's fisher.test rule, with its relative tolerance 1e−7)
 *  twoProportionZ(x1, n1, x2, n2) the pooled two-proportion z statistic: (p1 − p2) / √(p(1 − p)(1/n1 + 1/n2)),
 *                                p = (x1 + x2)/(n1 + n2): the "number of standard deviations" of
 *                                adverse-impact practice; negative when group 1 is selected less
 *
 * The hypergeometric weights are computed in log space by the ratio recurrence over the support,
 * so the cost is O(min(row, column) margin) and no factorial is ever formed.
 */

function checkCounts(x: number, n: number, name: string): void {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`${name}: group size must be an integer >= 0, got ${n}`);
  if (!Number.isInteger(x) || x < 0 || x > n) throw new RangeError(`${name}: selected must be an integer in 0..${n}, got ${x}`);
}

const RELATIVE_TOLERANCE = Math.log1p(1e-7);

export function fisherExact(x1: number, n1: number, x2: number, n2: number): number {
  checkCounts(x1, n1, 'group 1');
  checkCounts(x2, n2, 'group 2');
  const selected = x1 + x2;
  const lo = Math.max(0, selected - n2);
  const hi = Math.min(n1, selected);
  if (hi === lo) return 1;
  // logW[k] = log P(X = lo + k) up to a constant; P(x+1)/P(x) = (n1 − x)(s − x) / ((x + 1)(n2 − s + x + 1))
  const logW = new Float64Array(hi - lo + 1);
  for (let x = lo; x < hi; x++) logW[x - lo + 1] = logW[x - lo] + Math.log(((n1 - x) * (selected - x)) / ((x + 1) * (n2 - selected + x + 1)));
  let max = -Infinity;
  for (const w of logW) if (w > max) max = w;
  const observed = logW[x1 - lo] + RELATIVE_TOLERANCE;
  let total = 0;
  let tail = 0;
  for (const w of logW) {
    const p = Math.exp(w - max);
    total += p;
    if (w <= observed) tail += p;
  }
  return Math.min(1, tail / total);
}

/** null when a group is empty; 0 when nobody or everybody was selected (no difference to measure). */
export function twoProportionZ(x1: number, n1: number, x2: number, n2: number): number | null {
  checkCounts(x1, n1, 'group 1');
  checkCounts(x2, n2, 'group 2');
  if (n1 === 0 || n2 === 0) return null;
  const pooled = (x1 + x2) / (n1 + n2);
  const variance = pooled * (1 - pooled) * (1 / n1 + 1 / n2);
  if (variance === 0) return 0;
  return (x1 / n1 - x2 / n2) / Math.sqrt(variance);
}
