/**
 * Similarity defaults — the ONE place they are defined.
 *
 * sim(evidenceSkill, requiredSkill) is the best product of step factors over walks of at most
 * `maxHops` steps from the REQUIRED skill to the EVIDENCE skill:
 *
 *   step DOWN to a narrower skill (evidence more specific) ... narrowerStep            = 0.85
 *   step RELATED with edge weight w ........................... relatedStep(w)
 *                                                              = relatedMin + (relatedMax − relatedMin) · w
 *                                                              = 0.6 + 0.2 · w   ∈ (0.6, 0.8]
 *   step UP to a broader skill (evidence more general) ........ broaderStep            = 0.4
 *
 * The related factor is affine in the weight rather than purely proportional, so that at equal
 * distance NARROWER > RELATED > BROADER holds for EVERY weight in (0, 1]: 0.85 > 0.6 + 0.2w > 0.4
 * for 0 < w ≤ 1, and likewise for products of k steps of one kind. Every neighbour stays below 1,
 * so fresh exact evidence at the level (coverage 1) beats any neighbour (coverage ≤ sim).
 *
 * Values below `floor` (0.35) count as 0 (no credit); walks longer than `maxHops` (2) are ignored.
 * Examples: narrower 0.85, 2 hops 0.7225; broader 0.4 (2 hops 0.16 → 0); related (ESCO essential,
 * w = 0.8) 0.76, optional (w = 0.5) 0.7; related then narrower 0.646; sibling (up then down) 0.34 → 0.
 *
 * Evidence: `npm run bench:match-quality` on the full ESCO v1.1.1 (150 non-ICT occupations of ISCO
 * groups 2, 3, 7 with ≥ 5 essential skills, seed 13; each job's right candidate holds a narrower or
 * related neighbour of every essential skill instead of the skill):
 *
 *                                          MRR     NDCG@10 by ISCO group   exact beats neighbour
 *   exact only (maxHops 0)               0.151    0.188                    100 %
 *   one-hop (0.8 / 0.6 / 0.5, 1 hop)     0.952    0.808                    100 %
 *   previous defaults (0.9, 0.5+0.3w,    0.866    0.766                    100 %
 *     0.5, floor 0.2, 3 hops)
 *   these defaults                       0.967    0.816                    100 %
 *
 * (At 60 occupations: one-hop 0.983, these 0.983 — a tie, previous 0.933.) The previous walks of 3
 * hops with siblings at 0.45 gave wrong candidates credit through loose relations; a grid over
 * hops {1, 2, 3} × narrower {0.85, 0.9, 0.95} × related {0.5/0.6 .. 0.8} × broader {0.4, 0.5} ×
 * floor {0.2 .. 0.55} (`--grid`) put 2 hops with a floor that cuts siblings and two broader steps
 * on top, and the ISCO-graded NDCG (candidates of the same ISCO unit / minor group next) improves
 * with it rather than at its expense.
 */
export interface SimilarityConfig {
  /** factor per step from the required skill down to a narrower one, in (0, 1] */
  readonly narrowerStep: number;
  /** factor per related step at weight → 0 (exclusive lower end) */
  readonly relatedMin: number;
  /** factor per related step at weight 1 */
  readonly relatedMax: number;
  /** factor per step from the required skill up to a broader one, in (0, 1] */
  readonly broaderStep: number;
  /** similarities below this are cut to 0 */
  readonly floor: number;
  /** maximum walk length */
  readonly maxHops: number;
}

export const DEFAULT_SIMILARITY_CONFIG: SimilarityConfig = Object.freeze({
  narrowerStep: 0.85,
  relatedMin: 0.6,
  relatedMax: 0.8,
  broaderStep: 0.4,
  floor: 0.35,
  maxHops: 2,
});

/** The defaults before the ESCO calibration (kept for specs that pin their worked examples to them). */
export const PREVIOUS_SIMILARITY_CONFIG: SimilarityConfig = Object.freeze({
  narrowerStep: 0.9,
  relatedMin: 0.5,
  relatedMax: 0.8,
  broaderStep: 0.5,
  floor: 0.2,
  maxHops: 3,
});

/**
 * Merges overrides onto the defaults and validates the ordering invariant
 * 0 < broaderStep ≤ relatedMin < relatedMax < narrowerStep ≤ 1, 0 < floor ≤ 1, maxHops integer in [0, 6].
 */
export function resolveSimilarityConfig(overrides: Partial<SimilarityConfig> = {}): SimilarityConfig {
  const c: SimilarityConfig = { ...DEFAULT_SIMILARITY_CONFIG, ...overrides };
  const ok =
    c.broaderStep > 0 &&
    c.broaderStep <= c.relatedMin &&
    c.relatedMin < c.relatedMax &&
    c.relatedMax < c.narrowerStep &&
    c.narrowerStep <= 1 &&
    c.floor > 0 &&
    c.floor <= 1 &&
    Number.isInteger(c.maxHops) &&
    c.maxHops >= 0 &&
    c.maxHops <= 6;
  if (!ok) {
    throw new RangeError(
      'similarity config must satisfy 0 < broaderStep <= relatedMin < relatedMax < narrowerStep <= 1, ' +
        `0 < floor <= 1 and integer 0 <= maxHops <= 6; got ${JSON.stringify(c)}`,
    );
  }
  return Object.freeze(c);
}

/** The factor of one related step of weight w ∈ (0, 1]. */
export function relatedStep(config: SimilarityConfig, weight: number): number {
  return config.relatedMin + (config.relatedMax - config.relatedMin) * weight;
}
