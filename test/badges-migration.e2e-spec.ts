import { LearnerRecordsTrustList1796688270046 } from '../migrations/1796688270046-learner-records-trust-list';
import { ok, startTestApp, TestApp } from './support/test-app';

/** Seeded catalogue credential (data/catalogue/credentials.json, key openlearn-teamwork) and one of its skills. */
const TEAMWORK = '6838cdb9-b803-59e4-a8d7-25f45d4c7ea4';
const SKILL = 'e90727ee-9b90-5ae7-b295-8430c9d6f848';

/**
 * The migration re-judges what earlier imports recorded: a did:key import's VERIFIED becomes UNVERIFIED, every
 * import becomes the learner's own record (nothing was trusted for the catalogue), and the catalogue credentials
 * imports created disappear, while catalogue credentials stay.
 */
describe('migration LearnerRecordsTrustList: earlier imports become learner records', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('moves imports off the catalogue, keeping their skills and evidence', async () => {
    const migration = new LearnerRecordsTrustList1796688270046();
    const candidate = async (name: string) => ok(await t.gql(`mutation($n: String!) { createCandidate(input: { name: $n }) { id } }`, { n: name })).createCandidate.id as string;
    const a = await candidate('Early Importer');
    const b = await candidate('Second Importer');
    const awarded = await candidate('Awarded Holder');
    ok(await t.gql(`mutation($i: AwardCredentialInput!) { awardCredential(input: $i) { id } }`, { i: { candidateId: awarded, credentialId: TEAMWORK, issuedAt: '2024-01-01T00:00:00Z' } }));
    const catalogueBefore = await t.dataSource.query(`SELECT count(*)::int AS n FROM credential`);

    const qr = await t.ownerRunner(); // migrations run as the owner
    try {
      await migration.down(qr);
      const selfMade = JSON.stringify([{ name: 'proof', outcome: 'PASS', detail: 'DataIntegrityProof/eddsa-rdfc-2022 by did:key:z6Mk#z6Mk' }]);
      const registered = JSON.stringify([{ name: 'issuer-key', outcome: 'PASS', detail: 'key from trust-store (did:web:x#k)' }]);
      // as the old importBadge did: a catalogue credential created in the import's transaction
      await qr.startTransaction();
      const [{ id: created }] = await qr.query(
        `INSERT INTO credential (name, issuer, type, hours, cost, external_id) VALUES ('Forged Cert', 'Amazon Web Services', 'BADGE', 0, 0, 'https://x.example/a/1') RETURNING id`,
      );
      await qr.query(`INSERT INTO credential_skill (credential_id, skill_id, level) VALUES ($1, $2, 4)`, [created, SKILL]);
      const [{ id: ea }] = await qr.query(
        `INSERT INTO earned_credential (candidate_id, credential_id, issued_at, verification, verification_checks, source_hash) VALUES ($1, $2, '2024-01-01', 'VERIFIED', $3::jsonb, 'h1') RETURNING id`,
        [a, created, selfMade],
      );
      await qr.query(`INSERT INTO skill_evidence (candidate_id, skill_id, level, evidenced_at, source, earned_credential_id) VALUES ($1, $2, 4, '2024-01-01', 'CREDENTIAL', $3)`, [a, SKILL, ea]);
      await qr.commitTransaction();
      const [{ id: eb }] = await qr.query(
        `INSERT INTO earned_credential (candidate_id, credential_id, issued_at, verification, verification_checks, source_hash) VALUES ($1, $2, '2024-02-01', 'VERIFIED', $3::jsonb, 'h2') RETURNING id`,
        [b, created, selfMade],
      );
      const [{ id: et }] = await qr.query(
        `INSERT INTO earned_credential (candidate_id, credential_id, issued_at, verification, verification_checks, source_hash) VALUES ($1, $2, '2024-03-01', 'VERIFIED', $3::jsonb, 'h3') RETURNING id`,
        [a, TEAMWORK, registered],
      );
      await migration.up(qr);

      const rows: { id: string; verification: string; owner: string | null; name: string; skills: number; checks: string }[] = await qr.query(
        `SELECT e.id, e.verification, c.owner_candidate_id AS owner, c.name, e.verification_checks::text AS checks,
                (SELECT count(*)::int FROM credential_skill s WHERE s.credential_id = c.id) AS skills
           FROM earned_credential e JOIN credential c ON c.id = e.credential_id WHERE e.id = ANY($1::uuid[])`,
        [[ea, eb, et]],
      );
      const by = Object.fromEntries(rows.map((r) => [r.id, r]));
      expect(by[ea]).toMatchObject({ verification: 'UNVERIFIED', owner: a, name: 'Forged Cert', skills: 1 });
      expect(by[ea].checks).toContain('issuer-trust');
      expect(by[eb]).toMatchObject({ verification: 'UNVERIFIED', owner: b, name: 'Forged Cert', skills: 1 });
      expect(by[et]).toMatchObject({ verification: 'VERIFIED', owner: a, name: 'Collaboration and Teamwork' });
      // the import-created catalogue credential is gone; the seeded one stays, with its award
      expect(await qr.query(`SELECT id FROM credential WHERE id = $1`, [created])).toEqual([]);
      expect(await qr.query(`SELECT owner_candidate_id FROM credential WHERE id = $1`, [TEAMWORK])).toEqual([{ owner_candidate_id: null }]);
      expect(await qr.query(`SELECT count(*)::int AS n FROM credential WHERE owner_candidate_id IS NULL`)).toEqual(catalogueBefore);
      // evidence still hangs off its earned credential
      expect(await qr.query(`SELECT earned_credential_id FROM skill_evidence WHERE candidate_id = $1`, [a])).toEqual([{ earned_credential_id: ea }]);
    } finally {
      await qr.release();
    }
    // a learner's own record is not a catalogue credential
    const [{ credential_id: own }] = await t.dataSource.query(`SELECT credential_id FROM earned_credential WHERE source_hash = 'h1'`);
    expect(ok(await t.gql(`query($id: ID!) { credential(id: $id) { id } }`, { id: own })).credential).toBeNull();
  });
});
