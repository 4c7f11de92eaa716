import { SkillGraph, StepKind } from './skill-graph';
import { SimilarityConfig, relatedStep, resolveSimilarityConfig } from './similarity-config';

/**
 * How evidence of one skill relates to a required skill. `via` rule:
 * - EXACT: the same skill (sim 1).
 * - NARROWER: the best walk only steps DOWN (evidence is a descendant of the required skill).
 * - BROADER: the best walk only steps UP (evidence is an ancestor).
 * - RELATED: every other best walk — any related step, or a mix of UP and DOWN steps
 *   (siblings, cousins, co-parents): lateral relations, not "more specific" nor "more general".
 * - NONE: no walk reaches the evidence skill with sim ≥ floor (only used by matching results).
 * When walks of different kinds reach the same best value exactly, the first of
 * NARROWER, RELATED, BROADER wins.
 */
export type MatchVia = 'EXACT' | 'NARROWER' | 'RELATED' | 'BROADER' | 'NONE';

export interface SimilarityEntry {
  /** in [floor, 1] */
  readonly sim: number;
  readonly via: Exclude<MatchVia, 'NONE'>;
}

/** What matching needs from the similarity side. `SimilarityIndex` implements it. */
export interface SimilarityLookup {
  /**
   * evidence skill id → similarity to `requiredSkillId`, for every skill with sim > 0 (always
   * including the required skill itself with sim 1, EXACT). The same map object is returned until
   * the taxonomy changes, so callers may cache derived data keyed by it.
   */
  similarTo(requiredSkillId: string): ReadonlyMap<string, SimilarityEntry>;
}

const D = 0; // only DOWN steps → NARROWER
const U = 1; // only UP steps → BROADER
const M = 2; // anything else → RELATED
const START = 3;

function nextClass(cls: number, kind: StepKind): number {
  if (cls === START) return kind === 'DOWN' ? D : kind === 'UP' ? U : M;
  if (cls === D) return kind === 'DOWN' ? D : M;
  if (cls === U) return kind === 'UP' ? U : M;
  return M;
}

/**
 * Computes the similarity map of one required skill by a layered walk of at most maxHops steps
 * that keeps, per (skill, walk class), the best product; products are formed in walk order
 * starting from the required skill (1 × f1 × f2 …). A required skill unknown to the graph only
 * matches itself.
 */
export function computeSimilarities(
  graph: SkillGraph,
  requiredSkillId: string,
  config: SimilarityConfig,
): Map<string, SimilarityEntry> {
  const result = new Map<string, SimilarityEntry>();
  result.set(requiredSkillId, { sim: 1, via: 'EXACT' });
  if (!graph.has(requiredSkillId)) return result;

  // best[node] = best value per class (D, U, M); 0 = unreached.
  const best = new Map<string, Float64Array>();
  let frontier: { node: string; cls: number; value: number }[] = [{ node: requiredSkillId, cls: START, value: 1 }];
  for (let hop = 1; hop <= config.maxHops && frontier.length > 0; hop++) {
    const improved = new Map<string, Float64Array>(); // states improved in this layer
    for (const state of frontier) {
      graph.forEachStep(state.node, (neighbor, kind, weight) => {
        if (neighbor === requiredSkillId) return; // EXACT already; walks through it are dominated
        const factor =
          kind === 'DOWN' ? config.narrowerStep : kind === 'UP' ? config.broaderStep : relatedStep(config, weight);
        const value = state.value * factor;
        if (value < config.floor) return;
        const cls = nextClass(state.cls, kind);
        let b = best.get(neighbor);
        if (b === undefined) {
          b = new Float64Array(3);
          best.set(neighbor, b);
        }
        if (value > b[cls]) {
          b[cls] = value;
          let imp = improved.get(neighbor);
          if (imp === undefined) {
            imp = new Float64Array(3);
            improved.set(neighbor, imp);
          }
          imp[cls] = value;
        }
      });
    }
    frontier = [];
    for (const [node, imp] of improved) {
      for (let cls = 0; cls < 3; cls++) {
        // only states that are still the best for (node, class) need expanding
        if (imp[cls] > 0 && imp[cls] === (best.get(node) as Float64Array)[cls]) frontier.push({ node, cls, value: imp[cls] });
      }
    }
  }
  for (const [node, b] of best) {
    // precedence on exact ties: NARROWER (D), RELATED (M), BROADER (U)
    let sim = b[D];
    let via: SimilarityEntry['via'] = 'NARROWER';
    if (b[M] > sim) {
      sim = b[M];
      via = 'RELATED';
    }
    if (b[U] > sim) {
      sim = b[U];
      via = 'BROADER';
    }
    if (sim >= config.floor) result.set(node, { sim, via });
  }
  return result;
}

/**
 * Similarity lookups over a `SkillGraph`, computed once per required skill and cached.
 * The whole cache is dropped when `graph.version` changes (any taxonomy mutation), so matching
 * never walks the graph per candidate.
 */
export class SimilarityIndex implements SimilarityLookup {
  readonly config: SimilarityConfig;
  private cache = new Map<string, ReadonlyMap<string, SimilarityEntry>>();
  private cachedVersion: number;

  constructor(
    private readonly graph: SkillGraph,
    config: Partial<SimilarityConfig> = {},
  ) {
    this.config = resolveSimilarityConfig(config);
    this.cachedVersion = graph.version;
  }

  similarTo(requiredSkillId: string): ReadonlyMap<string, SimilarityEntry> {
    if (this.graph.version !== this.cachedVersion) this.clear();
    let m = this.cache.get(requiredSkillId);
    if (m === undefined) {
      m = computeSimilarities(this.graph, requiredSkillId, this.config);
      this.cache.set(requiredSkillId, m);
    }
    return m;
  }

  /** sim(evidenceSkillId, requiredSkillId) ∈ [0, 1]. */
  sim(evidenceSkillId: string, requiredSkillId: string): number {
    return this.similarTo(requiredSkillId).get(evidenceSkillId)?.sim ?? 0;
  }

  /** The `via` of the best walk, NONE when sim is 0. */
  via(evidenceSkillId: string, requiredSkillId: string): MatchVia {
    return this.similarTo(requiredSkillId).get(evidenceSkillId)?.via ?? 'NONE';
  }

  /** Number of required skills currently cached. */
  get cacheSize(): number {
    return this.cache.size;
  }

  clear(): void {
    this.cache = new Map();
    this.cachedVersion = this.graph.version;
  }
}
