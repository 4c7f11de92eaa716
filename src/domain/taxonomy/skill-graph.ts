import { MultiDirectedGraph } from 'graphology';

/**
 * The skills taxonomy as an in-memory graph (graphology `MultiDirectedGraph`).
 *
 * Edges:
 * - BROADER: stored child → parent ("child's broader concept is parent"); must stay a DAG.
 * - RELATED: stored from → to with a weight in (0, 1]; symmetric for every read
 *   (`relatedOf` looks both ways and keeps the larger weight when both directions exist).
 *
 * Read methods take unknown ids gracefully (empty results), except `halfLifeOf` which
 * throws because there is no sensible value. Mutations validate ids, weights and the DAG
 * and throw (`Error`/`RangeError`) without changing the graph when invalid.
 *
 * Every successful mutation increments `version`; caches (e.g. `SimilarityIndex`) compare
 * it to invalidate themselves.
 */

export type SkillCategory = 'TECHNICAL' | 'DURABLE';
export type TaxonomyEdgeType = 'BROADER' | 'RELATED';

/** Default half-life per category, in months (the contract: TECHNICAL 30, DURABLE 60). */
export const DEFAULT_CATEGORY_HALF_LIFE_MONTHS: Readonly<Record<SkillCategory, number>> = Object.freeze({
  TECHNICAL: 30,
  DURABLE: 60,
});

export interface SkillNode {
  readonly id: string;
  readonly category: SkillCategory;
  /** The skill's own half-life override in months; null: its category's default. */
  readonly halfLifeMonths: number | null;
}

export interface TaxonomyInput {
  readonly skills: readonly SkillNode[];
  /** [childId, parentId] */
  readonly broader: readonly (readonly [string, string])[];
  /** [fromId, toId, weight in (0, 1]] */
  readonly related: readonly (readonly [string, string, number])[];
}

export interface SkillGraphOptions {
  /** Overrides of the category defaults (months). */
  readonly categoryHalfLifeMonths?: Partial<Record<SkillCategory, number>>;
}

export interface FromTaxonomyOptions extends SkillGraphOptions {
  /**
   * false (default): a broader edge that would close a cycle throws.
   * true: it is skipped and listed in `skippedBroaderEdges` (useful for imported data).
   */
  readonly skipCycles?: boolean;
}

export interface WeightedSkillRef {
  readonly id: string;
  readonly weight: number;
}

export interface NeighborhoodNode {
  readonly id: string;
  /** hops from the centre, ignoring edge types and directions */
  readonly distance: number;
}

export interface NeighborhoodEdge {
  /** BROADER: from = child, to = parent. RELATED: as stored. */
  readonly from: string;
  readonly to: string;
  readonly type: TaxonomyEdgeType;
  /** RELATED: the edge weight; BROADER: 1 */
  readonly weight: number;
}

export interface Neighborhood {
  /** sorted by distance, then id */
  readonly nodes: readonly NeighborhoodNode[];
  /** the induced subgraph on `nodes`; sorted by type, from, to */
  readonly edges: readonly NeighborhoodEdge[];
}

/** One step away from a skill, as seen by the similarity walk. */
export type StepKind = 'UP' | 'DOWN' | 'RELATED';

interface NodeAttrs {
  category: SkillCategory;
  halfLifeMonths: number | null;
}

interface EdgeAttrs {
  type: TaxonomyEdgeType;
  weight: number;
}

export const MAX_NEIGHBORHOOD_DEPTH = 3;

const CATEGORIES: readonly SkillCategory[] = ['TECHNICAL', 'DURABLE'];

function broaderKey(child: string, parent: string): string {
  return `B\u0000${child}\u0000${parent}`;
}

