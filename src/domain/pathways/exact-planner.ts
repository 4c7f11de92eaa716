import type { Highs, ModelData } from 'highs';
import { PlanLimits } from './greedy-planner';
import { loadHighsSolver } from './highs-solver';
import { ReducedCandidates, reduceCandidates } from './mip-reduction';
import { ExactStatus, SCORE_EPSILON } from './pathway.types';
import { PathwayProjection } from './projection';

const GAIN_EPSILON = 1e-12;
const BUDGET_EPSILON = 1e-9;

export const DEFAULT_TIME_LIMIT_MS = 2000;

export interface ExactPlanOptions extends PlanLimits {
  /** Wall-clock budget for all solves together, ms; default 2000. */
  timeLimitMs?: number;
  /** A feasible plan to start from (the greedy plan); also the fallback. */
  incumbent?: readonly string[];
}

export interface ExactPlanResult {
  credentialIds: string[];
  status: ExactStatus;
  /** Proven optimal (see PathwayPlanResult.optimal). */
  optimal: boolean;
  elapsedMs: number;
}

type SolveOutcome =
  | { kind: 'OPTIMAL'; chosen: string[] }
  | { kind: 'INFEASIBLE' }
  | { kind: 'LIMIT'; chosen: string[] | null }
  | { kind: 'ERROR' };

/**
 * Exact planner: a mixed-integer program solved by HiGHS (WebAssembly).
 *
 * Variables (only over "relevant" credentials: those that raise some requirement, plus their
 * prerequisites and components, transitively):
 *   v_c ∈ {0,1}   c earned (chosen, or for a free stack: completed)
 *   z_rk ∈ [0,1]  requirement r takes its coverage from credential k (only where gain_kr > c0_r)
 * Constraints:
 *   v_c ≤ v_p                          for every prerequisite p of c (held ones are satisfied)
 *   N_s·v_s ≤ Σ_{m ∈ M_s} v_m + held_s for every stack (free or capstone)
 *   Σ_k z_rk ≤ 1,  z_rk ≤ v_k          coverage is a max over evidence: pick one supplier
 *   Σ_r Σ_k w_r (gain_kr − c0_r) z_rk / W ≥ target − start − ε
 *   Σ hours_c v_c ≤ maxHours,  Σ cost_c v_c ≤ maxCost
 * Objective: min Σ hours_c v_c (or cost) over chosen credentials (free stacks cost nothing).
 *
 * The ≤ stack rows are enough: completing a stack never hurts, so the solver raises v_s when
 * allowed, and the plan's score is recomputed exactly from the chosen set afterwards.
 *
 * When no plan reaches the target within the budgets: a second solve maximises the score
 * within the budgets, and a third minimises the objective among plans with that score.
 * All solves share the time limit; the greedy plan seeds them as a MIP start. On the time
 * limit the best incumbent comes back with optimal = false.
 */
