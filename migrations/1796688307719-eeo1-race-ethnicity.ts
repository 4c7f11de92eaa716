import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Race/ethnicity declarations in the EEO-1 categories that NYC Local Law 144 audits use
 * (src/domain/fairness/categories.ts), plus Middle Eastern or North African (2024 federal standard).
 * Existing declarations keep their meaning:
 *
 *  BLACK_OR_AFRICAN      → BLACK_OR_AFRICAN_AMERICAN
 *  PACIFIC_ISLANDER      → NATIVE_HAWAIIAN_OR_OTHER_PACIFIC_ISLANDER
 *  NATIVE_OR_INDIGENOUS  → AMERICAN_INDIAN_OR_ALASKA_NATIVE
 *  MIXED                 → TWO_OR_MORE_RACES
 *  OTHER                 → NULL: no EEO-1 category; an audit counts the person as unknown either way
 *  the others (HISPANIC_OR_LATINO, WHITE, ASIAN, MIDDLE_EASTERN_OR_NORTH_AFRICAN) unchanged
 *
 * updated_at is left alone: the person declared nothing new. Sex values are unchanged.
 */
export class Eeo1RaceEthnicity1796688307719 implements MigrationInterface {
  name = 'Eeo1RaceEthnicity1796688307719';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE candidate_demographics DROP CONSTRAINT candidate_demographics_ethnicity_check;
      UPDATE candidate_demographics SET ethnicity = CASE ethnicity
          WHEN 'BLACK_OR_AFRICAN' THEN 'BLACK_OR_AFRICAN_AMERICAN'
          WHEN 'PACIFIC_ISLANDER' THEN 'NATIVE_HAWAIIAN_OR_OTHER_PACIFIC_ISLANDER'
          WHEN 'NATIVE_OR_INDIGENOUS' THEN 'AMERICAN_INDIAN_OR_ALASKA_NATIVE'
          WHEN 'MIXED' THEN 'TWO_OR_MORE_RACES'
          WHEN 'OTHER' THEN NULL
          ELSE ethnicity END
        WHERE ethnicity IN ('BLACK_OR_AFRICAN', 'PACIFIC_ISLANDER', 'NATIVE_OR_INDIGENOUS', 'MIXED', 'OTHER');
      ALTER TABLE candidate_demographics ADD CONSTRAINT candidate_demographics_ethnicity_check CHECK (ethnicity IN (
        'HISPANIC_OR_LATINO', 'WHITE', 'BLACK_OR_AFRICAN_AMERICAN', 'NATIVE_HAWAIIAN_OR_OTHER_PACIFIC_ISLANDER',
        'ASIAN', 'AMERICAN_INDIAN_OR_ALASKA_NATIVE', 'TWO_OR_MORE_RACES', 'MIDDLE_EASTERN_OR_NORTH_AFRICAN'
      ));
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE candidate_demographics DROP CONSTRAINT candidate_demographics_ethnicity_check;
      UPDATE candidate_demographics SET ethnicity = CASE ethnicity
          WHEN 'BLACK_OR_AFRICAN_AMERICAN' THEN 'BLACK_OR_AFRICAN'
          WHEN 'NATIVE_HAWAIIAN_OR_OTHER_PACIFIC_ISLANDER' THEN 'PACIFIC_ISLANDER'
          WHEN 'AMERICAN_INDIAN_OR_ALASKA_NATIVE' THEN 'NATIVE_OR_INDIGENOUS'
          WHEN 'TWO_OR_MORE_RACES' THEN 'MIXED'
          ELSE ethnicity END;
      ALTER TABLE candidate_demographics ADD CONSTRAINT candidate_demographics_ethnicity_check CHECK (ethnicity IN (
        'ASIAN', 'BLACK_OR_AFRICAN', 'HISPANIC_OR_LATINO', 'MIDDLE_EASTERN_OR_NORTH_AFRICAN',
        'NATIVE_OR_INDIGENOUS', 'PACIFIC_ISLANDER', 'WHITE', 'MIXED', 'OTHER'
      ));
    `);
  }
}
