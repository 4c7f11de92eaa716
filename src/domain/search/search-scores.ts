/**
 * Score tiers of `searchSkills` and thresholds of `resolveSkills` / `extractSkills`.
 *
 * Tiers never overlap, so "exact first, then prefix, then fuzzy" holds by construction:
 *
 *   exact   1                      normalised query == a name/alias (or its punctuation variant:
 *                                  "nodejs" / "node js" for "Node.js")
 *   loose   0.95                   same words ignoring order and plural ("learning machine",
 *                                  "databases use") or ignoring spaces ("java script")
 *   prefix  (0.70, 0.90)           query is a prefix of a name/alias; 0.70 + 0.20 × |query|/|label|
 *   fuzzy   (0, 0.68]              0.68 × similarity, similarity from Fuse (bitap, errors / length)
 *                                  damped by the length ratio (substring matches rank lower)
 */
export const SEARCH_SCORES = {
  exact: 1,
  loose: 0.95,
  prefixBase: 0.7,
  prefixSpan: 0.2,
  fuzzyCeiling: 0.68,
} as const;

/** Shortest normalised query (in characters) used for prefix matching. */
export const PREFIX_MIN_QUERY_LENGTH = 2;

/** Shortest normalised query (in characters) used for fuzzy matching. */
export const FUZZY_MIN_QUERY_LENGTH = 3;

/**
 * `resolveSkills` returns null below this score. 0.45 accepts every exact, loose and prefix hit
 * and fuzzy hits with similarity ≥ 0.66: "javascirpt" (0.8 similarity) resolves,
 * while unrelated text ("xyzzy plugh") does not.
 */
export const RESOLVE_MIN_SCORE = 0.45;

/**
 * Confidence of `extractSkills` hits:
 *  - exact: the span normalises to exactly a name or alias, or to one of its punctuation variants
 *    ("nodejs" / "node js" for "Node.js", "ecommerce" for "e-commerce");
 *  - folded: the span only matches after plural/singular folding ("databases" for "database");
 *  - ambiguityFactor multiplies the above when the phrase is an alias of several skills and the
 *    name of none of them (the engine still picks one: shortest name, then smallest id).
 */
export const EXTRACTION_CONFIDENCE = {
  exact: 1,
  folded: 0.9,
  ambiguityFactor: 0.8,
} as const;
