import {
  PathwayObjective,
  PathwayProblem,
  PlanStepResult,
  SCORE_EPSILON,
} from './pathway.types';

/** Gains at or below this are treated as no gain. */
const GAIN_EPSILON = 1e-12;

interface CredentialNode {
  readonly id: string;
  /** Topological rank: every prerequisite / component has a smaller rank. */
  rank: number;
  readonly hours: number;
  readonly cost: number;
  readonly prerequisiteIds: readonly string[];
  readonly componentIds: readonly string[];
  /** Components needed (N); Infinity when the stack can never be completed. */
  readonly required: number;
  readonly isStack: boolean;
  /** A stack with no hours and no cost of its own: earned automatically by its components. */
  readonly isFreeStack: boolean;
  /** Sparse (requirement index, coverage), one entry per requirement, coverage > 0. */
  readonly gains: readonly { readonly req: number; readonly cov: number }[];
}

export interface SetViolation {
  credentialId: string;
  /** The prerequisite (or, for a stack, the first component) that is not earned. */
  missingId: string;
}

export interface SetTotals {
  hours: number;
  cost: number;
}

/**
 * An indexed pathway problem: projected scores of credential sets, stack closure,
 * prerequisite closure (bundles) and step ordering. Immutable after construction.
 *
 * Every "chosen" set is a set of credentials the learner explicitly earns (regular
 * credentials and capstones; never held ones, never free stacks). The "earned" set of a
 * chosen set is held ∪ chosen ∪ every free stack they complete, transitively.
 */
export class PathwayProjection {
  readonly requirementIds: readonly string[];
  readonly weights: Float64Array;
  readonly totalWeight: number;
  /** Coverage before any new credential: the caller's current coverage, plus free stacks owed by held credentials. */
  readonly baseCoverage: Float64Array;
  readonly startScore: number;
  /** Held credentials plus free stacks their components already complete. */
  readonly held: ReadonlySet<string>;
  /** Catalogue ids, prerequisites and components first. */
  readonly topologicalIds: readonly string[];

  private readonly nodes = new Map<string, CredentialNode>();
  /** id -> free stacks that list it as a component or a prerequisite. */
  private readonly triggers = new Map<string, string[]>();
  private usefulCache: string[] | null = null;
  private relevantCache: string[] | null = null;

  constructor(problem: PathwayProblem) {
    const reqIndex = new Map<string, number[]>();
    this.requirementIds = problem.requirements.map((r) => r.id);
    this.weights = new Float64Array(problem.requirements.length);
    const base = new Float64Array(problem.requirements.length);
    let total = 0;
    problem.requirements.forEach((r, i) => {
      const w = Number.isFinite(r.weight) && r.weight > 0 ? r.weight : 0;
      this.weights[i] = w;
      total += w;
      base[i] = clamp01(r.currentCoverage);
      const list = reqIndex.get(r.id);
      if (list) list.push(i);
      else reqIndex.set(r.id, [i]);
    });
    this.totalWeight = total;

    for (const c of problem.credentials) {
      if (this.nodes.has(c.id)) throw new Error(`duplicate credential id ${c.id}`);
      const componentIds = unique(c.componentIds);
      const isStack = componentIds.length > 0;
      const hours = nonNegative(c.hours);
      const cost = nonNegative(c.cost);
      let required = 0;
      if (isStack) {
        const n = c.requiredComponents == null ? componentIds.length : Math.max(1, Math.ceil(c.requiredComponents));
        required = n > componentIds.length ? Infinity : n;
      }
      const best = new Map<number, number>();
      for (const g of c.contributions) {
        const cov = clamp01(g.coverage);
        if (cov <= 0) continue;
        for (const i of reqIndex.get(g.requirementId) ?? []) {
          if (cov > (best.get(i) ?? 0)) best.set(i, cov);
        }
      }
      this.nodes.set(c.id, {
        id: c.id,
        rank: 0,
        hours,
        cost,
        prerequisiteIds: unique(c.prerequisiteIds).filter((p) => p !== c.id),
        componentIds,
        required,
        isStack,
        isFreeStack: isStack && hours === 0 && cost === 0,
        gains: [...best.entries()].sort((a, b) => a[0] - b[0]).map(([req, cov]) => ({ req, cov })),
      });
    }
    this.topologicalIds = this.sortTopologically(problem.credentials.map((c) => c.id));
    this.topologicalIds.forEach((id, rank) => {
      (this.nodes.get(id) as CredentialNode).rank = rank;
    });
    for (const id of this.topologicalIds) {
      const n = this.nodes.get(id) as CredentialNode;
      if (!n.isFreeStack) continue;
      for (const t of [...n.componentIds, ...n.prerequisiteIds]) {
        const list = this.triggers.get(t);
        if (list) list.push(id);
        else this.triggers.set(t, [id]);
      }
    }

    const held = new Set(problem.heldCredentialIds);
    const owed = this.extend(held, [...held]);
    for (const id of owed) this.raise(base, id);
    this.held = held;
    this.baseCoverage = base;
    this.startScore = this.scoreOf(base);
  }

