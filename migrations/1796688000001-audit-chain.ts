import { MigrationInterface, QueryRunner } from 'typeorm';

const AUDIT_TABLES = ['ranking_audit', 'candidate_unmask'];

/**
 * A tamper-evident audit and a role of the application's own.
 *
 * - skillstack_app (created here when missing; docker-compose.yml creates it with a password to log
 *   in): SELECT, INSERT, UPDATE, DELETE on the domain tables, only SELECT and INSERT on the audit
 *   tables, owner of nothing. Tables created by later migrations get the normal rights by default;
 *   a later audit table must REVOKE UPDATE, DELETE from it as done here.
 * - Every audit row is chained: `chain_pos` (1, 2, 3 … in insertion order, taken under a lock),
 *   `prev_hash` (the row before's row_hash, '' for the first) and `row_hash` = sha256 of prev_hash
 *   and the row's content (every non-null column but the two hashes, as jsonb text in UTC; a
 *   column added later must be NULL in the rows before it). A row rewritten
 *   or removed behind the triggers' back (a superuser with session_replication_role = replica)
 *   breaks the chain where it was; verifyAuditChain names that row.
 * - ranking_audit.taxonomy_version: the taxonomy's content hash a ranking was computed with.
 */
export class AuditChain1796688000001 implements MigrationInterface {
  name = 'AuditChain1796688000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      DO $$ BEGIN
        CREATE ROLE skillstack_app NOLOGIN;
      EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; -- created before or meanwhile (docker-compose.yml, another database on this server)
      END $$;
      GRANT USAGE ON SCHEMA public TO skillstack_app;
      GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO skillstack_app;
      GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO skillstack_app;
      REVOKE ALL ON migrations FROM skillstack_app;
      REVOKE UPDATE, DELETE, TRUNCATE ON ranking_audit, candidate_unmask FROM skillstack_app;
      ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO skillstack_app;
      ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO skillstack_app;

      ALTER TABLE ranking_audit ADD COLUMN taxonomy_version text;

      -- nulls are left out, so a nullable column added later does not change old rows' content
      CREATE FUNCTION audit_row_hash(prev_hash text, content jsonb) RETURNS text LANGUAGE sql IMMUTABLE
        AS $$ SELECT encode(sha256(convert_to(prev_hash || '|' || jsonb_strip_nulls(content)::text, 'UTF8')), 'hex') $$;

      -- BEFORE INSERT on an audit table: the next chain position and the hashes, one writer at a time
      CREATE FUNCTION audit_chain_link() RETURNS trigger LANGUAGE plpgsql SET timezone = 'UTC' AS $$
      DECLARE
        last_pos bigint;
        last_hash text;
      BEGIN
        PERFORM pg_advisory_xact_lock(hashtext('audit_chain:' || TG_TABLE_NAME));
        EXECUTE format('SELECT chain_pos, row_hash FROM %I ORDER BY chain_pos DESC LIMIT 1', TG_TABLE_NAME) INTO last_pos, last_hash;
        NEW.chain_pos := coalesce(last_pos, 0) + 1;
        NEW.prev_hash := coalesce(last_hash, '');
        NEW.row_hash := audit_row_hash(NEW.prev_hash, to_jsonb(NEW) - 'prev_hash' - 'row_hash');
        RETURN NEW;
      END
      $$;

      -- the chain as stored and each row's hash recomputed from its content, in chain order
      CREATE FUNCTION audit_chain_rows(audit_table text, after_pos bigint, max_rows integer)
        RETURNS TABLE (id uuid, chain_pos bigint, prev_hash text, row_hash text, recomputed text)
        LANGUAGE plpgsql STABLE SET timezone = 'UTC' AS $$
      BEGIN
        IF audit_table NOT IN ('ranking_audit', 'candidate_unmask') THEN RAISE EXCEPTION 'not an audit table: %', audit_table; END IF;
        RETURN QUERY EXECUTE format(
          'SELECT t.id, t.chain_pos, t.prev_hash, t.row_hash, audit_row_hash(t.prev_hash, to_jsonb(t) - ''prev_hash'' - ''row_hash'')
             FROM %I t WHERE t.chain_pos > $1 ORDER BY t.chain_pos LIMIT $2', audit_table) USING after_pos, max_rows;
      END
      $$;
    `);
    for (const table of AUDIT_TABLES) {
      await q.query(`
        ALTER TABLE ${table} ADD COLUMN chain_pos bigint, ADD COLUMN prev_hash text, ADD COLUMN row_hash text;
        ALTER TABLE ${table} DISABLE TRIGGER ${table}_append_only;
        DO $$
        DECLARE
          r record;
          pos bigint := 0;
          last_hash text := '';
        BEGIN
          SET LOCAL timezone = 'UTC';
          FOR r IN SELECT id FROM ${table} ORDER BY created_at, id LOOP
            pos := pos + 1;
            UPDATE ${table} SET chain_pos = pos, prev_hash = last_hash WHERE id = r.id;
            UPDATE ${table} t SET row_hash = audit_row_hash(last_hash, to_jsonb(t) - 'prev_hash' - 'row_hash') WHERE t.id = r.id RETURNING t.row_hash INTO last_hash;
          END LOOP;
        END $$;
        ALTER TABLE ${table} ENABLE TRIGGER ${table}_append_only;
        ALTER TABLE ${table} ALTER COLUMN chain_pos SET NOT NULL, ALTER COLUMN prev_hash SET NOT NULL, ALTER COLUMN row_hash SET NOT NULL,
          ADD CONSTRAINT ${table}_chain_pos_key UNIQUE (chain_pos);
        CREATE TRIGGER ${table}_chain BEFORE INSERT ON ${table} FOR EACH ROW EXECUTE FUNCTION audit_chain_link();
      `);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of AUDIT_TABLES) {
      await q.query(`DROP TRIGGER ${table}_chain ON ${table}; ALTER TABLE ${table} DROP COLUMN chain_pos, DROP COLUMN prev_hash, DROP COLUMN row_hash;`);
    }
    await q.query(`
      DROP FUNCTION audit_chain_rows(text, bigint, integer); DROP FUNCTION audit_chain_link(); DROP FUNCTION audit_row_hash(text, jsonb);
      ALTER TABLE ranking_audit DROP COLUMN taxonomy_version;
      ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE SELECT, INSERT, UPDATE, DELETE ON TABLES FROM skillstack_app;
      ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE USAGE, SELECT ON SEQUENCES FROM skillstack_app;
      REVOKE ALL ON ALL TABLES IN SCHEMA public FROM skillstack_app;
      REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM skillstack_app;
      REVOKE USAGE ON SCHEMA public FROM skillstack_app;
    `);
  }
}
