/**
 * Self-declared demographic categories (all optional), as NYC Local Law 144 audits name them
 * (6 RCNY § 5-301 refers to the EEO-1 Component 1 categories):
 *
 *  sex             male, female, and the further categories the rules allow (non-binary; another sex)
 *  race/ethnicity  Hispanic or Latino (of any race), or one race not Hispanic or Latino: White,
 *                  Black or African American, Native Hawaiian or Other Pacific Islander, Asian,
 *                  American Indian or Alaska Native, Two or More Races; plus Middle Eastern or
 *                  North African, which the 2024 federal standard (OMB SPD 15) adds
 *  age band        not a Local Law 144 category; kept for the wider impact report
 *
 * The same lists are the CHECK constraints of candidate_demographics (migrations
 * 1764633600002-candidate-demographics.ts, then 1796688307719-eeo1-race-ethnicity.ts).
 */
export const SEX_VALUES = ['MALE', 'FEMALE', 'NON_BINARY', 'OTHER'] as const;
export const ETHNICITY_VALUES = [
  'HISPANIC_OR_LATINO',
  'WHITE',
  'BLACK_OR_AFRICAN_AMERICAN',
  'NATIVE_HAWAIIAN_OR_OTHER_PACIFIC_ISLANDER',
  'ASIAN',
  'AMERICAN_INDIAN_OR_ALASKA_NATIVE',
  'TWO_OR_MORE_RACES',
  'MIDDLE_EASTERN_OR_NORTH_AFRICAN',
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

/** How a category is named in a published summary. */
export const CATEGORY_NAMES: Readonly<Record<Category, string>> = { sex: 'Sex', ethnicity: 'Race/Ethnicity', ageBand: 'Age band' };

/** How each value is printed in a published summary (the EEO-1 wording). */
export const VALUE_LABELS: Readonly<Record<string, string>> = {
  MALE: 'Male',
  FEMALE: 'Female',
  NON_BINARY: 'Non-binary',
  OTHER: 'Another sex',
  HISPANIC_OR_LATINO: 'Hispanic or Latino',
  WHITE: 'White (Not Hispanic or Latino)',
  BLACK_OR_AFRICAN_AMERICAN: 'Black or African American (Not Hispanic or Latino)',
  NATIVE_HAWAIIAN_OR_OTHER_PACIFIC_ISLANDER: 'Native Hawaiian or Other Pacific Islander (Not Hispanic or Latino)',
  ASIAN: 'Asian (Not Hispanic or Latino)',
  AMERICAN_INDIAN_OR_ALASKA_NATIVE: 'American Indian or Alaska Native (Not Hispanic or Latino)',
  TWO_OR_MORE_RACES: 'Two or More Races (Not Hispanic or Latino)',
  MIDDLE_EASTERN_OR_NORTH_AFRICAN: 'Middle Eastern or North African (Not Hispanic or Latino)',
  UNDER_25: 'Under 25',
  AGE_25_34: '25–34',
  AGE_35_44: '35–44',
  AGE_45_54: '45–54',
  AGE_55_64: '55–64',
  AGE_65_PLUS: '65 and over',
};

/** The dimensions a Local Law 144 audit calculates separately: sex, race/ethnicity, and their intersection. */
export const LAW_DIMENSIONS: readonly (readonly Category[])[] = [['sex'], ['ethnicity'], ['sex', 'ethnicity']];