  // ------------------------------------------------------------------ catalogue

  has(id: string): boolean {
    return this.nodes.has(id);
  }

  isStack(id: string): boolean {
    return this.nodes.get(id)?.isStack ?? false;
  }

  isFreeStack(id: string): boolean {
    return this.nodes.get(id)?.isFreeStack ?? false;
  }

  /** Can be a step of a plan: in the catalogue, not held, not a free stack. */
  isChoosable(id: string): boolean {
    const n = this.nodes.get(id);
    return n !== undefined && !n.isFreeStack && !this.held.has(id);
  }

  hours(id: string): number {
    return this.nodes.get(id)?.hours ?? 0;
  }

  cost(id: string): number {
    return this.nodes.get(id)?.cost ?? 0;
  }

  objectiveCost(id: string, objective: PathwayObjective): number {
    return objective === 'COST' ? this.cost(id) : this.hours(id);
  }

  prerequisiteIds(id: string): readonly string[] {
    return this.nodes.get(id)?.prerequisiteIds ?? [];
  }

  componentIds(id: string): readonly string[] {
    return this.nodes.get(id)?.componentIds ?? [];
  }

  /** N for a stack (Infinity when it can never be completed), 0 otherwise. */
  requiredComponents(id: string): number {
    return this.nodes.get(id)?.required ?? 0;
  }

  rank(id: string): number {
    return this.nodes.get(id)?.rank ?? Number.MAX_SAFE_INTEGER;
  }

  /** (requirement index, coverage) pairs of a credential. */
  gains(id: string): readonly { readonly req: number; readonly cov: number }[] {
    return this.nodes.get(id)?.gains ?? [];
  }

  totals(ids: Iterable<string>): SetTotals {
    let hours = 0;
    let cost = 0;
    for (const id of ids) {
      hours += this.hours(id);
      cost += this.cost(id);
    }
    return { hours, cost };
  }

  /** Not-held credentials that would raise some (weighted) requirement above its base coverage. */
  usefulIds(): readonly string[] {
    if (!this.usefulCache) {
      this.usefulCache = this.topologicalIds.filter(
        (id) => !this.held.has(id) && this.gains(id).some((g) => this.weights[g.req] > 0 && g.cov > this.baseCoverage[g.req] + GAIN_EPSILON),
      );
    }
    return this.usefulCache;
  }

  /**
   * Useful credentials plus, transitively, every not-held prerequisite and component they
   * may need: the only credentials a plan ever has reason to contain. Topological order.
   */
  relevantIds(): readonly string[] {
    if (!this.relevantCache) {
      const seen = new Set<string>();
      const stack = [...this.usefulIds()];
      while (stack.length > 0) {
        const id = stack.pop() as string;
        if (seen.has(id) || this.held.has(id) || !this.nodes.has(id)) continue;
        seen.add(id);
        stack.push(...this.prerequisiteIds(id), ...this.componentIds(id));
      }
      this.relevantCache = this.topologicalIds.filter((id) => seen.has(id));
    }
    return this.relevantCache;
  }

  // ------------------------------------------------------------------ stack closure

