import { MigrationInterface, QueryRunner } from 'typeorm';

/** The whole domain model: taxonomy, occupations, credentials, candidates and evidence, jobs, pathways. */
export class InitialSchema1764374400000 implements MigrationInterface {
  name = 'InitialSchema1764374400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE skill (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (length(btrim(name)) > 0),
        aliases text[] NOT NULL DEFAULT '{}',
        description text,
        category text NOT NULL CHECK (category IN ('TECHNICAL', 'DURABLE')),
        half_life_months double precision CHECK (half_life_months > 0),
        external_uri text UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX skill_name_idx ON skill (name, id);

      CREATE TABLE skill_broader (
        skill_id uuid NOT NULL REFERENCES skill (id) ON DELETE CASCADE,
        broader_id uuid NOT NULL REFERENCES skill (id) ON DELETE CASCADE,
        PRIMARY KEY (skill_id, broader_id),
        CHECK (skill_id <> broader_id)
      );
      CREATE INDEX skill_broader_broader_idx ON skill_broader (broader_id);

      CREATE TABLE skill_relation (
        skill_id uuid NOT NULL REFERENCES skill (id) ON DELETE CASCADE,
        related_id uuid NOT NULL REFERENCES skill (id) ON DELETE CASCADE,
        weight double precision NOT NULL CHECK (weight > 0 AND weight <= 1),
        PRIMARY KEY (skill_id, related_id),
        CHECK (skill_id <> related_id)
      );
      CREATE INDEX skill_relation_related_idx ON skill_relation (related_id);