export async function solveExact(projection: PathwayProjection, options: ExactPlanOptions): Promise<ExactPlanResult> {
  const started = Date.now();
  const deadline = started + (options.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS);
  const done = (credentialIds: readonly string[], status: ExactStatus, optimal: boolean): ExactPlanResult => ({
    credentialIds: [...credentialIds],
    status,
    optimal,
    elapsedMs: Date.now() - started,
  });
  const incumbent = options.incumbent ? [...options.incumbent] : [];
  const target = options.targetScore;

  if (projection.reaches(projection.startScore, target)) return done([], 'TRIVIAL', true);
  const relevant = projection.relevantIds();
  if (relevant.length === 0) return done([], 'TRIVIAL', true);

  let highs: Highs;
  try {
    highs = await loadHighsSolver();
  } catch {
    return done(incumbent, 'ERROR', false);
  }
  const price = (set: readonly string[]): number => set.reduce((sum, id) => sum + projection.objectiveCost(id, options.minimize), 0);
  /** The MIP over the reduced candidates (cutoff: the cost of a known feasible plan, if any). */
  const modelFor = (cutoff: readonly string[] | null): PathwayMip =>
    new PathwayMip(projection, options, reduceCandidates(projection, options, cutoff ? price(cutoff) : null));
  const withinBudget = (set: readonly string[]): boolean => {
    const t = projection.totals(set);
    return t.hours <= (options.maxHours ?? Infinity) + BUDGET_EPSILON && t.cost <= (options.maxCost ?? Infinity) + BUDGET_EPSILON;
  };
  const valid = (set: readonly string[]): boolean => projection.findViolation(set) === null && withinBudget(set);
  const remainingSeconds = (): number => (deadline - Date.now()) / 1000;

  // Everything relevant that can be earned at all: the highest score without budgets.
  const everything = earnableSubset(projection, relevant.filter((id) => projection.isChoosable(id)));
  const upper = projection.score(everything);
  const hasBudget = options.maxHours != null || options.maxCost != null;

  // Phase 1: reach the target at minimal cost.
  if (projection.reaches(upper, target)) {
    if (remainingSeconds() <= 0) return done(incumbent, 'TIME_LIMIT', false);
    const start = valid(incumbent) && projection.reaches(projection.score(incumbent), target) ? incumbent : null;
    const outcome = modelFor(start).solve(highs, target - projection.startScore - SCORE_EPSILON, 'MIN_COST', start, remainingSeconds());
    if (outcome.kind === 'OPTIMAL') {
      const ok = valid(outcome.chosen) && projection.reaches(projection.score(outcome.chosen), target);
      return ok ? done(pruneAtTarget(projection, outcome.chosen, options), 'OPTIMAL', true) : done(incumbent, 'ERROR', false);
    }
    if (outcome.kind === 'LIMIT') {
      const chosen = outcome.chosen && valid(outcome.chosen) ? outcome.chosen : incumbent;
      return done(chosen, 'TIME_LIMIT', false);
    }
    if (outcome.kind === 'ERROR') return done(incumbent, 'ERROR', false);
    // INFEASIBLE: the budgets rule the target out; fall through.
  }

  // Phase 2: the highest score within the budgets.
  let best: string[];
  let provenBest: boolean;
  if (!hasBudget) {
    best = everything;
    provenBest = true;
  } else {
    if (remainingSeconds() <= 0) return done(incumbent, 'TIME_LIMIT', false);
    const start = valid(incumbent) ? incumbent : null;
    const outcome = modelFor(null).solve(highs, null, 'MAX_SCORE', start, remainingSeconds());
    if (outcome.kind === 'ERROR' || outcome.kind === 'INFEASIBLE') return done(incumbent, 'ERROR', false);
    const chosen = outcome.kind === 'OPTIMAL' || outcome.chosen ? (outcome.chosen as string[]) : incumbent;
    if (!valid(chosen)) return done(incumbent, 'ERROR', false);
    best = projection.score(chosen) >= projection.score(incumbent) ? chosen : incumbent;
    provenBest = outcome.kind === 'OPTIMAL';
    if (!provenBest) return done(best, 'TIME_LIMIT', false);
  }
  const bestScore = projection.score(best);
  if (bestScore <= projection.startScore + GAIN_EPSILON) return done([], 'TRIVIAL', true);

  // Phase 3: the cheapest plan with that score.
  if (remainingSeconds() <= 0) return done(best, 'TIME_LIMIT', false);
  const outcome = modelFor(best).solve(highs, bestScore - projection.startScore - SCORE_EPSILON, 'MIN_COST', best, remainingSeconds());
  if (outcome.kind === 'OPTIMAL') {
    const ok = valid(outcome.chosen) && projection.reaches(projection.score(outcome.chosen), bestScore);
    if (!ok) return done(best, 'ERROR', false);
    const kept = projection.pruneRedundant(outcome.chosen, options.minimize, (set) => projection.reaches(projection.score(set), bestScore));
    return done(kept, 'OPTIMAL', provenBest);
  }
  if (outcome.kind === 'LIMIT' && outcome.chosen && valid(outcome.chosen) && projection.reaches(projection.score(outcome.chosen), bestScore)) {
    return done(outcome.chosen, 'TIME_LIMIT', false);
  }
  return done(best, outcome.kind === 'LIMIT' ? 'TIME_LIMIT' : 'ERROR', false);
}

function pruneAtTarget(projection: PathwayProjection, chosen: string[], options: PlanLimits): string[] {
  return projection.pruneRedundant(chosen, options.minimize, (set) => projection.reaches(projection.score(set), options.targetScore));
}

/** The largest subset that can be earned (drops credentials whose prerequisites can never be met). */
function earnableSubset(projection: PathwayProjection, ids: readonly string[]): string[] {
  let set = [...ids];
  for (;;) {
    const v = projection.findViolation(set);
    if (!v) return set;
    set = set.filter((id) => id !== v.credentialId);
  }
}

interface SupplierVar {
  req: number;
  credential: number;
  coef: number;
}

/** The pathway MIP's structure over the relevant credentials; solve() adds the score row and objective. */
class PathwayMip {
  private readonly ids: readonly string[];
  private readonly index = new Map<string, number>();
  private readonly upper: number[];
  private readonly rows: { lower: number; upper: number; cols: number[]; vals: number[] }[] = [];
  private readonly suppliers: SupplierVar[] = [];
  private readonly price: number[];

  private readonly replacement: ReadonlyMap<string, string>;

