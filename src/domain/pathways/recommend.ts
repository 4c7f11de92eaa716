import { CredentialRecommendationResult, PathwayObjective, PathwayProblem, RecommendOptions } from './pathway.types';
import { PathwayProjection } from './projection';

const GAIN_EPSILON = 1e-12;
const BUDGET_EPSILON = 1e-9;

/**
 * Every credential the candidate does not hold, scored by the projected score if it were
 * earned now together with whatever is missing to earn it (its missing prerequisites,
 * transitively, and for a stack the cheapest components that complete it).
 *
 * Ranking: score gain per hour of the bundle (per cost unit when only maxCost is given);
 * a bundle of zero hours (cost) ranks above any positive one. Ties: larger gain, then fewer
 * hours (cost), then credential id. maxHours / maxCost filter on the bundle's totals.
 * Credentials with no gain are left out.
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
  const unit: PathwayObjective = options.maxCost != null && options.maxHours == null ? 'COST' : 'HOURS';

  const ranked: { rec: CredentialRecommendationResult; ratio: number; price: number }[] = [];
  for (const id of projection.topologicalIds) {
    if (projection.held.has(id)) continue;
    const bundle = projection.bundle(id, [], unit);
    if (bundle === null || bundle.length === 0) continue;
    const totals = projection.totals(bundle);
    if (totals.hours > maxHours + BUDGET_EPSILON || totals.cost > maxCost + BUDGET_EPSILON) continue;
    const cov = projection.coverageOf(bundle);
    const projectedScore = projection.scoreOf(cov);
    const scoreGain = projectedScore - projection.startScore;
    if (scoreGain <= GAIN_EPSILON) continue;
    const closes: string[] = [];
    for (let r = 0; r < cov.length; r++) {
      if (projection.weights[r] > 0 && cov[r] > projection.baseCoverage[r] + GAIN_EPSILON) closes.push(projection.requirementIds[r]);
    }
    const ordered = projection.orderSteps(bundle, unit);
    const price = unit === 'COST' ? totals.cost : totals.hours;
    ranked.push({
      rec: {
        credentialId: id,
        scoreGain,
        projectedScore,
        hours: totals.hours,
        cost: totals.cost,
        closesRequirementIds: closes,
        prerequisitesMissingIds: ordered.filter((x) => x !== id),
        completesStackIds: projection.completedStacks(bundle).filter((s) => s !== id),
      },
      ratio: price > 0 ? scoreGain / price : Infinity,
      price,
    });
  }
  ranked.sort(
    (a, b) =>
      compareDesc(a.ratio, b.ratio) ||
      compareDesc(a.rec.scoreGain, b.rec.scoreGain) ||
      a.price - b.price ||
      (a.rec.credentialId < b.rec.credentialId ? -1 : a.rec.credentialId > b.rec.credentialId ? 1 : 0),
  );
  return ranked.slice(0, first).map((r) => r.rec);
}

/** Descending, treating values within 1e-12 (relative) as equal. */
function compareDesc(a: number, b: number): number {
  if (a === b) return 0;
  if (Number.isFinite(a) && Number.isFinite(b) && Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(a), Math.abs(b))) return 0;
  return b > a ? 1 : -1;
}
