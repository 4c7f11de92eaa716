import { Category, CATEGORIES, CATEGORY_VALUES, Demographics, UNDECLARED } from './categories';

/**
 * Adverse-impact report over a ranking (pure). For each category and each intersection of two
 * (sex × ethnicity, sex × ageBand, ethnicity × ageBand), every group present gets:
 *
 *  count                 candidates in the group (the population is the whole ranking)
 *  top.selected / rate   how many are in the top N of the ranking (positions 1..N), and that share
 *  aboveMedian           how many score strictly above the median score of the population
 *                        (median of an even count: mean of the two middle scores), and that share
 *  impactRatio           the group's rate / the rate of the reference group: the most-selected
 *                        group among those with at least `minGroupSize` members (ties: the first in
 *                        category order); null when there is no reference or its rate is 0
 *  tooSmall              count < minGroupSize: reported, never the reference, never flagged
 *  flagged               not tooSmall and impactRatio < threshold (the four-fifths rule: 0.8)
 *
 * Undeclared values form a group of their own (UNDECLARED). Groups are listed in category order
 * (the order of the value lists, UNDECLARED last; intersections by the first category, then the second).
 */
export interface RankedPerson {
  readonly candidateId: string;
  readonly score: number;
  readonly demographics: Demographics;
}

export interface ImpactOptions {
  /** positions 1..topN of the ranking count as selected (capped at the population) */
  readonly topN: number;
  readonly minGroupSize?: number;
  readonly threshold?: number;
  /** category combinations to report; default: each category, then each pair */
  readonly dimensions?: readonly (readonly Category[])[];
}

export interface SelectionStat {
  readonly selected: number;
  readonly rate: number;
  readonly impactRatio: number | null;
  readonly reference: boolean;
  readonly flagged: boolean;
}

export interface GroupImpact {
  /** one value per category of the dimension, e.g. ['FEMALE', 'UNDECLARED'] */
  readonly values: readonly string[];
  readonly label: string;
  readonly count: number;
  readonly tooSmall: boolean;
  readonly top: SelectionStat;
  readonly aboveMedian: SelectionStat;
}

export interface DimensionImpact {
  readonly categories: readonly Category[];
  /** e.g. 'sex × ethnicity' */
  readonly name: string;
  readonly groups: readonly GroupImpact[];
}

export interface ImpactReport {
  readonly population: number;
  /** the effective N: min(topN, population) */
  readonly topN: number;
  readonly medianScore: number;
  readonly minGroupSize: number;
  readonly threshold: number;
  readonly dimensions: readonly DimensionImpact[];
}

export const DEFAULT_MIN_GROUP_SIZE = 5;
export const DEFAULT_IMPACT_THRESHOLD = 0.8;
export const DEFAULT_DIMENSIONS: readonly (readonly Category[])[] = [
  ['sex'],
  ['ethnicity'],
  ['ageBand'],
  ['sex', 'ethnicity'],
  ['sex', 'ageBand'],
  ['ethnicity', 'ageBand'],
];

/** Median of the values (mean of the two middle ones for an even count); 0 for none. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function valueOf(d: Demographics, category: Category): string {
  return d[category] ?? UNDECLARED;
}

/** Position of a value in its category's order (UNDECLARED last). */
function orderOf(category: Category, value: string): number {
  const i = CATEGORY_VALUES[category].indexOf(value);
  return i >= 0 ? i : CATEGORY_VALUES[category].length;
}

interface Tally {
  values: string[];
  count: number;
  top: number;
  above: number;
}

function stats(groups: Tally[], pick: (g: Tally) => number, minGroupSize: number, threshold: number): SelectionStat[] {
  const rates = groups.map((g) => (g.count === 0 ? 0 : pick(g) / g.count));
  let reference = -1;
  groups.forEach((g, i) => {
    if (g.count >= minGroupSize && (reference < 0 || rates[i] > rates[reference])) reference = i;
  });
  const referenceRate = reference >= 0 ? rates[reference] : 0;
  return groups.map((g, i) => {
    const impactRatio = referenceRate > 0 ? rates[i] / referenceRate : null;
    const tooSmall = g.count < minGroupSize;
    return { selected: pick(g), rate: rates[i], impactRatio, reference: i === reference, flagged: !tooSmall && impactRatio !== null && impactRatio < threshold };
  });
}

/** `ranked` is the population in ranking order (best first). */
export function impactReport(ranked: readonly RankedPerson[], options: ImpactOptions): ImpactReport {
  if (!Number.isInteger(options.topN) || options.topN < 1) throw new RangeError(`topN must be an integer >= 1, got ${options.topN}`);
  const minGroupSize = options.minGroupSize ?? DEFAULT_MIN_GROUP_SIZE;
  const threshold = options.threshold ?? DEFAULT_IMPACT_THRESHOLD;
  const dimensions = options.dimensions ?? DEFAULT_DIMENSIONS;
  for (const dim of dimensions) for (const c of dim) if (!CATEGORIES.includes(c)) throw new RangeError(`unknown category ${String(c)}`);
  const topN = Math.min(options.topN, ranked.length);
  const medianScore = median(ranked.map((r) => r.score));

  const report = dimensions.map((categories): DimensionImpact => {
    const byKey = new Map<string, Tally>();
    ranked.forEach((person, position) => {
      const values = categories.map((c) => valueOf(person.demographics, c));
      const key = values.join('\u0000');
      let tally = byKey.get(key);
      if (!tally) {
        tally = { values, count: 0, top: 0, above: 0 };
        byKey.set(key, tally);
      }
      tally.count++;
      if (position < topN) tally.top++;
      if (person.score > medianScore) tally.above++;
    });
    const groups = [...byKey.values()].sort((a, b) => {
      for (let i = 0; i < categories.length; i++) {
        const d = orderOf(categories[i], a.values[i]) - orderOf(categories[i], b.values[i]);
        if (d !== 0) return d;
      }
      return 0;
    });
    const top = stats(groups, (g) => g.top, minGroupSize, threshold);
    const above = stats(groups, (g) => g.above, minGroupSize, threshold);
    return {
      categories,
      name: categories.join(' × '),
      groups: groups.map((g, i) => ({
        values: g.values,
        label: g.values.join(' × '),
        count: g.count,
        tooSmall: g.count < minGroupSize,
        top: top[i],
        aboveMedian: above[i],
      })),
    };
  });
  return { population: ranked.length, topN, medianScore, minGroupSize, threshold, dimensions: report };
}
