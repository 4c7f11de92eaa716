import { MigrationInterface, QueryRunner } from 'typeorm';

/** Which advisors (token `sub`) work with which learners; authorization reads it for the ADVISOR role. */
export class AdvisorAssignment1764633600000 implements MigrationInterface {
  name = 'AdvisorAssignment1764633600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE advisor_assignment (
        candidate_id uuid NOT NULL REFERENCES candidate (id) ON DELETE CASCADE,
        advisor_sub text NOT NULL CHECK (length(btrim(advisor_sub)) > 0 AND length(advisor_sub) <= 200),
        assigned_by text NOT NULL,
        assigned_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (candidate_id, advisor_sub)
      );
      CREATE INDEX advisor_assignment_advisor_idx ON advisor_assignment (advisor_sub, candidate_id);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE advisor_assignment`);
  }
}