function relatedKey(from: string, to: string): string {
  return `R\u0000${from}\u0000${to}`;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export class SkillGraph {
  private readonly g = new MultiDirectedGraph<NodeAttrs, EdgeAttrs>({ allowSelfLoops: false });
  private readonly categoryHalfLife: Record<SkillCategory, number>;
  private versionCounter = 0;
  private broaderCount = 0;
  private relatedCount = 0;
  /** Broader edges skipped by `fromTaxonomy(…, { skipCycles: true })`. */
  readonly skippedBroaderEdges: [string, string][] = [];

  constructor(options: SkillGraphOptions = {}) {
    const merged = { ...DEFAULT_CATEGORY_HALF_LIFE_MONTHS, ...(options.categoryHalfLifeMonths ?? {}) };
    for (const c of CATEGORIES) assertHalfLife(merged[c], `category ${c}`);
    this.categoryHalfLife = merged;
  }

  /** Builds a graph from plain rows. Throws on unknown ids, bad weights, self loops and (by default) cycles. */
  static fromTaxonomy(input: TaxonomyInput, options: FromTaxonomyOptions = {}): SkillGraph {
    const graph = new SkillGraph(options);
    for (const s of input.skills) graph.upsertSkillInternal(s);
    // Fast path: when the whole broader relation is acyclic (one Kahn pass, O(V + E)), add the
    // edges without per-edge cycle checks; otherwise add them one by one in input order, so that
    // the first edge closing a cycle throws (or is skipped).
    const edges: [string, string][] = [];
    const seen = new Set<string>();
    for (const [child, parent] of input.broader) {
      graph.requireSkill(child);
      graph.requireSkill(parent);
      const key = broaderKey(child, parent);
      if (seen.has(key)) continue;
      seen.add(key);
      edges.push([child, parent]);
    }
    if (isAcyclic(edges)) {
      for (const [child, parent] of edges) graph.addBroaderEdge(child, parent);
    } else {
      for (const [child, parent] of edges) {
        if (graph.wouldCreateCycle(child, parent)) {
          if (options.skipCycles) {
            graph.skippedBroaderEdges.push([child, parent]);
            continue;
          }
          throw new Error(`broader edge ${child} -> ${parent} would create a cycle`);
        }
        graph.addBroaderEdge(child, parent);
      }
    }
    for (const [from, to, weight] of input.related) {
      graph.validateRelated(from, to, weight);
      const key = relatedKey(from, to);
      if (graph.g.hasEdge(key)) {
        // duplicate row: keep the larger weight
        const prev = graph.g.getEdgeAttribute(key, 'weight');
        if (weight > prev) graph.g.setEdgeAttribute(key, 'weight', weight);
        continue;
      }
      graph.g.addDirectedEdgeWithKey(key, from, to, { type: 'RELATED', weight });
      graph.relatedCount++;
    }
    graph.versionCounter++;
    return graph;
  }

  /** Incremented by every mutation. */
  get version(): number {
    return this.versionCounter;
  }

  get skillCount(): number {
    return this.g.order;
  }

  get broaderEdgeCount(): number {
    return this.broaderCount;
  }

  get relatedEdgeCount(): number {
    return this.relatedCount;
  }

  has(id: string): boolean {
    return this.g.hasNode(id);
  }

  skill(id: string): SkillNode | undefined {
    if (!this.g.hasNode(id)) return undefined;
    const a = this.g.getNodeAttributes(id);
    return { id, category: a.category, halfLifeMonths: a.halfLifeMonths };
  }

  skillIds(): string[] {
    return this.g.nodes();
  }

  /** Effective half-life in months: the skill's own override, else its category default. Throws for unknown ids. */
  halfLifeOf(id: string): number {
    if (!this.g.hasNode(id)) throw new Error(`unknown skill ${id}`);
    const a = this.g.getNodeAttributes(id);
    return a.halfLifeMonths ?? this.categoryHalfLife[a.category];
  }

  /** Parents (more general skills), sorted by id. */
  broaderOf(id: string): string[] {
    if (!this.g.hasNode(id)) return [];
    const out: string[] = [];
    this.g.forEachOutEdge(id, (_e, a, _s, t) => {
      if (a.type === 'BROADER') out.push(t);
    });
    return out.sort(cmp);
  }

  /** Children (more specific skills), sorted by id. */
  narrowerOf(id: string): string[] {
    if (!this.g.hasNode(id)) return [];
    const out: string[] = [];
    this.g.forEachInEdge(id, (_e, a, s) => {
      if (a.type === 'BROADER') out.push(s);
    });
    return out.sort(cmp);
  }

  /** Related skills in both directions; when both directions exist, the larger weight. Sorted by id. */
  relatedOf(id: string): WeightedSkillRef[] {
    if (!this.g.hasNode(id)) return [];
    const best = new Map<string, number>();
    const visit = (other: string, w: number): void => {
      const prev = best.get(other);
      if (prev === undefined || w > prev) best.set(other, w);
    };
    this.g.forEachOutEdge(id, (_e, a, _s, t) => {
      if (a.type === 'RELATED') visit(t, a.weight);
    });
    this.g.forEachInEdge(id, (_e, a, s) => {
      if (a.type === 'RELATED') visit(s, a.weight);
    });
    return [...best.entries()].sort((x, y) => cmp(x[0], y[0])).map(([rid, weight]) => ({ id: rid, weight }));
  }

  /**
   * Calls `cb` for every step out of `id`: UP to each parent, DOWN to each child, RELATED to each
   * related skill (both directions; a pair linked both ways is reported twice, once per stored edge).
   * Used by the similarity walk; weight is 1 for UP/DOWN.
   */
  forEachStep(id: string, cb: (neighbor: string, kind: StepKind, weight: number) => void): void {
    if (!this.g.hasNode(id)) return;
    this.g.forEachOutEdge(id, (_e, a, _s, t) => {
      if (a.type === 'BROADER') cb(t, 'UP', 1);
      else cb(t, 'RELATED', a.weight);
    });
    this.g.forEachInEdge(id, (_e, a, s) => {
      if (a.type === 'BROADER') cb(s, 'DOWN', 1);
      else cb(s, 'RELATED', a.weight);
    });
  }

  /**
   * Everything within `depth` hops (any edge type, any direction). `depth` is truncated to an
   * integer and clamped to [0, 3]. Unknown id: empty.
   */
  neighborhood(id: string, depth = 1): Neighborhood {
    if (!this.g.hasNode(id)) return { nodes: [], edges: [] };
    const d = Math.max(0, Math.min(MAX_NEIGHBORHOOD_DEPTH, Math.trunc(Number.isFinite(depth) ? depth : 0)));
    const dist = new Map<string, number>([[id, 0]]);
    let frontier = [id];
    for (let h = 1; h <= d && frontier.length > 0; h++) {
      const next: string[] = [];
      for (const n of frontier) {
        this.g.forEachNeighbor(n, (m) => {
          if (!dist.has(m)) {
            dist.set(m, h);
            next.push(m);
          }
        });
      }
      frontier = next;
    }
    const nodes = [...dist.entries()]
      .map(([nid, distance]) => ({ id: nid, distance }))
      .sort((a, b) => a.distance - b.distance || cmp(a.id, b.id));
    const edges: NeighborhoodEdge[] = [];
    for (const nid of dist.keys()) {
      this.g.forEachOutEdge(nid, (_e, a, s, t) => {
        if (!dist.has(t)) return;
        edges.push({ from: s, to: t, type: a.type, weight: a.type === 'BROADER' ? 1 : a.weight });
      });
    }
    edges.sort((a, b) => cmp(a.type, b.type) || cmp(a.from, b.from) || cmp(a.to, b.to));
    return { nodes, edges };
  }

  /**
   * Would adding the broader edge child → parent close a cycle in the broader DAG?
   * True when child === parent or child is already an ancestor of parent.
   * Unknown ids: false (no cycle can pass through a missing node).
   */
  wouldCreateCycle(childId: string, parentId: string): boolean {
    if (childId === parentId) return true;
    if (!this.g.hasNode(childId) || !this.g.hasNode(parentId)) return false;
    const seen = new Set<string>([parentId]);
    const stack = [parentId];
    while (stack.length > 0) {
      const n = stack.pop() as string;
      let found = false;
      this.g.forEachOutEdge(n, (_e, a, _s, t) => {
        if (found || a.type !== 'BROADER') return;
        if (t === childId) {
          found = true;
          return;
        }
        if (!seen.has(t)) {
          seen.add(t);
          stack.push(t);
        }
      });
      if (found) return true;
    }
    return false;
  }

  /** Adds a skill or updates its category / half-life override (edges are kept). */
  upsertSkill(skill: SkillNode): void {
    this.upsertSkillInternal(skill);
    this.versionCounter++;
  }

  /**
   * Replaces the parents of `childId` with `parentIds` (duplicates ignored).
   * Throws (and changes nothing) on unknown ids or when an edge would close a cycle.
   */
  setBroader(childId: string, parentIds: readonly string[]): void {
    this.requireSkill(childId);
    const wanted = [...new Set(parentIds)];
    for (const p of wanted) {
      this.requireSkill(p);
      // The child's current outgoing broader edges cannot be on a path parent ⇝ child,
      // so checking against the current graph is exact for the replacement.
      if (this.wouldCreateCycle(childId, p)) throw new Error(`broader edge ${childId} -> ${p} would create a cycle`);
    }
    const wantedSet = new Set(wanted);
    for (const old of this.broaderOf(childId)) {
      if (!wantedSet.has(old)) {
        this.g.dropEdge(broaderKey(childId, old));
        this.broaderCount--;
      }
    }
    for (const p of wanted) {
      if (!this.g.hasEdge(broaderKey(childId, p))) this.addBroaderEdge(childId, p);
    }
    this.versionCounter++;
  }

  /**
   * Replaces the related edges stored FROM `fromId` (edges stored from other skills to `fromId`
   * are untouched). Duplicate targets: the larger weight. Throws (and changes nothing) when invalid.
   */
  setRelated(fromId: string, targets: readonly WeightedSkillRef[]): void {
    this.requireSkill(fromId);
    const wanted = new Map<string, number>();
    for (const t of targets) {
      this.validateRelated(fromId, t.id, t.weight);
      const prev = wanted.get(t.id);
      if (prev === undefined || t.weight > prev) wanted.set(t.id, t.weight);
    }
    const drop: string[] = [];
    this.g.forEachOutEdge(fromId, (e, a, _s, t) => {
      if (a.type === 'RELATED' && !wanted.has(t)) drop.push(e);
    });
    for (const e of drop) {
      this.g.dropEdge(e);
      this.relatedCount--;
    }
    for (const [to, weight] of wanted) this.putRelated(fromId, to, weight);
    this.versionCounter++;
  }

  /** Adds or re-weights one related edge from → to. */
  upsertRelated(fromId: string, toId: string, weight: number): void {
    this.validateRelated(fromId, toId, weight);
    this.putRelated(fromId, toId, weight);
    this.versionCounter++;
  }

  /** Removes the related edge stored from → to (not the reverse one). Returns whether it existed. */
  removeRelated(fromId: string, toId: string): boolean {
    const key = relatedKey(fromId, toId);
    if (!this.g.hasEdge(key)) return false;
    this.g.dropEdge(key);
    this.relatedCount--;
    this.versionCounter++;
    return true;
  }

  /** Removes a skill and all its edges. Returns whether it existed. */
  removeSkill(id: string): boolean {
    if (!this.g.hasNode(id)) return false;
    this.g.forEachEdge(id, (_e, a) => {
      if (a.type === 'BROADER') this.broaderCount--;
      else this.relatedCount--;
    });
    this.g.dropNode(id);
    this.versionCounter++;
    return true;
  }

  private upsertSkillInternal(skill: SkillNode): void {
    if (typeof skill.id !== 'string' || skill.id.length === 0) throw new Error('skill id must be a non-empty string');
    if (!CATEGORIES.includes(skill.category)) throw new RangeError(`unknown category ${String(skill.category)}`);
    if (skill.halfLifeMonths !== null) assertHalfLife(skill.halfLifeMonths, `skill ${skill.id}`);
    this.g.mergeNode(skill.id, { category: skill.category, halfLifeMonths: skill.halfLifeMonths });
  }

  private addBroaderEdge(child: string, parent: string): void {
    this.g.addDirectedEdgeWithKey(broaderKey(child, parent), child, parent, { type: 'BROADER', weight: 1 });
    this.broaderCount++;
  }

  private putRelated(from: string, to: string, weight: number): void {
    const key = relatedKey(from, to);
    if (this.g.hasEdge(key)) {
      this.g.setEdgeAttribute(key, 'weight', weight);
    } else {
      this.g.addDirectedEdgeWithKey(key, from, to, { type: 'RELATED', weight });
      this.relatedCount++;
    }
  }

  private validateRelated(from: string, to: string, weight: number): void {
    this.requireSkill(from);
    this.requireSkill(to);
    if (from === to) throw new RangeError(`a skill cannot be related to itself (${from})`);
    if (!(weight > 0 && weight <= 1)) throw new RangeError(`related weight must be in (0, 1], got ${weight}`);
  }

  private requireSkill(id: string): void {
    if (!this.g.hasNode(id)) throw new Error(`unknown skill ${id}`);
  }
}

/** Kahn's algorithm on child → parent edges (self loops count as cycles). */
function isAcyclic(edges: readonly [string, string][]): boolean {
  const index = new Map<string, number>();
  const id = (s: string): number => {
    let i = index.get(s);
    if (i === undefined) {
      i = index.size;
      index.set(s, i);
    }
    return i;
  };
  const from = new Int32Array(edges.length);
  const to = new Int32Array(edges.length);
  edges.forEach(([c, p], k) => {
    from[k] = id(c);
    to[k] = id(p);
  });
  const n = index.size;
  const indeg = new Int32Array(n);
  const start = new Int32Array(n + 1);
  for (let k = 0; k < edges.length; k++) {
    indeg[to[k]]++;
    start[from[k] + 1]++;
  }
  for (let i = 0; i < n; i++) start[i + 1] += start[i];
  const adj = new Int32Array(edges.length);
  const fill = start.slice(0, n);
  for (let k = 0; k < edges.length; k++) adj[fill[from[k]]++] = to[k];
  const queue: number[] = [];
  for (let i = 0; i < n; i++) if (indeg[i] === 0) queue.push(i);
  let done = 0;
  while (queue.length > 0) {
    const v = queue.pop() as number;
    done++;
    for (let e = start[v]; e < start[v + 1]; e++) if (--indeg[adj[e]] === 0) queue.push(adj[e]);
  }
  return done === n;
}

function assertHalfLife(v: number, what: string): void {
  if (!(Number.isFinite(v) && v > 0)) throw new RangeError(`half-life of ${what} must be a positive number of months, got ${v}`);
}
