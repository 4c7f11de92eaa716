export { BadgeVerifier, DEFAULT_MAX_INPUT_BYTES } from './badge-verifier';
export { BadgeInputError } from './badge-input.error';
export type { BadgeInputErrorCode } from './badge-input.error';
export { NetworkFetchRefusedError } from './network-fetch-refused.error';
export { escoSkillUris, levelFromResults, normalizeEscoSkillUri } from './achievement-mapping';
export type { AchievementLevel } from './achievement-mapping';
export type * from './types';
