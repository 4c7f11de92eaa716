import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Credential Engine (CTDL) interoperability: a credential's CTID (ce_ctid: `ctid` is a PostgreSQL system column), the currency of its cost and the
 * CTDL class it was imported as (ceterms:Course, ceterms:BachelorDegree, …, so an export writes it
 * back); a template pathway's CTID (or @id) so that importing it again updates it.
 */
export class Ctdl1796688262000 implements MigrationInterface {
  name = 'Ctdl1796688262000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE credential
        ADD COLUMN ce_ctid text UNIQUE CHECK (length(btrim(ce_ctid)) > 0),
        ADD COLUMN currency text CHECK (currency ~ '^[A-Z]{3}$'),
        ADD COLUMN ctdl_class text;
      ALTER TABLE pathway ADD COLUMN ctdl_id text UNIQUE CHECK (length(btrim(ctdl_id)) > 0);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE pathway DROP COLUMN ctdl_id;
      ALTER TABLE credential DROP COLUMN ce_ctid, DROP COLUMN currency, DROP COLUMN ctdl_class;
    `);
  }
}
