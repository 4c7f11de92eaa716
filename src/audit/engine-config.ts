import { configHash, MatchConfig } from '../domain/matching/match-config';
import { SimilarityConfig } from '../domain/taxonomy/similarity-config';

/** What a ranking was computed with, stored with every audit record; `configHash` of it is the engine's configuration hash. */
export interface EngineConfig {
  readonly match: MatchConfig;
  readonly similarity: SimilarityConfig;
}

export function engineConfigHash(config: EngineConfig): string {
  return configHash({ match: config.match, similarity: config.similarity });
}
