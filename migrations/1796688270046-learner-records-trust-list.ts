import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Credentials you can trust (issue 15):
 *  - `credential.owner_candidate_id`: a learner's own achievement record (an import not mapped onto the
 *    catalogue under trust). Never part of the catalogue; external ids stay unique within the catalogue only.
 *  - `earned_credential.verified_by`: the trusted issuer that made an import VERIFIED; imports keep the
 *    expiresAt their credential states (even one not after issuedAt).
 *  - `trusted_issuer`: the ADMIN's trust list (issuer id → catalogue issuers it is trusted for, keys).
 *  - Earlier imports re-judged: VERIFIED from a did:key / did:jwk (no trust-store key) becomes UNVERIFIED;
 *    every import becomes the learner's own record (nothing was trusted for the catalogue), and the
 *    catalogue credentials imports created (same transaction as their first import) are removed.
 */
export class LearnerRecordsTrustList1796688270046 implements MigrationInterface {
  name = 'LearnerRecordsTrustList1796688270046';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE credential ADD COLUMN owner_candidate_id uuid REFERENCES candidate (id) ON DELETE CASCADE;
      CREATE INDEX credential_owner_idx ON credential (owner_candidate_id) WHERE owner_candidate_id IS NOT NULL;
      ALTER TABLE credential DROP CONSTRAINT credential_external_id_key;
      CREATE UNIQUE INDEX credential_catalogue_external_id_key ON credential (external_id) WHERE owner_candidate_id IS NULL;
      ALTER TABLE earned_credential DROP CONSTRAINT earned_credential_credential_id_fkey;
      ALTER TABLE earned_credential ADD CONSTRAINT earned_credential_credential_id_fkey FOREIGN KEY (credential_id) REFERENCES credential (id) ON DELETE NO ACTION;
      ALTER TABLE earned_credential ADD COLUMN verified_by text;
      CREATE TABLE trusted_issuer (
        issuer_id text PRIMARY KEY CHECK (length(issuer_id) <= 2000 AND issuer_id !~ '\\s' AND (issuer_id ~ '^did:[a-z0-9]+:.+' OR issuer_id ~ '^https://.+')),
        name text,
        trusted_for text[] NOT NULL DEFAULT '{}',
        public_keys jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(public_keys) = 'array'),
        loaded_at timestamptz NOT NULL DEFAULT now(),
        loaded_by text
      );
    `);
    const checks: { conname: string }[] = await q.query(
      `SELECT conname FROM pg_constraint WHERE conrelid = 'earned_credential'::regclass AND contype = 'c' AND pg_get_constraintdef(oid) LIKE '%expires_at%'`,
    );
    for (const c of checks) await q.query(`ALTER TABLE earned_credential DROP CONSTRAINT "${c.conname}"`);
    await q.query(`
      ALTER TABLE earned_credential ADD CONSTRAINT earned_credential_expiry_check CHECK (expires_at IS NULL OR expires_at > issued_at OR source_hash IS NOT NULL);

      UPDATE earned_credential
         SET verification = 'UNVERIFIED',
             verification_checks = verification_checks || '[{"name": "issuer-trust", "outcome": "FAIL", "detail": "re-judged: a self-made identity (did:key / did:jwk) not on the trust list"}]'::jsonb
       WHERE source_hash IS NOT NULL AND verification = 'VERIFIED' AND verification_checks::text NOT LIKE '%trust-store%';

      ALTER TABLE credential ADD COLUMN import_earned_id uuid;
      CREATE TEMP TABLE import_created ON COMMIT DROP AS
        SELECT DISTINCT c.id FROM credential c JOIN earned_credential ec ON ec.credential_id = c.id
         WHERE ec.source_hash IS NOT NULL AND ec.created_at = c.created_at;
      INSERT INTO credential (name, issuer, type, hours, cost, validity_months, academic_credits, description, external_id, owner_candidate_id, import_earned_id)
        SELECT c.name, c.issuer, c.type, 0, 0, NULL, c.academic_credits, c.description, c.external_id, ec.candidate_id, ec.id
          FROM earned_credential ec JOIN credential c ON c.id = ec.credential_id
         WHERE ec.source_hash IS NOT NULL AND c.owner_candidate_id IS NULL;
      INSERT INTO credential_skill (credential_id, skill_id, level)
        SELECT n.id, cs.skill_id, cs.level FROM credential n
          JOIN earned_credential ec ON ec.id = n.import_earned_id
          JOIN credential_skill cs ON cs.credential_id = ec.credential_id;
      UPDATE earned_credential ec SET credential_id = n.id FROM credential n WHERE n.import_earned_id = ec.id;
      ALTER TABLE credential DROP COLUMN import_earned_id;
      DELETE FROM credential c USING import_created i
       WHERE c.id = i.id
         AND NOT EXISTS (SELECT 1 FROM earned_credential e WHERE e.credential_id = c.id)
         AND NOT EXISTS (SELECT 1 FROM credential_prerequisite p WHERE p.credential_id = c.id OR p.prerequisite_id = c.id)
         AND NOT EXISTS (SELECT 1 FROM credential_component k WHERE k.credential_id = c.id OR k.component_id = c.id)
         AND NOT EXISTS (SELECT 1 FROM pathway_step s WHERE s.credential_id = c.id);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE trusted_issuer;
      ALTER TABLE earned_credential DROP CONSTRAINT earned_credential_expiry_check;
      UPDATE earned_credential SET expires_at = NULL WHERE expires_at <= issued_at;
      ALTER TABLE earned_credential ADD CHECK (expires_at IS NULL OR expires_at > issued_at);
      ALTER TABLE earned_credential DROP COLUMN verified_by;
      ALTER TABLE earned_credential DROP CONSTRAINT earned_credential_credential_id_fkey;
      ALTER TABLE earned_credential ADD CONSTRAINT earned_credential_credential_id_fkey FOREIGN KEY (credential_id) REFERENCES credential (id) ON DELETE RESTRICT;
      DROP INDEX credential_catalogue_external_id_key;
      UPDATE credential SET external_id = NULL WHERE owner_candidate_id IS NOT NULL;
      ALTER TABLE credential ADD CONSTRAINT credential_external_id_key UNIQUE (external_id);
      ALTER TABLE credential DROP COLUMN owner_candidate_id;
    `);
  }
}
