/**
 * Similarity defaults — the ONE place they are defined.
 *
 * sim(evidenceSkill, requiredSkill) is the best product of step factors over walks of at most
 * `maxHops` steps from the REQUIRED skill to the EVIDENCE skill:
 *
 *   step DOWN to a narrower skill (evidence more specific) ... narrowerStep            = 0.9
 *   step RELATED with edge weight w ........................... relatedStep(w)
 *                                                              = relatedMin + (relatedMax − relatedMin) · w
 *                                                              = 0.5 + 0.3 · w   ∈ (0.5, 0.8]
 *   step UP to a broader skill (evidence more general) ........ broaderStep            = 0.5
 *
 * The related factor is affine in the weight (a factor 0.3 on the weight on top of a base 0.5)
 * rather than purely proportional, so that at equal distance NARROWER > RELATED > BROADER holds for
 * EVERY weight in (0, 1]: 0.9 > 0.5 + 0.3w > 0.5 for 0 < w ≤ 1, and likewise for products of k
 * steps of one kind (0.9^k > (0.5+0.3w)^k > 0.5^k).
 *
 * Values below `floor` (0.2) count as 0 (no credit); walks longer than `maxHops` (3) are ignored.
 * Examples: 1 hop narrower 0.9, 2 hops 0.81, 3 hops 0.729; broader 0.5, 0.25, (0.125 → 0);
 * related w=1: 0.8, 0.64, 0.512; sibling (up then down) 0.45.
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
