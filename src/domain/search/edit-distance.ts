/**
 * Optimal string alignment distance (Levenshtein plus adjacent transposition, each edit counting 1),
 * on UTF-16 code units, with an early exit once every path exceeds `max`. Not re-entrant (shares
 * three row buffers), which is fine for synchronous single-threaded use.
 */
export class EditDistance {
  private static rows = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

  /**
   * The distance between `a` and `b`, or `max + 1` when it is larger than `max`. Only the diagonal
   * band |i − j| ≤ max is computed (Ukkonen), so a tight `max` is cheap.
   */
  static osa(a: string, b: string, max = Number.MAX_SAFE_INTEGER): number {
    if (a === b) return 0;
    const m = a.length;
    const n = b.length;
    const bound = Math.min(max, Math.max(m, n));
    if (Math.abs(m - n) > bound) return max + 1;
    const big = bound + 1;
    if (EditDistance.rows[0].length <= n + 1) {
      EditDistance.rows = [new Int32Array(n * 2 + 2), new Int32Array(n * 2 + 2), new Int32Array(n * 2 + 2)];
    }
    let [twoAgo, previous, current] = EditDistance.rows;
    for (let j = 0; j <= n; j += 1) previous[j] = j <= bound ? j : big;
    for (let i = 1; i <= m; i += 1) {
      const lo = Math.max(1, i - bound);
      const hi = Math.min(n, i + bound);
      current[0] = i <= bound ? i : big;
      current[lo - 1] = lo === 1 ? current[0] : big;
      let rowMin = lo === 1 ? current[0] : big;
      const ca = a.charCodeAt(i - 1);
      const pa = i > 1 ? a.charCodeAt(i - 2) : -1;
      for (let j = lo; j <= hi; j += 1) {
        const cb = b.charCodeAt(j - 1);
        let value = previous[j - 1] + (ca === cb ? 0 : 1);
        const del = previous[j] + 1;
        if (del < value) value = del;
        const ins = current[j - 1] + 1;
        if (ins < value) value = ins;
        if (j > 1 && ca === b.charCodeAt(j - 2) && pa === cb) {
          const swap = twoAgo[j - 2] + 1;
          if (swap < value) value = swap;
        }
        if (value > big) value = big;
        current[j] = value;
        if (value < rowMin) rowMin = value;
      }
      if (hi < n) current[hi + 1] = big;
      if (rowMin > bound) return max + 1;
      const spare = twoAgo;
      twoAgo = previous;
      previous = current;
      current = spare;
    }
    return previous[n] > bound ? max + 1 : previous[n];
  }

  /** The strings obtained by deleting exactly one character (deduplicated). */
  static deletions(word: string): string[] {
    const out = new Set<string>();
    for (let i = 0; i < word.length; i += 1) out.add(word.slice(0, i) + word.slice(i + 1));
    return [...out];
  }
}
