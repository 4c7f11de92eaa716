import { MigrationInterface, QueryRunner } from 'typeorm';

/** table → [change kind, id columns]: what each process's in-memory indexes must reload after a write */
const TRACKED: [table: string, kind: string, columns: string[]][] = [
  ['candidate', 'candidate.changed', ['id']],
  ['skill_evidence', 'candidate.changed', ['candidate_id']],
  ['earned_credential', 'candidate.changed', ['candidate_id']],
  ['skill', 'taxonomy.changed', ['id']],
  ['skill_broader', 'taxonomy.changed', ['skill_id']],
  ['skill_relation', 'taxonomy.changed', ['skill_id', 'related_id']],
  ['credential', 'credentials.changed', ['id']],
  ['credential_skill', 'credentials.changed', ['credential_id']],
  ['credential_prerequisite', 'credentials.changed', ['credential_id']],
  ['credential_component', 'credentials.changed', ['credential_id']],
];

/**
 * The change feed's log (src/database/change-feed.service.ts): statement triggers on every table an
 * in-memory index is built from append one row per write statement (sequence number, kind, the
 * changed ids) in the writing transaction, and NOTIFY the sequence number on commit. A process
 * that missed notifications (a dropped LISTEN connection) reads every row after the last one it
 * applied. `xid` lets a reader tell a sequence number still in flight from one rolled back.
 * change_log_horizon records up to where old rows were pruned.
 */
export class ChangeLog1796688000000 implements MigrationInterface {
  name = 'ChangeLog1796688000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE change_log (
        seq bigint GENERATED ALWAYS AS IDENTITY (CACHE 1) PRIMARY KEY,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        xid xid8 NOT NULL DEFAULT pg_current_xact_id(),
        kind text NOT NULL CHECK (kind IN ('candidate.changed', 'taxonomy.changed', 'credentials.changed')),
        ids uuid[] NOT NULL
      );
      CREATE INDEX change_log_created_idx ON change_log (created_at);
      CREATE TABLE change_log_horizon (
        only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
        pruned_through bigint NOT NULL DEFAULT 0
      );
      INSERT INTO change_log_horizon DEFAULT VALUES;

      CREATE FUNCTION log_change() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        kind text := TG_ARGV[0];
        cols text[] := TG_ARGV[1:];
        col text;
        parts text[] := '{}';
        changed uuid[];
        logged bigint;
      BEGIN
        FOREACH col IN ARRAY cols LOOP
          IF TG_OP IN ('INSERT', 'UPDATE') THEN parts := parts || format('SELECT %I AS id FROM new_rows', col); END IF;
          IF TG_OP IN ('DELETE', 'UPDATE') THEN parts := parts || format('SELECT %I AS id FROM old_rows', col); END IF;
        END LOOP;
        EXECUTE 'SELECT array_agg(DISTINCT id ORDER BY id) FROM (' || array_to_string(parts, ' UNION ALL ') || ') AS changed' INTO changed;
        IF changed IS NULL THEN RETURN NULL; END IF;
        INSERT INTO change_log (kind, ids) VALUES (kind, changed) RETURNING seq INTO logged;
        PERFORM pg_notify('skillstack_changes', logged::text);
        RETURN NULL;
      END
      $$;
    `);
    for (const [table, kind, columns] of TRACKED) {
      const args = [kind, ...columns].map((a) => `'${a}'`).join(', ');
      await q.query(`
        CREATE TRIGGER ${table}_log_insert AFTER INSERT ON ${table} REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION log_change(${args});
        CREATE TRIGGER ${table}_log_update AFTER UPDATE ON ${table} REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION log_change(${args});
        CREATE TRIGGER ${table}_log_delete AFTER DELETE ON ${table} REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION log_change(${args});
      `);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const [table] of TRACKED) {
      await q.query(`DROP TRIGGER ${table}_log_insert ON ${table}; DROP TRIGGER ${table}_log_update ON ${table}; DROP TRIGGER ${table}_log_delete ON ${table};`);
    }
    await q.query(`DROP FUNCTION log_change(); DROP TABLE change_log_horizon; DROP TABLE change_log;`);
  }
}
