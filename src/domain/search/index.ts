export { SkillSearchIndex, MAX_QUERY_LENGTH, MAX_SEARCH_RESULTS } from './skill-search-index';
export { TextNormaliser } from './text-normaliser';
export { EXTRACTION_CONFIDENCE, RESOLVE_MIN_PREFIX_COVERAGE, RESOLVE_MIN_SCORE, SEARCH_SCORES } from './search-scores';
export type {
  ExtractedSkill,
  SearchableSkill,
  SearchMatchKind,
  SkillResolution,
  SkillSearchHit,
  TextToken,
} from './search.types';
