import { RankingAuditRepository } from '../src/audit/ranking-audit.repository';
import { ok, startTestApp, TestApp } from './support/test-app';

const AS_OF = '2025-06-01T00:00:00.000Z';
const REPLAY = `query($id: ID!) { replayRanking(auditId: $id) { matches configMatches taxonomyMatches recordIntact changed jobChanged differences } }`;
const VERIFY = `{ verifyAuditChain { intact tables { table records intact headHash firstBroken { id position reason } } } }`;

/**
 * A tamper-evident audit: the app works as a role that may only INSERT and SELECT the audit tables,
 * every record is hash-chained to the one before, and a record rewritten by a superuser behind the
 * triggers' back (session_replication_role = replica) is found and named.
 */
describe('tamper-evident audit', () => {
  let t: TestApp;
  let skill: string;
  let jobId: string;
  let candidate: string;
  const rank = async () =>
    ok(await t.as('RECRUITER', { sub: 'tamper-rita' })(`query($j: ID!) { rankCandidates(jobId: $j, first: 5, minScore: 0.01, asOf: "${AS_OF}") { totalCount } }`, { j: jobId }));
  const rows = async (): Promise<{ id: string; chain_pos: number; prev_hash: string; row_hash: string; taxonomy_version: string }[]> =>
    (await t.dataSource.query(`SELECT id, chain_pos::int AS chain_pos, prev_hash, row_hash, taxonomy_version FROM ranking_audit WHERE job_id = $1 ORDER BY chain_pos`, [jobId])) as never;
  const chainOf = async (table: string) => (ok(await t.gql(VERIFY)).verifyAuditChain.tables as any[]).find((c) => c.table === table);

  beforeAll(async () => {
    t = await startTestApp();
    skill = ok(await t.gql(`mutation { createSkill(input: { name: "Tamper test skill", category: TECHNICAL }) { id } }`)).createSkill.id;
    jobId = ok(await t.gql(`mutation($s: ID!) { createJob(input: { title: "Tamper test job", requirements: [{ skillId: $s, level: 3 }] }) { id } }`, { s: skill })).createJob.id;
    candidate = ok(await t.gql(`mutation { createCandidate(input: { name: "Tamper Tess" }) { id } }`)).createCandidate.id;
    ok(
      await t.gql(`mutation($c: ID!, $s: ID!) { addSkillEvidence(input: { candidateId: $c, skillId: $s, level: 3, evidencedAt: "2025-05-01T00:00:00Z", source: ASSESSMENT }) { id } }`, {
        c: candidate,
        s: skill,
      }),
    );
  });
  afterAll(() => t.close());

  it('the app works as skillstack_app: only INSERT and SELECT on the audit tables, and no way around their triggers', async () => {
    expect(await t.dataSource.query(`SELECT current_user AS role, (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) AS super`)).toEqual([{ role: 'skillstack_app', super: false }]);
    const [rights] = await t.dataSource.query(`SELECT
      has_table_privilege('ranking_audit', 'INSERT') AS audit_insert, has_table_privilege('ranking_audit', 'SELECT') AS audit_select,
      has_table_privilege('ranking_audit', 'UPDATE') AS audit_update, has_table_privilege('ranking_audit', 'DELETE') AS audit_delete,
      has_table_privilege('ranking_audit', 'TRUNCATE') AS audit_truncate, has_table_privilege('candidate_unmask', 'UPDATE') AS unmask_update,
      has_table_privilege('candidate_unmask', 'DELETE') AS unmask_delete, has_table_privilege('candidate', 'UPDATE') AS candidate_update,
      has_table_privilege('change_log', 'DELETE') AS change_log_delete, has_table_privilege('migrations', 'SELECT') AS migrations_select`);
    expect(rights).toEqual({
      audit_insert: true,
      audit_select: true,
      audit_update: false,
      audit_delete: false,
      audit_truncate: false,
      unmask_update: false,
      unmask_delete: false,
      candidate_update: true,
      change_log_delete: true,
      migrations_select: false,
    });
    await rank();
    const [record] = await rows();
    await expect(t.dataSource.query(`UPDATE ranking_audit SET actor_sub = 'someone else' WHERE id = $1`, [record.id])).rejects.toThrow(/permission denied for table ranking_audit/);
    await expect(t.dataSource.query(`DELETE FROM candidate_unmask`)).rejects.toThrow(/permission denied for table candidate_unmask/);
    await expect(t.dataSource.query(`SET session_replication_role = replica`)).rejects.toThrow(/permission denied to set parameter/);
    await expect(t.dataSource.query(`ALTER TABLE ranking_audit DISABLE TRIGGER ranking_audit_append_only`)).rejects.toThrow(/must be owner/);
    await expect(t.dataSource.query(`DROP TRIGGER ranking_audit_append_only ON ranking_audit`)).rejects.toThrow(/must be owner/);
    await expect(t.dataSource.query(`ALTER TABLE ranking_audit DISABLE TRIGGER ranking_audit_chain`)).rejects.toThrow(/must be owner/);
    // and the owner meets the append-only trigger
    await expect(t.ownerQuery(`UPDATE ranking_audit SET actor_sub = 'someone else' WHERE id = '${record.id}'`)).rejects.toThrow(/append-only: UPDATE refused/);
  });

  it('chains every record to the one before; verifyAuditChain checks them all', async () => {
    await rank();
    await rank();
    const chain = await rows();
    expect(chain.length).toBeGreaterThanOrEqual(3);
    for (let i = 1; i < chain.length; i++) {
      expect(chain[i].chain_pos).toBeGreaterThan(chain[i - 1].chain_pos);
      expect(chain[i].row_hash).toMatch(/^[0-9a-f]{64}$/);
    }
    const all: any[] = await t.dataSource.query(`SELECT chain_pos::int AS pos, prev_hash, row_hash FROM ranking_audit ORDER BY chain_pos`);
    all.forEach((r, i) => {
      expect(r.pos).toBe(i + 1);
      expect(r.prev_hash).toBe(i === 0 ? '' : all[i - 1].row_hash);
    });
    expect(await chainOf('ranking_audit')).toEqual({ table: 'ranking_audit', records: all.length, intact: true, headHash: all.at(-1).row_hash, firstBroken: null });
    expect(ok(await t.gql(VERIFY)).verifyAuditChain.intact).toBe(true);
    expect(chain[0].taxonomy_version).toMatch(/^[0-9a-f]{16}$/);
  });

  it('names the first broken record after a superuser rewrites one or removes one behind the triggers (session_replication_role = replica)', async () => {
    for (let i = 0; i < 3; i++) await rank();
    const chain = await rows();
    const [, rewritten, , removed, after] = chain.slice(-5);
    const replay = ok(await t.gql(REPLAY, { id: rewritten.id })).replayRanking;
    expect(replay).toMatchObject({ matches: true, recordIntact: true, changed: [] });

    // removing a record: the one after it no longer follows
    await t.ownerQuery(['SET session_replication_role = replica', `DELETE FROM ranking_audit WHERE id = '${removed.id}'`, 'SET session_replication_role = DEFAULT']);
    expect((await chainOf('ranking_audit')).firstBroken).toEqual({ id: after.id, position: after.chain_pos, reason: expect.stringMatching(/positions .* missing: records were removed/) });

    // rewriting an earlier record (its results, as if the ranking had returned nobody): it is the first broken one now
    await t.ownerQuery([
      'SET session_replication_role = replica',
      `UPDATE ranking_audit SET results = '[]', total_count = 0 WHERE id = '${rewritten.id}'`,
      'SET session_replication_role = DEFAULT',
    ]);
    const check = await chainOf('ranking_audit');
    expect(check).toMatchObject({ intact: false, headHash: null, firstBroken: { id: rewritten.id, position: rewritten.chain_pos, reason: expect.stringMatching(/content does not match its hash/) } });
    expect(ok(await t.gql(VERIFY)).verifyAuditChain.intact).toBe(false);
    // and its replay says so, instead of "does not match, no candidate changed"
    const tampered = ok(await t.gql(REPLAY, { id: rewritten.id })).replayRanking;
    expect(tampered).toMatchObject({ matches: false, recordIntact: false, changed: [] });
    expect(tampered.differences[0]).toMatch(/does not match its hash chain: it was rewritten/);
  });

  it('writes concurrent records together, and a record that cannot be written fails only its own call', async () => {
    const repository = t.app.get(RankingAuditRepository);
    const good = {
      operation: 'rankCandidates' as const,
      actorSub: 'batch',
      actorRole: 'RECRUITER',
      jobId,
      arguments: {},
      asOf: new Date(AS_OF),
      configHash: 'x',
      taxonomyVersion: null,
      config: { match: {}, similarity: {} } as never,
      requirements: [],
      results: [],
      totalCount: 0,
    };
    const outcomes = await Promise.allSettled([
      repository.insert(good),
      repository.insert(good),
      repository.insert({ ...good, asOf: new Date(-8.64e15) }), // timestamp out of range
      repository.insert(good),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    const ids = outcomes.flatMap((o) => (o.status === 'fulfilled' ? [o.value] : []));
    expect(await t.dataSource.query(`SELECT count(*)::int AS n FROM ranking_audit WHERE id = ANY($1::uuid[])`, [ids])).toEqual([{ n: 3 }]);
  });

  it('replay records and compares the taxonomy version, and says which of configuration, taxonomy, job or candidates changed', async () => {
    await rank();
    const record = (await rows()).at(-1)!;
    expect(ok(await t.gql(REPLAY, { id: record.id })).replayRanking).toMatchObject({ matches: true, configMatches: true, taxonomyMatches: true, changed: [] });
    // a new skill related to the required one: the taxonomy changed (the scores did not)
    const other = ok(await t.gql(`mutation { createSkill(input: { name: "Tamper other skill", category: DURABLE }) { id } }`)).createSkill.id;
    expect(ok(await t.gql(REPLAY, { id: record.id })).replayRanking).toMatchObject({ matches: true, configMatches: true, taxonomyMatches: false, changed: ['TAXONOMY'] });
    ok(await t.gql(`mutation($j: ID!, $s: ID!) { updateJob(input: { id: $j, requirements: [{ skillId: $s, level: 2 }] }) { id } }`, { j: jobId, s: other }));
    expect(ok(await t.gql(REPLAY, { id: record.id })).replayRanking).toMatchObject({ matches: true, jobChanged: true, changed: ['TAXONOMY', 'JOB'] });
    ok(
      await t.gql(`mutation($c: ID!, $s: ID!) { addSkillEvidence(input: { candidateId: $c, skillId: $s, level: 5, evidencedAt: "2025-05-20T00:00:00Z", source: ASSESSMENT }) { id } }`, {
        c: candidate,
        s: skill,
      }),
    );
    const last = ok(await t.gql(REPLAY, { id: record.id })).replayRanking;
    expect(last).toMatchObject({ matches: false, changed: ['TAXONOMY', 'JOB', 'CANDIDATES'] });
  });
});
