import { PlanLimits } from './greedy-planner';
import { PathwayProjection } from './projection';

const EPS = 1e-9;

export interface ReducedCandidates {
  /** Credentials (choosable and free stacks) that keep a variable, topological order. */
  ids: string[];
  /** Removed dominated credential -> a credential at least as good to use instead. */
  replacement: Map<string, string>;
}

/**
 * Shrinks the relevant credentials before the MIP without losing any optimal plan:
 * - dominance: a credential nothing depends on (not a prerequisite or component of another
 *   candidate, not a stack) is dropped when another non-stack credential gives every requirement
 *   at least as much, costs no more hours and no more money, and needs no prerequisite it does
 *   not need (swapping one for the other keeps any plan valid, within budget and no worse);
 * - bounds: a credential whose own price plus its unavoidable prerequisites' prices exceeds the
 *   budgets, or the cost cutoff (an incumbent's cost), is dropped;
 * - then, transitively, whatever needs a dropped credential it can no longer get.
 */
export function reduceCandidates(projection: PathwayProjection, limits: PlanLimits, costCutoff: number | null): ReducedCandidates {
  const relevant = projection.relevantIds();
  const inSet = new Set(relevant);
  const enablers = new Set<string>();
  for (const id of relevant) for (const d of [...projection.prerequisiteIds(id), ...projection.componentIds(id)]) enablers.add(d);

  // ---------------------------------------------------------------- dominance
  const weights = projection.weights;
  const base = projection.baseCoverage;
  const effective = (id: string): Float64Array => {
    const v = base.slice();
    for (const g of projection.gains(id)) if (g.cov > v[g.req]) v[g.req] = g.cov;
    return v;
  };
  const plain = relevant.filter((id) => projection.isChoosable(id) && !projection.isStack(id));
  const vectors = new Map(plain.map((id) => [id, effective(id)]));
  const replacement = new Map<string, string>();
  const covers = (j: string, k: string): boolean => {
    if (projection.hours(j) > projection.hours(k) + EPS || projection.cost(j) > projection.cost(k) + EPS) return false;
    const vj = vectors.get(j) as Float64Array;
    const vk = vectors.get(k) as Float64Array;
    for (let r = 0; r < vk.length; r++) if (weights[r] > 0 && vj[r] < vk[r] - EPS) return false;
    const pk = new Set(projection.prerequisiteIds(k));
    return projection.prerequisiteIds(j).every((p) => pk.has(p) || projection.held.has(p));
  };
  for (const k of plain) {
    if (enablers.has(k)) continue;
    for (const j of plain) {
      if (j === k || !covers(j, k)) continue;
      // mutual cover (equivalent): keep the one earlier in topological order
      if (covers(k, j) && projection.rank(j) > projection.rank(k)) continue;
      replacement.set(k, j);
      break;
    }
  }

  // ---------------------------------------------------------------- bounds
  const maxHours = limits.maxHours ?? Infinity;
  const maxCost = limits.maxCost ?? Infinity;
  const closureCache = new Map<string, Set<string>>();
  /** Prerequisites every plan containing id must also contain (through plain prerequisites only). */
  const forced = (id: string): Set<string> => {
    const cached = closureCache.get(id);
    if (cached) return cached;
    const out = new Set<string>();
    for (const p of projection.prerequisiteIds(id)) {
      if (projection.held.has(p) || !projection.has(p) || projection.isFreeStack(p)) continue;
      out.add(p);
      for (const q of forced(p)) out.add(q);
    }
    closureCache.set(id, out);
    return out;
  };
  const tooExpensive = (id: string): boolean => {
    if (!projection.isChoosable(id)) return false;
    const all = [id, ...forced(id)];
    const t = projection.totals(all);
    if (t.hours > maxHours + EPS || t.cost > maxCost + EPS) return true;
    if (costCutoff === null) return false;
    const price = all.reduce((s, x) => s + projection.objectiveCost(x, limits.minimize), 0);
    return price > costCutoff + EPS;
  };

  const kept = new Set(relevant.filter((id) => !replacement.has(id) && !tooExpensive(id)));
  // ---------------------------------------------------------------- cascade
  for (let changed = true; changed; ) {
    changed = false;
    for (const id of relevant) {
      if (!kept.has(id)) continue;
      const missingPrerequisite = projection.prerequisiteIds(id).some((p) => !projection.held.has(p) && !kept.has(p));
      let impossibleStack = false;
      if (projection.isStack(id)) {
        const available = projection.componentIds(id).filter((m) => projection.held.has(m) || kept.has(m)).length;
        impossibleStack = available < projection.requiredComponents(id);
      }
      if (missingPrerequisite || impossibleStack) {
        kept.delete(id);
        changed = true;
      }
    }
  }
  return { ids: relevant.filter((id) => kept.has(id) && inSet.has(id)), replacement };
}
