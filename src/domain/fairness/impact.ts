import { Category, CATEGORIES, CATEGORY_NAMES, CATEGORY_VALUES, Demographics, VALUE_LABELS } from './categories';
import { fisherExact, twoProportionZ } from './significance';

/**
 * Bias audit of a set of scored people (pure), by the method NYC Local Law 144's rules fix for a
 * tool that scores (6 RCNY § 5-301):
 *
 *  medianScore     the median score of everyone scored, people of unknown category included
 *                  (even count: mean of the two middle scores)
 *  unknownCount    per dimension, the people with any of its categories undeclared (a person of
 *                  known sex but unknown race/ethnicity is unknown for sex × race/ethnicity): counted
 *                  and reported, left out of every group, rate and ratio
 *  groups          the known categories present, in category order; for each:
 *    share           count / everyone scored
 *    excluded        share < minShare (default 2%): count and rates still reported, with a reason,
 *                    but no impact ratio, never the reference, never flagged
 *    aboveMedian     the scoring rate: the share of the group scoring strictly above the median
 *    top             the selection rate at top N, a second view: the share placed 1..N in a ranking
 *  per rate view:
 *    reference       the group with the highest rate among those not excluded (ties: category order)
 *    impactRatio     rate / the reference's rate (null when excluded, or the reference's rate is 0)
 *    flagged         impactRatio < threshold (the four-fifths rule: 0.8)
 *    pValue, zScore  two-sided Fisher's exact test and the two-proportion z of the group's rate
 *                    against the reference's (every known group but the reference)
 *    significant     pValue < alpha (default 0.05)
 *    note            flagged but not significant (too few people to mean anything), or not flagged
 *                    but significantly below the reference (the ratio hides a real difference)
 */
export interface ScoredPerson {
  readonly candidateId: string;
  readonly score: number;
  /** 1-based place in the ranking shown; null when the person was not placed in a ranking */
  readonly position: number | null;
  readonly demographics: Demographics;
}

export interface ImpactOptions {
  /** places 1..topN of a ranking count as selected in the top-N view */
  readonly topN: number;
  /** categories below this share of everyone scored are excluded from the ratios (default 0.02) */
  readonly minShare?: number;
  readonly threshold?: number;
  readonly alpha?: number;
  /** category combinations to report; default: each category, then each pair */
  readonly dimensions?: readonly (readonly Category[])[];
}

export interface RateStat {
  readonly selected: number;
  readonly rate: number;
  readonly impactRatio: number | null;
  readonly reference: boolean;
  readonly flagged: boolean;
  readonly pValue: number | null;
  readonly zScore: number | null;
  readonly significant: boolean;
  readonly note: string | null;
}

export interface GroupImpact {
  /** one value per category of the dimension, e.g. ['FEMALE', 'WHITE'] */
  readonly values: readonly string[];
  /** as a summary prints it, e.g. 'Female × White (Not Hispanic or Latino)' */
  readonly label: string;
  readonly count: number;
  readonly share: number;
  readonly excluded: boolean;
  readonly exclusionReason: string | null;
  readonly top: RateStat;
  readonly aboveMedian: RateStat;
}

export interface DimensionImpact {
  readonly categories: readonly Category[];
  /** e.g. 'sex × ethnicity' */
  readonly name: string;
  /** e.g. 'Sex × Race/Ethnicity' */
  readonly title: string;
  readonly unknownCount: number;
  readonly groups: readonly GroupImpact[];
}

export interface ImpactReport {
  /** everyone scored */
  readonly population: number;
  readonly topN: number;
  readonly medianScore: number;
  readonly minShare: number;
  readonly threshold: number;
  readonly alpha: number;
  readonly dimensions: readonly DimensionImpact[];
}

export const DEFAULT_MIN_SHARE = 0.02;
export const DEFAULT_IMPACT_THRESHOLD = 0.8;
export const DEFAULT_ALPHA = 0.05;
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
  const sorted = Float64Array.from(values).sort();
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export const percent = (x: number, digits = 1): string => `${(100 * x).toFixed(digits)}%`;

/** p-values as printed: three significant digits, '< 0.0001' below that. */
export function formatP(p: number): string {
  if (p < 1e-4) return '< 0.0001';
  return p >= 0.001 ? p.toFixed(3).replace(/0+$/, '').replace(/\.$/, '') || '0' : p.toPrecision(2);
}

/** 'p = 0.12', or 'p < 0.0001' */
export const pText = (p: number): string => (p < 1e-4 ? 'p < 0.0001' : `p = ${formatP(p)}`);

interface Tally {
  values: string[];
  count: number;
  top: number;
  above: number;
  excluded: boolean;
}