  constructor(
    private readonly projection: PathwayProjection,
    limits: PlanLimits,
    reduced: ReducedCandidates,
  ) {
    this.ids = reduced.ids;
    this.replacement = reduced.replacement;
    this.ids.forEach((id, i) => this.index.set(id, i));
    this.upper = this.ids.map(() => 1);
    this.price = this.ids.map((id) => (projection.isChoosable(id) ? projection.objectiveCost(id, limits.minimize) : 0));

    this.ids.forEach((id, i) => {
      for (const p of projection.prerequisiteIds(id)) {
        if (projection.held.has(p)) continue;
        const j = this.index.get(p);
        if (j === undefined) this.upper[i] = 0;
        else this.rows.push({ lower: -Infinity, upper: 0, cols: [i, j], vals: [1, -1] });
      }
      if (projection.isStack(id)) {
        const n = projection.requiredComponents(id);
        if (!Number.isFinite(n)) {
          this.upper[i] = 0;
          return;
        }
        let held = 0;
        const cols = [i];
        const vals = [n];
        for (const m of projection.componentIds(id)) {
          if (projection.held.has(m)) held++;
          else {
            const j = this.index.get(m);
            if (j !== undefined) {
              cols.push(j);
              vals.push(-1);
            }
          }
        }
        this.rows.push({ lower: -Infinity, upper: held, cols, vals });
      }
    });

    // A credential's coverage of r needs no choice variable when something every plan with it
    // must also earn (its prerequisites, transitively, and free stacks among them) covers r as well.
    const forced = new Map<string, Set<string>>();
    const forcedOf = (id: string): Set<string> => {
      let set = forced.get(id);
      if (set) return set;
      set = new Set<string>();
      for (const p of projection.prerequisiteIds(id)) {
        if (projection.held.has(p) || !this.index.has(p)) continue;
        set.add(p);
        for (const q of forcedOf(p)) set.add(q);
      }
      forced.set(id, set);
      return set;
    };
    const gainOf = (id: string, req: number): number => projection.gains(id).find((g) => g.req === req)?.cov ?? 0;

    const total = projection.totalWeight;
    const byReq = new Map<number, SupplierVar[]>();
    this.ids.forEach((id, k) => {
      for (const g of projection.gains(id)) {
        const w = projection.weights[g.req];
        const base = projection.baseCoverage[g.req];
        if (w <= 0 || g.cov <= base + GAIN_EPSILON) continue;
        let implied = false;
        for (const p of forcedOf(id)) {
          if (gainOf(p, g.req) >= g.cov) {
            implied = true;
            break;
          }
        }
        if (implied) continue;
        const s: SupplierVar = { req: g.req, credential: k, coef: (w * (g.cov - base)) / total };
        this.suppliers.push(s);
        const list = byReq.get(g.req);
        if (list) list.push(s);
        else byReq.set(g.req, [s]);
      }
    });
    const zBase = this.ids.length;
    const zIndex = new Map<SupplierVar, number>();
    this.suppliers.forEach((s, i) => zIndex.set(s, zBase + i));
    for (const list of byReq.values()) {
      this.rows.push({ lower: -Infinity, upper: 1, cols: list.map((s) => zIndex.get(s) as number), vals: list.map(() => 1) });
      for (const s of list) this.rows.push({ lower: -Infinity, upper: 0, cols: [zIndex.get(s) as number, s.credential], vals: [1, -1] });
    }

    const budget = (limit: number | null | undefined, of: (id: string) => number): void => {
      if (limit == null) return;
      const cols: number[] = [];
      const vals: number[] = [];
      this.ids.forEach((id, i) => {
        const v = projection.isChoosable(id) ? of(id) : 0;
        if (v !== 0) {
          cols.push(i);
          vals.push(v);
        }
      });
      this.rows.push({ lower: -Infinity, upper: limit + BUDGET_EPSILON, cols, vals });
    };
    budget(limits.maxHours, (id) => projection.hours(id));
    budget(limits.maxCost, (id) => projection.cost(id));
  }

