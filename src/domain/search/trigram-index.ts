export interface TrigramCandidate {
  readonly id: number;
  /** Sørensen–Dice coefficient over distinct padded trigrams, in [0, 1]. */
  readonly dice: number;
}

/**
 * Inverted index from character trigrams to integer document ids, used to narrow the fuzzy
 * search to a few dozen keys before Fuse scores them. Add-only: the owner filters out ids that
 * became inactive (a removed key keeps its postings, and is reused when the same key returns).
 */
export class TrigramIndex {
  private readonly postings = new Map<string, number[]>();
  private gramCounts = new Uint16Array(1024);
  private scratch = new Uint16Array(1024);

  /** Distinct trigrams of a key padded as "  key " (so short words still share grams). */
  static trigrams(key: string): string[] {
    const padded = `  ${key} `;
    const grams = new Set<string>();
    for (let i = 0; i + 3 <= padded.length; i += 1) grams.add(padded.slice(i, i + 3));
    return [...grams];
  }

  /** Index `key` under `id`. Each id must be added at most once. */
  add(id: number, key: string): void {
    const grams = TrigramIndex.trigrams(key);
    this.ensureCapacity(id + 1);
    this.gramCounts[id] = Math.min(grams.length, 0xffff);
    for (const gram of grams) {
      const list = this.postings.get(gram);
      if (list === undefined) this.postings.set(gram, [id]);
      else list.push(id);
    }
  }

  /**
   * The `limit` ids with the highest Dice coefficient to `query` (at least `minDice`),
   * best first, ties by smaller id. `isActive` filters out retired ids.
   */
  candidates(query: string, limit: number, minDice: number, isActive: (id: number) => boolean): TrigramCandidate[] {
    const grams = TrigramIndex.trigrams(query);
    const counts = this.scratch;
    const touched: number[] = [];
    for (const gram of grams) {
      const list = this.postings.get(gram);
      if (list === undefined) continue;
      for (let i = 0; i < list.length; i += 1) {
        const id = list[i];
        if (counts[id] === 0) touched.push(id);
        counts[id] += 1;
      }
    }
    const q = grams.length;
    // dice >= minDice  <=>  common >= minDice * (q + k) / 2 ; k >= 1 so a cheap lower bound first.
    const minCommon = (minDice * (q + 1)) / 2;
    const found: TrigramCandidate[] = [];
    for (const id of touched) {
      const common = counts[id];
      counts[id] = 0;
      if (common < minCommon) continue;
      const dice = (2 * common) / (q + this.gramCounts[id]);
      if (dice >= minDice && isActive(id)) found.push({ id, dice });
    }
    found.sort((a, b) => b.dice - a.dice || a.id - b.id);
    return found.length > limit ? found.slice(0, limit) : found;
  }

  private ensureCapacity(n: number): void {
    if (n <= this.gramCounts.length) return;
    let capacity = this.gramCounts.length;
    while (capacity < n) capacity *= 2;
    const counts = new Uint16Array(capacity);
    counts.set(this.gramCounts);
    this.gramCounts = counts;
    this.scratch = new Uint16Array(capacity);
  }
}