  /** held ∪ chosen ∪ the free stacks they complete. */
  earnedWith(chosen: Iterable<string>): Set<string> {
    const earned = new Set(this.held);
    this.extend(earned, [...chosen]);
    return earned;
  }

  /**
   * Adds `added` to `earned` (in place) and then every free stack that becomes complete,
   * transitively. Returns the newly completed stacks, in completion order.
   */
  extend(earned: Set<string>, added: readonly string[]): string[] {
    const completed: string[] = [];
    // Items already earned are re-checked too (normalising the held set relies on it).
    const queue = [...new Set(added)];
    for (const id of queue) earned.add(id);
    for (let head = 0; head < queue.length; head++) {
      const id = queue[head];
      for (const s of this.triggers.get(id) ?? []) {
        if (earned.has(s) || !this.stackReady(s, earned)) continue;
        earned.add(s);
        completed.push(s);
        queue.push(s);
      }
    }
    return completed;
  }

  /** Free stacks (not held) completed by the chosen set, in topological order. */
  completedStacks(chosen: Iterable<string>): string[] {
    const chosenSet = new Set(chosen);
    const earned = this.earnedWith(chosenSet);
    return this.topologicalIds.filter((id) => earned.has(id) && !this.held.has(id) && !chosenSet.has(id) && this.isFreeStack(id));
  }

  private stackReady(id: string, earned: ReadonlySet<string>): boolean {
    const n = this.nodes.get(id);
    if (!n || !n.isStack) return false;
    if (!n.prerequisiteIds.every((p) => earned.has(p))) return false;
    let count = 0;
    for (const m of n.componentIds) if (earned.has(m)) count++;
    return count >= n.required;
  }

  // ------------------------------------------------------------------ validity

  /**
   * The first chosen credential (topological order) that cannot be earned with this set:
   * a prerequisite not earned, or (for a capstone) fewer than N components earned.
   */
  findViolation(chosen: Iterable<string>): SetViolation | null {
    const list = [...new Set(chosen)].sort((a, b) => this.rank(a) - this.rank(b));
    const earned = this.earnedWith(list);
    for (const id of list) {
      const n = this.nodes.get(id);
      if (!n) return { credentialId: id, missingId: id };
      const p = n.prerequisiteIds.find((q) => !earned.has(q));
      if (p !== undefined) return { credentialId: id, missingId: p };
      if (n.isStack) {
        let count = 0;
        for (const m of n.componentIds) if (earned.has(m)) count++;
        if (count < n.required) {
          return { credentialId: id, missingId: n.componentIds.find((m) => !earned.has(m)) ?? id };
        }
      }
    }
    return null;
  }

  // ------------------------------------------------------------------ scoring

  scoreOf(coverage: Float64Array): number {
    if (this.totalWeight <= 0) return 0;
    let s = 0;
    for (let i = 0; i < coverage.length; i++) s += this.weights[i] * coverage[i];
    return s / this.totalWeight;
  }

  /** Raises `coverage` in place with the credential's fresh evidence. */
  raise(coverage: Float64Array, id: string): void {
    for (const g of this.gains(id)) if (g.cov > coverage[g.req]) coverage[g.req] = g.cov;
  }

  /** Coverage after earning the chosen set (and the stacks it completes). */
  coverageOf(chosen: Iterable<string>): Float64Array {
    const cov = this.baseCoverage.slice();
    for (const id of this.earnedWith(chosen)) if (!this.held.has(id)) this.raise(cov, id);
    return cov;
  }

  /** Projected score after earning the chosen set now. */
  score(chosen: Iterable<string>): number {
    return this.scoreOf(this.coverageOf(chosen));
  }

  /** Score increase from adding these credentials' evidence on top of `coverage` (not mutated). */
  marginalGain(coverage: Float64Array, ids: readonly string[]): number {
    if (this.totalWeight <= 0) return 0;
    const best = new Map<number, number>();
    for (const id of ids) {
      for (const g of this.gains(id)) {
        if (g.cov > coverage[g.req] && g.cov > (best.get(g.req) ?? 0)) best.set(g.req, g.cov);
      }
    }
    let s = 0;
    for (const [r, cov] of best) s += this.weights[r] * (cov - coverage[r]);
    return s / this.totalWeight;
  }

