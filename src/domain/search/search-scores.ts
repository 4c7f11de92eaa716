/**
 * Score tiers of `searchSkills` and thresholds of `resolveSkills` / `extractSkills`.
 *
 * Tiers never overlap, so "exact first, then prefix, then fuzzy" holds by construction:
 *
 *   exact   1                      normalised query == a name/alias (or its punctuation variant:
 *                                  "nodejs" / "node js" for "Node.js")
 *   loose   0.95                   same words ignoring order and plural ("learning machine",
 *                                  "databases use"), ignoring spaces ("java script"), or ignoring
 *                                  filler words ("communication skills", "knowledge of Python")
 *   prefix  (0.70, 0.90)           query is a prefix of a name/alias; 0.70 + 0.20 × |query|/|label|
 *   fuzzy   (0, 0.68)              0.68 × similarity; similarity = max of Fuse (1 − bitap errors /
 *                                  length, × length ratio so a match inside a longer label ranks
 *                                  lower) and whole-key OSA (1 − edits / length), as written or with
 *                                  sorted tokens. One typo in "javascript" → 0.9 → 0.612.
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
 * `resolveSkills` returns null below this score. 0.5 accepts every exact, loose and prefix hit
 * and fuzzy hits with similarity ≥ 0.735, i.e. about one typo per 4 characters: "javascirpt"
 * (1 typo, 0.612), "jvascirpt" (2 typos, 0.544) and "jva" (0.51) resolve; a word merely contained
 * in a longer label ("management" in "project management", 0.377), a look-alike ("kubernetes" vs
 * "cybernetics", 0.433) and unrelated text ("xyzzy plugh") do not.
 */
export const RESOLVE_MIN_SCORE = 0.5;

/**
 * `resolveSkills` ignores prefix completions covering less than this share of the label (in
 * characters, normalised): "postgres" → "postgresql" (0.8) resolves, "java" → "javascript" (0.4)
 * or "go" → "goal setting" do not; the fuzzy tier then gets its chance instead.
 */
export const RESOLVE_MIN_PREFIX_COVERAGE = 0.5;

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
