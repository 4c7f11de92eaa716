import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Append-only audit trails: every ranking and match (ranking_audit) and every unmasking of a
 * candidate's name (candidate_unmask). A trigger refuses UPDATE, DELETE and TRUNCATE on both.
 * No foreign keys: the records outlive the jobs and candidates they mention.
 */
export class RankingAudit1764633600001 implements MigrationInterface {
  name = 'RankingAudit1764633600001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION refuse_audit_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'raise_exception';
      END
      $$;

      CREATE TABLE ranking_audit (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        operation text NOT NULL CHECK (operation IN ('rankCandidates', 'matchCandidate')),
        actor_sub text NOT NULL,
        actor_role text NOT NULL CHECK (actor_role IN ('ADMIN', 'RECRUITER', 'ADVISOR', 'LEARNER')),
        job_id uuid NOT NULL,
        arguments jsonb NOT NULL,
        as_of timestamptz NOT NULL,
        config_hash text NOT NULL,
        config jsonb NOT NULL,
        requirements jsonb NOT NULL,
        results jsonb NOT NULL,
        total_count integer
      );
      CREATE INDEX ranking_audit_job_idx ON ranking_audit (job_id, seq);
      CREATE TRIGGER ranking_audit_append_only BEFORE UPDATE OR DELETE ON ranking_audit FOR EACH ROW EXECUTE FUNCTION refuse_audit_change();
      CREATE TRIGGER ranking_audit_no_truncate BEFORE TRUNCATE ON ranking_audit FOR EACH STATEMENT EXECUTE FUNCTION refuse_audit_change();

      CREATE TABLE candidate_unmask (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        actor_sub text NOT NULL,
        actor_role text NOT NULL CHECK (actor_role IN ('ADMIN', 'RECRUITER', 'ADVISOR', 'LEARNER')),
        job_id uuid NOT NULL,
        candidate_id uuid NOT NULL,
        reason text CHECK (reason IS NULL OR length(reason) <= 1000)
      );
      CREATE INDEX candidate_unmask_lookup_idx ON candidate_unmask (actor_sub, job_id, candidate_id);
      CREATE TRIGGER candidate_unmask_append_only BEFORE UPDATE OR DELETE ON candidate_unmask FOR EACH ROW EXECUTE FUNCTION refuse_audit_change();
      CREATE TRIGGER candidate_unmask_no_truncate BEFORE TRUNCATE ON candidate_unmask FOR EACH STATEMENT EXECUTE FUNCTION refuse_audit_change();
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE candidate_unmask; DROP TABLE ranking_audit; DROP FUNCTION refuse_audit_change();`);
  }
}
