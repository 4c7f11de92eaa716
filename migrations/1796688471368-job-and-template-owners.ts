import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Who created a job or a pathway (the token's `sub`): only that recruiter (or an ADMIN) may update
 * or delete the job, only that advisor (or an ADMIN) a template pathway. Rows from before this
 * migration, and those the seed writes, have no creator: ADMIN only.
 */
export class JobAndTemplateOwners1796688471368 implements MigrationInterface {
  name = 'JobAndTemplateOwners1796688471368';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE job ADD COLUMN created_by text CHECK (length(created_by) BETWEEN 1 AND 200);
      ALTER TABLE pathway ADD COLUMN created_by text CHECK (length(created_by) BETWEEN 1 AND 200);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE job DROP COLUMN created_by; ALTER TABLE pathway DROP COLUMN created_by;`);
  }
}
