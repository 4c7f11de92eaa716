import { solveExact, DEFAULT_TIME_LIMIT_MS, ExactPlanResult } from './exact-planner';
import { planGreedy, PlanLimits } from './greedy-planner';
import { pathwayMermaid } from './mermaid';
import { OrderViolation, PathwayPlanResult, PathwayProblem, PlanPathwayOptions, PlanStepResult, PlanSummary, SCORE_EPSILON } from './pathway.types';
import { PathwayProjection } from './projection';
import { findOrderViolation } from './validate-order';

export const DEFAULT_TARGET_SCORE = 0.8;

/**
 * Plans a pathway: the greedy plan first (a starting point and the comparison), then the
 * exact MIP seeded with it. The chosen credentials are ordered so every prerequisite comes
 * first, then by score gain. When the target cannot be reached within the budgets the plan
 * with the highest reachable score comes back with reachesTarget = false.
 */
export async function planPathway(problem: PathwayProblem, options: PlanPathwayOptions = {}): Promise<PathwayPlanResult> {
  const projection = new PathwayProjection(problem);
  const limits: PlanLimits = {
    targetScore: options.targetScore ?? DEFAULT_TARGET_SCORE,
    maxHours: options.maxHours ?? null,
    maxCost: options.maxCost ?? null,
    minimize: options.minimize ?? 'HOURS',
  };
  const greedy = planGreedy(projection, limits);

  let chosen: string[];
  let exact: ExactPlanResult;
  if (options.solver === 'GREEDY') {
    const trivial = greedy.credentialIds.length === 0 && (projection.reaches(projection.startScore, limits.targetScore) || projection.usefulIds().length === 0);
    exact = { credentialIds: greedy.credentialIds, status: trivial ? 'TRIVIAL' : 'SKIPPED', optimal: trivial, elapsedMs: 0 };
    chosen = greedy.credentialIds;
  } else {
    exact = await solveExact(projection, { ...limits, timeLimitMs: options.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS, incumbent: greedy.credentialIds });
    const exactSummary = summarize(projection, exact.credentialIds, limits.targetScore);
    chosen = exact.optimal || !isBetter(greedy, exactSummary, limits) ? exact.credentialIds : greedy.credentialIds;
  }

  const ordered = projection.orderSteps(chosen, limits.minimize);
  const steps = projection.steps(ordered);
  const last = steps[steps.length - 1];
  const finalScore = last ? last.projectedScore : projection.startScore;
  return {
    startScore: projection.startScore,
    finalScore,
    reachesTarget: projection.reaches(finalScore, limits.targetScore),
    totalHours: last ? last.cumulativeHours : 0,
    totalCost: last ? last.cumulativeCost : 0,
    optimal: exact.optimal && chosen === exact.credentialIds,
    steps,
    mermaid: pathwayMermaid({
      steps,
      credentials: problem.credentials,
      heldCredentialIds: problem.heldCredentialIds,
      startScore: projection.startScore,
      title: `${options.jobTitle ? `${options.jobTitle}: ` : ''}target score ${limits.targetScore.toFixed(2)}`,
    }),
    greedy,
    solver: { status: exact.status, elapsedMs: exact.elapsedMs },
  };
}

function summarize(projection: PathwayProjection, ids: readonly string[], target: number): PlanSummary {
  const finalScore = projection.score(ids);
  const t = projection.totals(ids);
  return { credentialIds: [...ids], finalScore, reachesTarget: projection.reaches(finalScore, target), totalHours: t.hours, totalCost: t.cost };
}

/** a strictly better than b: reaching the target first; then cheaper (or, short of it, higher score, then cheaper). */
function isBetter(a: PlanSummary, b: PlanSummary, limits: PlanLimits): boolean {
  if (a.reachesTarget !== b.reachesTarget) return a.reachesTarget;
  const price = (s: PlanSummary): number => (limits.minimize === 'COST' ? s.totalCost : s.totalHours);
  if (!a.reachesTarget && Math.abs(a.finalScore - b.finalScore) > SCORE_EPSILON) return a.finalScore > b.finalScore;
  return price(a) < price(b) - 1e-9;
}

export interface DescribedPathway {
  startScore: number;
  finalScore: number;
  steps: PlanStepResult[];
  mermaid: string;
  /** The first prerequisite problem in the order (see findOrderViolation), or null. */
  violation: OrderViolation | null;
}

/**
 * A saved pathway (credential ids in the learner's order) as steps: the projected score after
 * each, cumulative hours and cost, the stacks each completes, and its Mermaid flowchart.
 * Credentials already held still appear as steps (their evidence is already in the coverage).
 */
export function describePathway(problem: PathwayProblem, credentialIds: readonly string[], title?: string | null): DescribedPathway {
  const projection = new PathwayProjection(problem);
  const steps = projection.steps(credentialIds);
  return {
    startScore: projection.startScore,
    finalScore: steps.length > 0 ? steps[steps.length - 1].projectedScore : projection.startScore,
    steps,
    mermaid: pathwayMermaid({ steps, credentials: problem.credentials, heldCredentialIds: problem.heldCredentialIds, startScore: projection.startScore, title }),
    violation: findOrderViolation(credentialIds, problem.credentials, problem.heldCredentialIds),
  };
}
