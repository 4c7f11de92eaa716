import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Self-declared demographic categories for bias audits, kept apart from the matching data (the
 * engine never reads this table). Every column is optional; a missing row or NULL is "undeclared".
 */
export class CandidateDemographics1764633600002 implements MigrationInterface {
  name = 'CandidateDemographics1764633600002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE candidate_demographics (
        candidate_id uuid PRIMARY KEY REFERENCES candidate (id) ON DELETE CASCADE,
        sex text CHECK (sex IN ('FEMALE', 'MALE', 'NON_BINARY', 'OTHER')),
        ethnicity text CHECK (ethnicity IN (
          'ASIAN', 'BLACK_OR_AFRICAN', 'HISPANIC_OR_LATINO', 'MIDDLE_EASTERN_OR_NORTH_AFRICAN',
          'NATIVE_OR_INDIGENOUS', 'PACIFIC_ISLANDER', 'WHITE', 'MIXED', 'OTHER'
        )),
        age_band text CHECK (age_band IN ('UNDER_25', 'AGE_25_34', 'AGE_35_44', 'AGE_45_54', 'AGE_55_64', 'AGE_65_PLUS')),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE candidate_demographics`);
  }
}