  /**
   * scoreGainLower: Σ coef·z ≥ this (null: no score row). MIN_COST minimises the objective;
   * MAX_SCORE maximises the score (the objective is then ignored).
   */
  solve(
    highs: Highs,
    scoreGainLower: number | null,
    goal: 'MIN_COST' | 'MAX_SCORE',
    start: readonly string[] | null,
    timeLimitSeconds: number,
  ): SolveOutcome {
    const nx = this.ids.length;
    const numCols = nx + this.suppliers.length;
    if (numCols === 0) {
      // nothing left to choose: the empty plan, if it meets the score row
      return scoreGainLower === null || scoreGainLower <= 0 ? { kind: 'OPTIMAL', chosen: [] } : { kind: 'INFEASIBLE' };
    }
    const colCost: number[] = [];
    const colLower: number[] = [];
    const colUpper: number[] = [];
    const integrality: (0 | 1)[] = [];
    for (let i = 0; i < nx; i++) {
      colCost.push(goal === 'MIN_COST' ? this.price[i] : 0);
      colLower.push(0);
      colUpper.push(this.upper[i]);
      integrality.push(1);
    }
    for (const s of this.suppliers) {
      colCost.push(goal === 'MAX_SCORE' ? -s.coef : 0);
      colLower.push(0);
      colUpper.push(1);
      integrality.push(0);
    }
    const rows = [...this.rows];
    if (scoreGainLower !== null) {
      rows.push({ lower: scoreGainLower, upper: Infinity, cols: this.suppliers.map((_, i) => nx + i), vals: this.suppliers.map((s) => s.coef) });
    }
    const starts = [0];
    const indices: number[] = [];
    const values: number[] = [];
    for (const r of rows) {
      indices.push(...r.cols);
      values.push(...r.vals);
      starts.push(indices.length);
    }
    const data: ModelData = {
      numCols,
      numRows: rows.length,
      colCost,
      colLower,
      colUpper,
      rowLower: rows.map((r) => (r.lower === -Infinity ? -highs.infinity : r.lower)),
      rowUpper: rows.map((r) => (r.upper === Infinity ? highs.infinity : r.upper)),
      matrix: { format: 'csr', numRows: rows.length, numCols, starts, indices, values },
      integrality,
    };

    const model = highs.createModel(data);
    try {
      model.options.set({
        output_flag: false,
        time_limit: Math.max(0.001, timeLimitSeconds),
        mip_rel_gap: 0,
        mip_abs_gap: 1e-7,
        mip_feasibility_tolerance: 1e-9,
        primal_feasibility_tolerance: 1e-9,
        random_seed: 0,
        // The greedy plan is passed as the start; HiGHS's primal heuristics (sub-MIPs, feasibility
        // jump, ...) cost far more than they save on these small models in WebAssembly.
        mip_allow_restart: false,
        mip_heuristic_effort: 0,
        mip_heuristic_run_rins: false,
        mip_heuristic_run_rens: false,
        mip_heuristic_run_feasibility_jump: false,
        mip_heuristic_run_root_reduced_cost: false,
        mip_heuristic_run_zi_round: false,
        mip_heuristic_run_shifting: false,
      });
      const startVector = start ? this.startVector(start) : null;
      if (startVector) model.setSolution({ colValue: startVector });
      const { modelStatus } = model.run();
      const status = highs.constants.modelStatus;
      if (modelStatus === status.empty) return { kind: 'OPTIMAL', chosen: [] };
      if (modelStatus === status.optimal) return { kind: 'OPTIMAL', chosen: this.extract(model.getSolution().colValue) };
      if (modelStatus === status.infeasible || modelStatus === status.unboundedOrInfeasible) return { kind: 'INFEASIBLE' };
      if (modelStatus === status.timeLimit || modelStatus === status.interrupted || modelStatus === status.iterationLimit || modelStatus === status.solutionLimit) {
        const feasible = Number(model.info.get('primal_solution_status')) === highs.constants.solutionStatus.feasible;
        return { kind: 'LIMIT', chosen: feasible ? this.extract(model.getSolution().colValue) : null };
      }
      return { kind: 'ERROR' };
    } catch {
      return { kind: 'ERROR' };
    } finally {
      model.dispose();
    }
  }

  private extract(colValue: Float64Array): string[] {
    const chosen: string[] = [];
    this.ids.forEach((id, i) => {
      if (colValue[i] > 0.5 && this.projection.isChoosable(id)) chosen.push(id);
    });
    return chosen;
  }

  /** A MIP start from a plan, with dominated credentials swapped for their replacements; null when not representable. */
  private startVector(plan: readonly string[]): number[] | null {
    const chosen = [
      ...new Set(
        plan.map((id) => {
          let x = id;
          for (let guard = 0; this.replacement.has(x) && guard < 1000; guard++) x = this.replacement.get(x) as string;
          return x;
        }),
      ),
    ];
    if (chosen.some((id) => !this.index.has(id)) || this.projection.findViolation(chosen) !== null) return null;
    const earned = this.projection.earnedWith(chosen);
    const x = this.ids.map((id) => (earned.has(id) && !this.projection.held.has(id) ? 1 : 0));
    const bestByReq = new Map<number, SupplierVar>();
    for (const s of this.suppliers) {
      if (x[s.credential] !== 1) continue;
      const cur = bestByReq.get(s.req);
      if (!cur || s.coef > cur.coef) bestByReq.set(s.req, s);
    }
    const picked = new Set(bestByReq.values());
    return [...x, ...this.suppliers.map((s) => (picked.has(s) ? 1 : 0))];
  }
}
