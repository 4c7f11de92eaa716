import { PathwayObjective, PlanSummary } from './pathway.types';
import { PathwayProjection } from './projection';

const GAIN_EPSILON = 1e-12;
const BUDGET_EPSILON = 1e-9;

export interface PlanLimits {
  targetScore: number;
  maxHours?: number | null;
  maxCost?: number | null;
  minimize: PathwayObjective;
}

/**
 * Greedy plan: repeatedly add the bundle (a useful credential plus whatever is missing to
 * earn it) with the best score gain per unit of the objective that fits the budgets, until
 * the target is reached or nothing fits; then drop credentials that turned out redundant.
 * Returns the chosen credentials in the order they were added (prerequisites first).
 */
export function planGreedy(projection: PathwayProjection, limits: PlanLimits): PlanSummary {
  const maxHours = limits.maxHours ?? Infinity;
  const maxCost = limits.maxCost ?? Infinity;
  const objective = limits.minimize;
  const chosen: string[] = [];
  const earned = new Set(projection.held);
  const cov = projection.baseCoverage.slice();
  let score = projection.startScore;
  let hours = 0;
  let cost = 0;
  const candidates = projection.usefulIds();

  while (!projection.reaches(score, limits.targetScore)) {
    let best: { bundle: string[]; stacks: string[]; gain: number; ratio: number; price: number; rank: number } | null = null;
    for (const id of candidates) {
      if (earned.has(id)) continue;
      const bundle = projection.bundle(id, chosen, objective);
      if (bundle === null || bundle.length === 0) continue;
      const t = projection.totals(bundle);
      if (hours + t.hours > maxHours + BUDGET_EPSILON || cost + t.cost > maxCost + BUDGET_EPSILON) continue;
      const trial = new Set(earned);
      const stacks = projection.extend(trial, bundle);
      const gain = projection.marginalGain(cov, [...bundle, ...stacks]);
      if (gain <= GAIN_EPSILON) continue;
      const price = objective === 'COST' ? t.cost : t.hours;
      const ratio = price > 0 ? gain / price : Infinity;
      const rank = projection.rank(id);
      if (
        !best ||
        ratio > best.ratio ||
        (ratio === best.ratio && (gain > best.gain || (gain === best.gain && (price < best.price || (price === best.price && rank < best.rank)))))
      ) {
        best = { bundle, stacks, gain, ratio, price, rank };
      }
    }
    if (!best) break;
    const stacks = projection.extend(earned, best.bundle);
    for (const x of [...best.bundle, ...stacks]) projection.raise(cov, x);
    chosen.push(...best.bundle);
    const t = projection.totals(best.bundle);
    hours += t.hours;
    cost += t.cost;
    score = projection.scoreOf(cov);
  }

  const reached = projection.reaches(score, limits.targetScore);
  const floor = reached ? limits.targetScore : score;
  const pruned = projection.pruneRedundant(chosen, objective, (set) => projection.reaches(projection.score(set), floor));
  const kept = new Set(pruned);
  const credentialIds = chosen.filter((id) => kept.has(id));
  const totals = projection.totals(credentialIds);
  const finalScore = projection.score(credentialIds);
  return {
    credentialIds,
    finalScore,
    reachesTarget: projection.reaches(finalScore, limits.targetScore),
    totalHours: totals.hours,
    totalCost: totals.cost,
  };
}
