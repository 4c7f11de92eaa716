/**
 * Self-declared demographic categories (all optional). The same lists are the CHECK constraints of
 * candidate_demographics (migrations/1764633600002-candidate-demographics.ts).
 */
export const SEX_VALUES = ['FEMALE', 'MALE', 'NON_BINARY', 'OTHER'] as const;
export const ETHNICITY_VALUES = [
  'ASIAN',
  'BLACK_OR_AFRICAN',
  'HISPANIC_OR_LATINO',
  'MIDDLE_EASTERN_OR_NORTH_AFRICAN',
  'NATIVE_OR_INDIGENOUS',
  'PACIFIC_ISLANDER',
  'WHITE',
  'MIXED',
  'OTHER',
] as const;
export const AGE_BAND_VALUES = ['UNDER_25', 'AGE_25_34', 'AGE_35_44', 'AGE_45_54', 'AGE_55_64', 'AGE_65_PLUS'] as const;

export type Sex = (typeof SEX_VALUES)[number];
export type Ethnicity = (typeof ETHNICITY_VALUES)[number];
export type AgeBand = (typeof AGE_BAND_VALUES)[number];

/** A candidate's declaration; null/undefined = not declared. */
export interface Demographics {
  readonly sex?: Sex | null;
  readonly ethnicity?: Ethnicity | null;
  readonly ageBand?: AgeBand | null;
}

export type Category = keyof Demographics;
export const CATEGORIES: readonly Category[] = ['sex', 'ethnicity', 'ageBand'];
export const CATEGORY_VALUES: Readonly<Record<Category, readonly string[]>> = { sex: SEX_VALUES, ethnicity: ETHNICITY_VALUES, ageBand: AGE_BAND_VALUES };

/** The group of candidates who declared nothing for a category: a group of its own. */
export const UNDECLARED = 'UNDECLARED';