  reaches(score: number, target: number): boolean {
    return score >= target - SCORE_EPSILON;
  }

  // ------------------------------------------------------------------ prerequisite closure

  /**
   * What must be chosen, on top of `chosen`, to earn `targetId` now: its missing prerequisites
   * (transitively) and, for a stack, enough components (cheapest first by the objective,
   * greedily), then the credential itself unless it is a free stack. Prerequisites come
   * before the credentials that need them. Null when it cannot be earned; [] when already earned.
   */
  bundle(targetId: string, chosen: Iterable<string> = [], objective: PathwayObjective = 'HOURS'): string[] | null {
    const earned = this.earnedWith(chosen);
    const added: string[] = [];
    return this.ensure(targetId, earned, added, objective, new Set()) ? added : null;
  }

  /** The smallest superset (greedily) of `ids` closed under prerequisites, ids in topological order. */
  prerequisiteClosure(ids: Iterable<string>, objective: PathwayObjective = 'HOURS'): string[] | null {
    const earned = new Set(this.held);
    const added: string[] = [];
    const list = [...ids].sort((a, b) => this.rank(a) - this.rank(b));
    for (const id of list) {
      if (!this.ensure(id, earned, added, objective, new Set())) return null;
    }
    return added.sort((a, b) => this.rank(a) - this.rank(b));
  }

  private ensure(
    id: string,
    earned: Set<string>,
    added: string[],
    objective: PathwayObjective,
    visiting: Set<string>,
  ): boolean {
    if (earned.has(id)) return true;
    const n = this.nodes.get(id);
    if (!n || visiting.has(id) || n.required === Infinity) return false;
    visiting.add(id);
    try {
      for (const p of n.prerequisiteIds) {
        if (!this.ensure(p, earned, added, objective, visiting)) return false;
      }
      if (n.isStack) {
        for (;;) {
          let count = 0;
          for (const m of n.componentIds) if (earned.has(m)) count++;
          if (count >= n.required || earned.has(id)) break;
          let best: { earned: Set<string>; added: string[]; price: number; rank: number } | null = null;
          for (const m of n.componentIds) {
            if (earned.has(m)) continue;
            const trialEarned = new Set(earned);
            const trialAdded: string[] = [];
            if (!this.ensure(m, trialEarned, trialAdded, objective, visiting)) continue;
            let price = 0;
            for (const x of trialAdded) price += this.objectiveCost(x, objective);
            const rank = this.rank(m);
            if (!best || price < best.price || (price === best.price && rank < best.rank)) {
              best = { earned: trialEarned, added: trialAdded, price, rank };
            }
          }
          if (!best) return false;
          for (const x of best.earned) earned.add(x);
          added.push(...best.added);
        }
        if (n.isFreeStack) return earned.has(id);
      }
      this.extend(earned, [id]);
      added.push(id);
      return true;
    } finally {
      visiting.delete(id);
    }
  }

  // ------------------------------------------------------------------ ordering

  /**
   * Orders a chosen set into steps. A credential is ready once its prerequisites are earned
   * (held, an earlier step, or a free stack the earlier steps completed) and, for a capstone,
   * N of its components are; among the ready credentials the one with the largest score gain
   * (counting the stacks it completes) goes next; ties: smaller objective cost, then catalogue
   * topological order. Throws when the set cannot be ordered (it is not closed under prerequisites).
   */
  orderSteps(chosen: Iterable<string>, objective: PathwayObjective = 'HOURS'): string[] {
    const earned = new Set(this.held);
    const cov = this.baseCoverage.slice();
    const order: string[] = [];
    const remaining = [...new Set(chosen)].filter((id) => !earned.has(id)).sort((a, b) => this.rank(a) - this.rank(b));
    while (remaining.length > 0) {
      let bestIndex = -1;
      let bestGain = -Infinity;
      let bestPrice = Infinity;
      for (let i = 0; i < remaining.length; i++) {
        const id = remaining[i];
        if (!this.canEarnNext(id, earned)) continue;
        const trial = new Set(earned);
        const stacks = this.extend(trial, [id]);
        const gain = this.marginalGain(cov, [id, ...stacks]);
        const price = this.objectiveCost(id, objective);
        if (gain > bestGain + GAIN_EPSILON || (Math.abs(gain - bestGain) <= GAIN_EPSILON && price < bestPrice)) {
          bestIndex = i;
          bestGain = gain;
          bestPrice = price;
        }
      }
      if (bestIndex < 0) throw new Error(`cannot order credentials: unsatisfiable prerequisites among ${remaining.join(', ')}`);
      const [id] = remaining.splice(bestIndex, 1);
      for (const x of [id, ...this.extend(earned, [id])]) this.raise(cov, x);
      order.push(id);
    }
    return order;
  }