function rateStats(groups: readonly Tally[], pick: (g: Tally) => number, threshold: number, alpha: number): RateStat[] {
  const rates = groups.map((g) => pick(g) / g.count);
  let ref = -1;
  groups.forEach((g, i) => {
    if (!g.excluded && (ref < 0 || rates[i] > rates[ref])) ref = i;
  });
  const refRate = ref >= 0 ? rates[ref] : 0;
  return groups.map((g, i): RateStat => {
    const base = { selected: pick(g), rate: rates[i] };
    if (i === ref) return { ...base, impactRatio: refRate > 0 ? 1 : null, reference: true, flagged: false, pValue: null, zScore: null, significant: false, note: null };
    const impactRatio = !g.excluded && refRate > 0 ? rates[i] / refRate : null;
    const flagged = impactRatio !== null && impactRatio < threshold;
    const pValue = ref >= 0 ? fisherExact(pick(g), g.count, pick(groups[ref]), groups[ref].count) : null;
    const zScore = ref >= 0 ? twoProportionZ(pick(g), g.count, pick(groups[ref]), groups[ref].count) : null;
    const significant = pValue !== null && pValue < alpha;
    let note: string | null = null;
    if (flagged && !significant)
      note = `impact ratio ${impactRatio.toFixed(2)} is below ${threshold} but not statistically significant (${pText(pValue!)}): too few people to mean anything`;
    else if (impactRatio !== null && !flagged && significant && rates[i] < refRate)
      note = `impact ratio ${impactRatio.toFixed(2)} is not below ${threshold} but the difference is statistically significant (${pText(pValue!)}, z = ${zScore!.toFixed(2)})`;
    else if (flagged) note = `impact ratio ${impactRatio.toFixed(2)} is below ${threshold} and statistically significant (${pText(pValue!)}, z = ${zScore!.toFixed(2)})`;
    return { ...base, impactRatio, reference: false, flagged, pValue, zScore, significant, note };
  });
}

function orderOf(category: Category, value: string): number {
  return CATEGORY_VALUES[category].indexOf(value);
}

export function exclusionReason(count: number, population: number, minShare: number): string {
  return `${count} of ${population} scored (${percent(count / population)}) is below ${percent(minShare, 0)} of the sample: excluded from the impact ratios (6 RCNY § 5-301)`;
}

/**
 * `scored` is everyone the audit covers, one entry per person (per job, for an audit over several
 * jobs). Linear in the people scored, but for the sort of the median.
 */
export function impactReport(scored: readonly ScoredPerson[], options: ImpactOptions): ImpactReport {
  if (!Number.isInteger(options.topN) || options.topN < 1) throw new RangeError(`topN must be an integer >= 1, got ${options.topN}`);
  const minShare = options.minShare ?? DEFAULT_MIN_SHARE;
  const threshold = options.threshold ?? DEFAULT_IMPACT_THRESHOLD;
  const alpha = options.alpha ?? DEFAULT_ALPHA;
  if (!(minShare >= 0 && minShare < 1)) throw new RangeError(`minShare must be in [0, 1), got ${minShare}`);
  if (!(threshold > 0 && threshold <= 1)) throw new RangeError(`threshold must be in (0, 1], got ${threshold}`);
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`alpha must be in (0, 1), got ${alpha}`);
  const dimensions = options.dimensions ?? DEFAULT_DIMENSIONS;
  for (const dim of dimensions) for (const c of dim) if (!CATEGORIES.includes(c)) throw new RangeError(`unknown category ${String(c)}`);
  const population = scored.length;
  const medianScore = median(scored.map((r) => r.score));

  const report = dimensions.map((categories): DimensionImpact => {
    const byKey = new Map<string, Tally>();
    let unknownCount = 0;
    for (const person of scored) {
      const values: string[] = [];
      for (const c of categories) {
        const v = person.demographics[c];
        if (v === null || v === undefined || orderOf(c, v) < 0) break;
        values.push(v);
      }
      if (values.length < categories.length) {
        unknownCount++;
        continue;
      }
      const key = values.join('\u0000');
      let tally = byKey.get(key);
      if (!tally) {
        tally = { values, count: 0, top: 0, above: 0, excluded: false };
        byKey.set(key, tally);
      }
      tally.count++;
      if (person.position !== null && person.position <= options.topN) tally.top++;
      if (person.score > medianScore) tally.above++;
    }
    const groups = [...byKey.values()].sort((a, b) => {
      for (let i = 0; i < categories.length; i++) {
        const d = orderOf(categories[i], a.values[i]) - orderOf(categories[i], b.values[i]);
        if (d !== 0) return d;
      }
      return 0;
    });
    for (const g of groups) g.excluded = g.count / population < minShare;
    const top = rateStats(groups, (g) => g.top, threshold, alpha);
    const above = rateStats(groups, (g) => g.above, threshold, alpha);
    return {
      categories,
      name: categories.join(' × '),
      title: categories.map((c) => CATEGORY_NAMES[c]).join(' × '),
      unknownCount,
      groups: groups.map((g, i) => ({
        values: g.values,
        label: g.values.map((v) => VALUE_LABELS[v] ?? v).join(' × '),
        count: g.count,
        share: g.count / population,
        excluded: g.excluded,
        exclusionReason: g.excluded ? exclusionReason(g.count, population, minShare) : null,
        top: top[i],
        aboveMedian: above[i],
      })),
    };
  });
  return { population, topN: Math.min(options.topN, population), medianScore, minShare, threshold, alpha, dimensions: report };
}
