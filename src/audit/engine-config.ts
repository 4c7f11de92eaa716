import { configHash, MatchConfig } from '../domain/matching/match-config';
import { COVERAGE_FORMULA_VERSION } from '../domain/matching/match-engine';
import { SimilarityConfig } from '../domain/taxonomy/similarity-config';

/** What a ranking was computed with, stored with every audit record; `configHash` of it is the engine's configuration hash. */
export interface EngineConfig {
  readonly match: MatchConfig;
  readonly similarity: SimilarityConfig;
}

/**
 * The hash covers the coverage formula's version too: an audit record made under another formula
 * replays with configMatches false (its differences are explained by the configuration).
 */
export function engineConfigHash(config: EngineConfig): string {
  return configHash({ formula: COVERAGE_FORMULA_VERSION, match: config.match, similarity: config.similarity });
}