      CREATE TABLE occupation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (length(btrim(name)) > 0),
        aliases text[] NOT NULL DEFAULT '{}',
        description text,
        external_uri text UNIQUE,
        isco_group text
      );
      CREATE INDEX occupation_name_idx ON occupation (name, id);

      CREATE TABLE occupation_skill (
        occupation_id uuid NOT NULL REFERENCES occupation (id) ON DELETE CASCADE,
        skill_id uuid NOT NULL REFERENCES skill (id) ON DELETE CASCADE,
        essential boolean NOT NULL,
        PRIMARY KEY (occupation_id, skill_id)
      );
      CREATE INDEX occupation_skill_skill_idx ON occupation_skill (skill_id);

      CREATE TABLE credential (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (length(btrim(name)) > 0),
        issuer text NOT NULL CHECK (length(btrim(issuer)) > 0),
        type text NOT NULL CHECK (type IN ('MICRO_CREDENTIAL', 'BADGE', 'CERTIFICATE', 'CERTIFICATION', 'DEGREE')),
        hours double precision NOT NULL CHECK (hours >= 0),
        cost double precision NOT NULL CHECK (cost >= 0),
        validity_months integer CHECK (validity_months > 0),
        academic_credits double precision CHECK (academic_credits >= 0),
        required_components integer CHECK (required_components > 0),
        description text,
        external_id text UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX credential_name_idx ON credential (name, id);

      CREATE TABLE credential_skill (
        credential_id uuid NOT NULL REFERENCES credential (id) ON DELETE CASCADE,
        skill_id uuid NOT NULL REFERENCES skill (id) ON DELETE RESTRICT,
        level integer NOT NULL CHECK (level BETWEEN 1 AND 5),
        PRIMARY KEY (credential_id, skill_id)
      );
      CREATE INDEX credential_skill_skill_idx ON credential_skill (skill_id);

      CREATE TABLE credential_prerequisite (
        credential_id uuid NOT NULL REFERENCES credential (id) ON DELETE CASCADE,
        prerequisite_id uuid NOT NULL REFERENCES credential (id) ON DELETE RESTRICT,
        PRIMARY KEY (credential_id, prerequisite_id),
        CHECK (credential_id <> prerequisite_id)
      );
      CREATE INDEX credential_prerequisite_prerequisite_idx ON credential_prerequisite (prerequisite_id);

      CREATE TABLE credential_component (
        credential_id uuid NOT NULL REFERENCES credential (id) ON DELETE CASCADE,
        component_id uuid NOT NULL REFERENCES credential (id) ON DELETE RESTRICT,
        PRIMARY KEY (credential_id, component_id),
        CHECK (credential_id <> component_id)
      );
      CREATE INDEX credential_component_component_idx ON credential_component (component_id);

      CREATE TABLE candidate (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (length(btrim(name)) > 0),
        email text,
        discoverable boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX candidate_name_idx ON candidate (name, id);
      CREATE INDEX candidate_discoverable_idx ON candidate (id) WHERE discoverable;

      CREATE TABLE earned_credential (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        candidate_id uuid NOT NULL REFERENCES candidate (id) ON DELETE CASCADE,
        credential_id uuid NOT NULL REFERENCES credential (id) ON DELETE RESTRICT,
        issued_at timestamptz NOT NULL,
        expires_at timestamptz,
        verification text NOT NULL DEFAULT 'VERIFIED' CHECK (verification IN ('VERIFIED', 'UNVERIFIED', 'FAILED', 'REVOKED')),
        verification_checks jsonb NOT NULL DEFAULT '[]',
        source_hash text,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (expires_at IS NULL OR expires_at > issued_at),
        UNIQUE (candidate_id, source_hash)
      );
      CREATE INDEX earned_credential_candidate_idx ON earned_credential (candidate_id);
      CREATE INDEX earned_credential_credential_idx ON earned_credential (credential_id);

      CREATE TABLE skill_evidence (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        candidate_id uuid NOT NULL REFERENCES candidate (id) ON DELETE CASCADE,
        skill_id uuid NOT NULL REFERENCES skill (id) ON DELETE RESTRICT,
        level integer NOT NULL CHECK (level BETWEEN 1 AND 5),
        evidenced_at timestamptz NOT NULL,
        source text NOT NULL CHECK (source IN ('CREDENTIAL', 'ASSESSMENT', 'EXPERIENCE', 'SELF_REPORTED')),
        earned_credential_id uuid REFERENCES earned_credential (id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((source = 'CREDENTIAL') = (earned_credential_id IS NOT NULL))
      );
      CREATE INDEX skill_evidence_candidate_idx ON skill_evidence (candidate_id);
      CREATE INDEX skill_evidence_skill_idx ON skill_evidence (skill_id, candidate_id) INCLUDE (level, evidenced_at, source, earned_credential_id);
      CREATE INDEX skill_evidence_earned_credential_idx ON skill_evidence (earned_credential_id);

      CREATE TABLE job (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        title text NOT NULL CHECK (length(btrim(title)) > 0),
        description text,
        occupation_id uuid REFERENCES occupation (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX job_title_idx ON job (title, id);

      CREATE TABLE job_requirement (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        job_id uuid NOT NULL REFERENCES job (id) ON DELETE CASCADE,
        skill_id uuid NOT NULL REFERENCES skill (id) ON DELETE RESTRICT,
        level integer NOT NULL CHECK (level BETWEEN 1 AND 5),
        weight double precision NOT NULL CHECK (weight > 0),
        mandatory boolean NOT NULL DEFAULT false,
        position integer NOT NULL CHECK (position >= 0),
        UNIQUE (job_id, skill_id),
        UNIQUE (job_id, position)
      );
      CREATE INDEX job_requirement_skill_idx ON job_requirement (skill_id);

      CREATE TABLE pathway (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (length(btrim(name)) > 0),
        candidate_id uuid REFERENCES candidate (id) ON DELETE CASCADE,
        job_id uuid REFERENCES job (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX pathway_candidate_idx ON pathway (candidate_id);

      CREATE TABLE pathway_step (
        pathway_id uuid NOT NULL REFERENCES pathway (id) ON DELETE CASCADE,
        position integer NOT NULL CHECK (position >= 1),
        credential_id uuid NOT NULL REFERENCES credential (id) ON DELETE RESTRICT,
        PRIMARY KEY (pathway_id, position),
        UNIQUE (pathway_id, credential_id)
      );
      CREATE INDEX pathway_step_credential_idx ON pathway_step (credential_id);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE pathway_step; DROP TABLE pathway;
      DROP TABLE job_requirement; DROP TABLE job;
      DROP TABLE skill_evidence; DROP TABLE earned_credential; DROP TABLE candidate;
      DROP TABLE credential_component; DROP TABLE credential_prerequisite; DROP TABLE credential_skill; DROP TABLE credential;
      DROP TABLE occupation_skill; DROP TABLE occupation;
      DROP TABLE skill_relation; DROP TABLE skill_broader; DROP TABLE skill;
    `);
  }
}
