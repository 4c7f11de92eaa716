import { CoverageRaise, CredentialRecommendationResult, PathwayObjective, PathwayProblem, RecommendOptions } from './pathway.types';
import { PathwayProjection } from './projection';

const GAIN_EPSILON = 1e-12;
const BUDGET_EPSILON = 1e-9;

/**
 * Every credential the candidate does not hold, scored by the projected score if it were
 * earned now together with whatever is missing to earn it (its missing prerequisites,
 * transitively, and for a stack the cheapest components that complete it).
 *
 * Ranking (orderBy DEFAULT): score gain per hour of the bundle (per cost unit when only maxCost is
 * given); a bundle of zero hours (cost) ranks above any positive one. Ties: larger gain, then fewer
 * hours (cost), then credential id. GAIN_PER_HOUR / GAIN_PER_COST fix the unit; GAIN ranks by the
 * gain alone (ties: fewer hours, then id). maxHours / maxCost filter on the bundle's totals.
 * Credentials with no gain are left out.
 *
 * `closesRequirementIds`: the requirements the bundle brings to full coverage (1, from below);
 * `raises`: every requirement whose coverage it raises, with before and after.
 */
export function recommendCredentials(
  input: PathwayProblem | PathwayProjection,
  options: RecommendOptions = {},
): CredentialRecommendationResult[] {
  const projection = input instanceof PathwayProjection ? input : new PathwayProjection(input);
  const first = options.first ?? 5;
  if (first <= 0) return [];
  const maxHours = options.maxHours ?? Infinity;
  const maxCost = options.maxCost ?? Infinity;
  const orderBy = options.orderBy ?? 'DEFAULT';
  const unit: PathwayObjective =
    orderBy === 'GAIN_PER_COST' || (orderBy === 'DEFAULT' && options.maxCost != null && options.maxHours == null) ? 'COST' : 'HOURS';

  interface Ranked {
    id: string;
    bundle: string[];
    stacks: string[];
    coverage: Float64Array;
    projectedScore: number;
    scoreGain: number;
    hours: number;
    cost: number;
    ratio: number;
    price: number;
  }
  const ranked: Ranked[] = [];
  for (const id of projection.topologicalIds) {
    if (projection.held.has(id)) continue;
    const bundle = projection.bundle(id, [], unit);
    if (bundle === null || bundle.length === 0) continue;
    const totals = projection.totals(bundle);
    if (totals.hours > maxHours + BUDGET_EPSILON || totals.cost > maxCost + BUDGET_EPSILON) continue;
    const stacks = projection.extend(new Set(projection.held), bundle);
    const coverage = projection.baseCoverage.slice();
    for (const x of bundle) projection.raise(coverage, x);
    for (const x of stacks) projection.raise(coverage, x);
    const projectedScore = projection.scoreOf(coverage);
    const scoreGain = projectedScore - projection.startScore;
    if (scoreGain <= GAIN_EPSILON) continue;
    const price = unit === 'COST' ? totals.cost : totals.hours;
    ranked.push({ id, bundle, stacks, coverage, projectedScore, scoreGain, hours: totals.hours, cost: totals.cost, ratio: price > 0 ? scoreGain / price : Infinity, price });
  }
  ranked.sort(
    (a, b) =>
      (orderBy === 'GAIN' ? 0 : compareDesc(a.ratio, b.ratio)) ||
      compareDesc(a.scoreGain, b.scoreGain) ||
      a.price - b.price ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  return ranked.slice(0, first).map((r) => {
    const closes: string[] = [];
    const raises: CoverageRaise[] = [];
    for (let i = 0; i < r.coverage.length; i++) {
      const before = projection.baseCoverage[i];
      const after = r.coverage[i];
      if (!(projection.weights[i] > 0 && after > before + GAIN_EPSILON)) continue;
      raises.push({ requirementId: projection.requirementIds[i], before, after });
      if (after >= 1 - GAIN_EPSILON) closes.push(projection.requirementIds[i]);
    }
    return {
      credentialId: r.id,
      scoreGain: r.scoreGain,
      projectedScore: r.projectedScore,
      hours: r.hours,
      cost: r.cost,
      closesRequirementIds: closes,
      raises,
      prerequisitesMissingIds: projection.orderSteps(r.bundle, unit).filter((x) => x !== r.id),
      completesStackIds: [...r.stacks].sort((a, b) => projection.rank(a) - projection.rank(b)).filter((s) => s !== r.id),
    };
  });
}

/** Descending, treating values within 1e-12 (relative) as equal. */
function compareDesc(a: number, b: number): number {
  if (a === b) return 0;
  if (Number.isFinite(a) && Number.isFinite(b) && Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(a), Math.abs(b))) return 0;
  return b > a ? 1 : -1;
}
