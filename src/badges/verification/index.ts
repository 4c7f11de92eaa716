export { BadgeVerifier, DEFAULT_MAX_INPUT_BYTES } from './badge-verifier';
export { BadgeInputError, NetworkFetchRefusedError } from './errors';
export type { BadgeInputErrorCode } from './errors';
export { escoSkillUris, levelFromResults, normalizeEscoSkillUri } from './achievement-mapping';
export type { AchievementLevel } from './achievement-mapping';
export type * from './types';