  /** Prerequisites earned and, for a stack, N components earned. */
  private canEarnNext(id: string, earned: ReadonlySet<string>): boolean {
    const n = this.nodes.get(id);
    if (!n) return false;
    if (!n.prerequisiteIds.every((p) => earned.has(p))) return false;
    if (!n.isStack) return true;
    let count = 0;
    for (const m of n.componentIds) if (earned.has(m)) count++;
    return count >= n.required;
  }

  /** Steps for credentials already in order: score after each, cumulative hours and cost, stacks earned. */
  steps(ordered: readonly string[]): PlanStepResult[] {
    const earned = new Set(this.held);
    const cov = this.baseCoverage.slice();
    let hours = 0;
    let cost = 0;
    return ordered.map((id, i) => {
      const stacks = this.extend(earned, [id]);
      for (const x of [id, ...stacks]) this.raise(cov, x);
      hours += this.hours(id);
      cost += this.cost(id);
      return {
        position: i + 1,
        credentialId: id,
        projectedScore: this.scoreOf(cov),
        cumulativeHours: hours,
        cumulativeCost: cost,
        earnsStackIds: stacks,
      };
    });
  }

  /**
   * Drops credentials that are not needed: tries the most expensive first (by the objective),
   * keeping a removal when the rest is still closed under prerequisites and `keep` accepts it.
   * Never raises the total cost.
   */
  pruneRedundant(chosen: readonly string[], objective: PathwayObjective, keep: (set: readonly string[]) => boolean): string[] {
    let current = [...new Set(chosen)];
    const byPrice = [...current].sort(
      (a, b) => this.objectiveCost(b, objective) - this.objectiveCost(a, objective) || this.rank(b) - this.rank(a),
    );
    for (const id of byPrice) {
      const trial = current.filter((x) => x !== id);
      if (this.findViolation(trial) === null && keep(trial)) current = trial;
    }
    return current;
  }

  // ------------------------------------------------------------------ internals

  private sortTopologically(ids: readonly string[]): string[] {
    const state = new Map<string, 1 | 2>();
    const out: string[] = [];
    const visit = (root: string): void => {
      // iterative DFS to survive long chains
      const stack: { id: string; next: number; deps: string[] }[] = [];
      const push = (id: string): void => {
        const n = this.nodes.get(id) as CredentialNode;
        state.set(id, 1);
        stack.push({ id, next: 0, deps: [...n.prerequisiteIds, ...n.componentIds].filter((d) => this.nodes.has(d)) });
      };
      push(root);
      while (stack.length > 0) {
        const top = stack[stack.length - 1];
        if (top.next < top.deps.length) {
          const d = top.deps[top.next++];
          const s = state.get(d);
          if (s === 1) {
            const cycle = [...stack.slice(stack.findIndex((f) => f.id === d)).map((f) => f.id), d];
            throw new Error(`credential graph has a cycle: ${cycle.join(' -> ')}`);
          }
          if (s === undefined) push(d);
        } else {
          stack.pop();
          state.set(top.id, 2);
          out.push(top.id);
        }
      }
    };
    for (const id of ids) if (!state.has(id)) visit(id);
    return out;
  }
}

function clamp01(x: number): number {
  if (!Number.isFinite(x) || x <= 0) return 0;
  return x >= 1 ? 1 : x;
}

function nonNegative(x: number): number {
  return Number.isFinite(x) && x > 0 ? x : 0;
}

function unique(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}
