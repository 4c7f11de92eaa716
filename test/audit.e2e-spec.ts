import { configHash, DEFAULT_MATCH_CONFIG } from '../src/domain/matching/match-config';
import { engineConfigHash } from '../src/audit/engine-config';
import { DEFAULT_SIMILARITY_CONFIG } from '../src/domain/taxonomy/similarity-config';
import { Gql, ok, startTestApp, TestApp } from './support/test-app';

/** A half-life (months) that makes exactly 365 days one half-life. */
const YEAR_HALF_LIFE = 365 / 30.436875;
const AS_OF = '2025-06-01T00:00:00.000Z';

const RANK = `query($job: ID!, $first: Int, $after: String, $masked: Boolean) {
  rankCandidates(jobId: $job, first: $first, after: $after, asOf: "${AS_OF}", minScore: 0.01, masked: $masked) {
    totalCount pageInfo { endCursor } edges { node { score meetsMandatory candidate { id name } } } } }`;

const AUDIT_FIELDS = 'id at operation actorSub actorRole jobId arguments asOf configHash totalCount results { position candidateId score meetsMandatory }';

describe('ranking audit trail', () => {
  let t: TestApp;
  let asRecruiter: Gql;
  let skill: string;
  let jobId: string;
  const people: Record<string, string> = {};

  const evidence = (candidateId: string, level: number, evidencedAt: string) =>
    t
      .gql(`mutation($input: AddSkillEvidenceInput!) { addSkillEvidence(input: $input) { id } }`, {
        input: { candidateId, skillId: skill, level, source: 'ASSESSMENT', evidencedAt },
      })
      .then(ok);

  beforeAll(async () => {
    t = await startTestApp();
    asRecruiter = t.as('RECRUITER', { sub: 'rita' });
    skill = ok(await t.gql(`mutation { createSkill(input: { name: "Audit test skill", category: TECHNICAL, halfLifeMonths: ${YEAR_HALF_LIFE} }) { id } }`)).createSkill.id;
    jobId = ok(await t.gql(`mutation($s: ID!) { createJob(input: { title: "Audit test job", requirements: [{ skillId: $s, level: 4, mandatory: true }] }) { id } }`, { s: skill }))
      .createJob.id;
    for (const [name, level] of [
      ['Audit Ann', 4],
      ['Audit Ben', 3],
      ['Audit Cat', 2],
    ] as const) {
      people[name] = ok(await t.gql(`mutation($n: String!) { createCandidate(input: { name: $n }) { id } }`, { n: name })).createCandidate.id;
      await evidence(people[name], level, '2025-05-01T00:00:00Z');
    }
  });
  afterAll(() => t.close());

  const audits = async (): Promise<any[]> =>
    (await t.dataSource.query(`SELECT * FROM ranking_audit WHERE job_id = $1 ORDER BY seq`, [jobId])).map((r: any) => ({ ...r, seq: Number(r.seq) }));

  it('appends a record for every rankCandidates call: who, when, job, arguments, asOf, configuration hash, ids and scores', async () => {
    const before = Date.now();
    const page = ok(await asRecruiter(RANK, { job: jobId, first: 2 })).rankCandidates;
    const [record] = await audits();
    expect(record).toMatchObject({
      operation: 'rankCandidates',
      actor_sub: 'rita',
      actor_role: 'RECRUITER',
      job_id: jobId,
      arguments: { first: 2, after: null, minScore: 0.01, masked: false, asOf: AS_OF },
      config_hash: engineConfigHash({ match: DEFAULT_MATCH_CONFIG, similarity: DEFAULT_SIMILARITY_CONFIG }),
      total_count: 3,
    });
    expect(new Date(record.as_of).toISOString()).toBe(AS_OF);
    expect(new Date(record.created_at).getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(record.results).toEqual(page.edges.map((e: any) => ({ candidateId: e.node.candidate.id, score: e.node.score, meetsMandatory: e.node.meetsMandatory })));
    expect(record.results.map((r: any) => r.candidateId)).toEqual([people['Audit Ann'], people['Audit Ben']]);
    expect(record.config).toEqual({ match: DEFAULT_MATCH_CONFIG, similarity: DEFAULT_SIMILARITY_CONFIG });
    expect(record.requirements).toEqual([expect.objectContaining({ skillId: skill, level: 4, weight: 1, mandatory: true })]);
    // the next page is its own record, with its cursor
    ok(await asRecruiter(RANK, { job: jobId, first: 2, after: page.pageInfo.endCursor }));
    const [, second] = await audits();
    expect(second.arguments.after).toBe(page.pageInfo.endCursor);
    expect(second.results.map((r: any) => r.candidateId)).toEqual([people['Audit Cat']]);
  });

  it('appends a record for every matchCandidate call', async () => {
    const m = ok(
      await t.as('LEARNER', { sub: 'ben', candidateId: people['Audit Ben'] })(`query($c: ID!, $j: ID!) { matchCandidate(candidateId: $c, jobId: $j, asOf: "${AS_OF}") { score } }`, {
        c: people['Audit Ben'],
        j: jobId,
      }),
    ).matchCandidate;
    const record = (await audits()).at(-1);
    expect(record).toMatchObject({ operation: 'matchCandidate', actor_sub: 'ben', actor_role: 'LEARNER', arguments: { candidateId: people['Audit Ben'] }, total_count: null });
    expect(record.results).toEqual([{ candidateId: people['Audit Ben'], score: m.score, meetsMandatory: true }]);
  });

  it('refuses to change or delete audit records, in the database itself', async () => {
    const [record] = await audits();
    // the app's role may not (permission denied), and the owner meets the append-only trigger
    await expect(t.dataSource.query(`UPDATE ranking_audit SET actor_sub = 'someone else' WHERE id = $1`, [record.id])).rejects.toThrow(/permission denied/);
    await expect(t.dataSource.query(`DELETE FROM ranking_audit WHERE id = $1`, [record.id])).rejects.toThrow(/permission denied/);
    await expect(t.ownerQuery(`UPDATE ranking_audit SET actor_sub = 'someone else' WHERE id = '${record.id}'`)).rejects.toThrow(/append-only: UPDATE refused/);
    await expect(t.ownerQuery(`UPDATE ranking_audit SET results = '[]'`)).rejects.toThrow(/append-only/);
    await expect(t.ownerQuery(`DELETE FROM ranking_audit WHERE id = '${record.id}'`)).rejects.toThrow(/append-only: DELETE refused/);
    await expect(t.ownerQuery(`TRUNCATE ranking_audit`)).rejects.toThrow(/append-only: TRUNCATE refused/);
    const [after] = await audits();
    expect(after).toEqual(record);
  });

  it('lists records for ADMIN, newest first, by job, with cursors', async () => {
    const first = ok(await t.gql(`query($j: ID) { rankingAudit(jobId: $j, first: 2) { totalCount pageInfo { hasNextPage endCursor } edges { node { ${AUDIT_FIELDS} } } } }`, { j: jobId }))
      .rankingAudit;
    expect(first.totalCount).toBe(3);
    expect(first.edges.map((e: any) => e.node.operation)).toEqual(['matchCandidate', 'rankCandidates']);
    expect(first.edges[1].node).toMatchObject({ actorSub: 'rita', actorRole: 'RECRUITER', jobId, asOf: AS_OF, totalCount: 3 });
    expect(JSON.parse(first.edges[1].node.arguments)).toMatchObject({ first: 2, masked: false });
    const rest = ok(await t.gql(`query($j: ID, $a: String) { rankingAudit(jobId: $j, first: 2, after: $a) { pageInfo { hasNextPage } edges { node { results { position candidateId } } } } }`, { j: jobId, a: first.pageInfo.endCursor }))
      .rankingAudit;
    expect(rest.pageInfo.hasNextPage).toBe(false);
    expect(rest.edges[0].node.results).toEqual([
      { position: 1, candidateId: people['Audit Ann'] },
      { position: 2, candidateId: people['Audit Ben'] },
    ]);
    const all = ok(await t.gql(`{ rankingAudit(first: 100) { totalCount } }`)).rankingAudit;
    expect(all.totalCount).toBeGreaterThanOrEqual(3);
  });

  it('replays a ranking: it matches, until evidence changes; and names the changed candidates', async () => {
    const REPLAY = `query($id: ID!) { replayRanking(auditId: $id) { matches configMatches jobChanged differences totalCount
      results { position candidateId score } changedCandidates { candidateId reasons } audit { id results { candidateId score } } } }`;
    const [record] = await audits();
    const same = ok(await t.gql(REPLAY, { id: record.id })).replayRanking;
    expect(same).toMatchObject({ matches: true, configMatches: true, jobChanged: false, differences: [], changedCandidates: [], totalCount: 3 });
    expect(same.results.map((r: any) => r.candidateId)).toEqual(record.results.map((r: any) => r.candidateId));

    // evidence dated after the audited asOf does not change the replay, but the candidate is reported
    await evidence(people['Audit Cat'], 5, '2025-07-01T00:00:00Z');
    const later = ok(await t.gql(REPLAY, { id: record.id })).replayRanking;
    expect(later.matches).toBe(true);
    expect(later.changedCandidates).toEqual([]); // Cat is not in this page's results, before or now

    // new evidence dated before asOf lifts Ben above Ann
    await evidence(people['Audit Ben'], 5, '2025-05-15T00:00:00Z');
    const changed = ok(await t.gql(REPLAY, { id: record.id })).replayRanking;
    expect(changed.matches).toBe(false);
    expect(changed.results.map((r: any) => r.candidateId)).toEqual([people['Audit Ben'], people['Audit Ann']]);
    expect(changed.differences[0]).toMatch(/^position 1: .* audited, .* now$/);
    expect(changed.changedCandidates).toEqual([{ candidateId: people['Audit Ben'], reasons: ['EVIDENCE_ADDED'] }]);
    expect(changed.audit.results).toEqual(record.results.map((r: any) => ({ candidateId: r.candidateId, score: r.score })));

    // the second page: Cat got evidence (after asOf, so the same score) and is reported
    const secondPage = (await audits())[1];
    const cat = ok(await t.gql(REPLAY, { id: secondPage.id })).replayRanking;
    expect(cat.changedCandidates).toEqual([{ candidateId: people['Audit Cat'], reasons: ['EVIDENCE_ADDED'] }]);

    // a changed job: the replay still uses the audited requirements, and says so
    ok(await t.gql(`mutation($j: ID!, $s: ID!) { updateJob(input: { id: $j, requirements: [{ skillId: $s, level: 2 }] }) { id } }`, { j: jobId, s: skill }));
    const jobChanged = ok(await t.gql(REPLAY, { id: record.id })).replayRanking;
    expect(jobChanged).toMatchObject({ jobChanged: true, matches: false });
    expect(jobChanged.results.map((r: any) => r.candidateId)).toEqual([people['Audit Ben'], people['Audit Ann']]);

    // a deleted candidate
    ok(await t.gql(`mutation($id: ID!) { deleteCandidate(id: $id) }`, { id: people['Audit Ann'] }));
    const deleted = ok(await t.gql(REPLAY, { id: record.id })).replayRanking;
    expect(deleted.changedCandidates).toEqual(
      expect.arrayContaining([
        { candidateId: people['Audit Ann'], reasons: ['DELETED'] },
        { candidateId: people['Audit Ben'], reasons: ['EVIDENCE_ADDED'] },
      ]),
    );
    // the audit itself is untouched by all of this
    expect((await audits())[0]).toEqual(record);
    const missing = await t.gql(REPLAY, { id: '00000000-0000-4000-8000-000000000000' });
    expect(missing.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('a record made under the previous coverage formula replays with a differing configuration, and says so', async () => {
    const [record] = await audits();
    const oldHash = configHash({ match: DEFAULT_MATCH_CONFIG, similarity: DEFAULT_SIMILARITY_CONFIG }); // before the formula version
    const [{ id }] = await t.dataSource.query(
      `INSERT INTO ranking_audit (operation, actor_sub, actor_role, job_id, arguments, as_of, config_hash, config, requirements, results, total_count)
       SELECT operation, actor_sub, actor_role, job_id, arguments, as_of, $2, config, requirements, results, total_count FROM ranking_audit WHERE id = $1 RETURNING id`,
      [record.id, oldHash],
    );
    const replay = ok(await t.gql(`query($id: ID!) { replayRanking(auditId: $id) { configMatches differences } }`, { id })).replayRanking;
    expect(replay.configMatches).toBe(false);
    expect(replay.differences).toContain(
      `configuration ${oldHash} audited, ${engineConfigHash({ match: DEFAULT_MATCH_CONFIG, similarity: DEFAULT_SIMILARITY_CONFIG })} now (coverage formula version 2 or the match/similarity settings changed)`,
    );
  });
});

describe('masked ranking (blind review)', () => {
  let t: TestApp;
  let jobId: string;
  let otherJob: string;
  const ids: string[] = [];
  /** every id of the two people's records: candidate, evidence, earned credential */
  const secrets: string[] = [];

  const MASKED = `query($job: ID!, $first: Int, $after: String, $masked: Boolean) {
    rankCandidates(jobId: $job, first: $first, after: $after, asOf: "${AS_OF}", minScore: 0.01, masked: $masked) {
      totalCount pageInfo { endCursor hasNextPage }
      edges { cursor node { score job { id } requirements { via evidencedAt credential { id name } matchedSkill { id } }
        candidate { id name email discoverable demographics { sex } skillProfile { level skill { id } }
          evidence { id level source skill { id } } credentials { id issuedAt credential { id } verification verificationChecks { name outcome detail } } } } } } }`;

  beforeAll(async () => {
    t = await startTestApp();
    const skill = ok(await t.gql(`mutation { createSkill(input: { name: "Mask test skill", category: TECHNICAL }) { id } }`)).createSkill.id;
    const credential = ok(
      await t.gql(`mutation($s: ID!) { createCredential(input: { name: "Mask badge", issuer: "Mask", type: BADGE, hours: 1, cost: 0, skills: [{ skillId: $s, level: 3 }] }) { id } }`, { s: skill }),
    ).createCredential.id;
    const job = async (title: string) => ok(await t.gql(`mutation($s: ID!, $t: String!) { createJob(input: { title: $t, requirements: [{ skillId: $s }] }) { id } }`, { s: skill, t: title })).createJob.id;
    jobId = await job('Mask job');
    otherJob = await job('Other mask job');
    for (const [name, level] of [
      ['Masked Mia', 5],
      ['Masked Max', 2],
    ] as const) {
      const id = ok(await t.gql(`mutation($n: String!) { createCandidate(input: { name: $n, email: "hidden@example.org" }) { id } }`, { n: name })).createCandidate.id;
      const evidence = ok(
        await t.gql(`mutation($input: AddSkillEvidenceInput!) { addSkillEvidence(input: $input) { id } }`, {
          input: { candidateId: id, skillId: skill, level, source: 'ASSESSMENT', evidencedAt: '2025-05-01T00:00:00Z' },
        }),
      ).addSkillEvidence.id;
      const earned = ok(
        await t.gql(`mutation($c: ID!, $k: ID!) { awardCredential(input: { candidateId: $c, credentialId: $k, issuedAt: "2025-04-01T00:00:00Z" }) { id } }`, { c: id, k: credential }),
      ).awardCredential.id;
      await t.dataSource.query(`INSERT INTO candidate_demographics (candidate_id, sex) VALUES ($1, 'FEMALE')`, [id]);
      ids.push(id);
      secrets.push(id, evidence, earned);
    }
    // Mia also holds her own achievement record (an import not mapped onto the catalogue): its id is hers alone
    const own = ok(
      await t.gql(`mutation($s: ID!) { createCredential(input: { name: "Mia's own badge", issuer: "Self", type: BADGE, hours: 1, cost: 0, skills: [{ skillId: $s, level: 5 }] }) { id } }`, { s: skill }),
    ).createCredential.id;
    const ownEarned = ok(
      await t.gql(`mutation($c: ID!, $k: ID!) { awardCredential(input: { candidateId: $c, credentialId: $k, issuedAt: "2025-06-01T00:00:00Z" }) { id } }`, { c: ids[0], k: own }),
    ).awardCredential.id;
    await t.dataSource.query(`UPDATE credential SET owner_candidate_id = $1 WHERE id = $2`, [ids[0], own]);
    secrets.push(own, ownEarned);
    const evidenceIds: { id: string }[] = await t.dataSource.query(`SELECT id FROM skill_evidence WHERE candidate_id = ANY($1::uuid[])`, [ids]);
    const earnedIds: { id: string }[] = await t.dataSource.query(`SELECT id FROM earned_credential WHERE candidate_id = ANY($1::uuid[])`, [ids]);
    secrets.push(...evidenceIds.map((r) => r.id), ...earnedIds.map((r) => r.id));
  });
  afterAll(() => t.close());

  const rank = async (gql: Gql, job: string, masked: boolean, first = 10, after?: string) => ok(await gql(MASKED, { job, first, masked, after })).rankCandidates;
  const people = async (gql: Gql, job: string, masked: boolean) => (await rank(gql, job, masked)).edges.map((e: any) => e.node.candidate) as { id: string; name: string }[];
  const leaks = (response: unknown): string[] => {
    const text = JSON.stringify(response).toLowerCase();
    const found = secrets.filter((id) => text.includes(id.toLowerCase()) || text.includes(id.replace(/-/g, '').toLowerCase()));
    for (const word of ['masked mia', 'masked max', 'hidden@example.org']) if (text.includes(word)) found.push(word);
    return found;
  };

  it('shows each candidate under an opaque handle valid for that ranking only, "Candidate <position>", with no email and no id of theirs anywhere', async () => {
    const rita = t.as('RECRUITER', { sub: 'rita' });
    for (const gql of [rita, t.gql]) {
      const page = await rank(gql, jobId, true);
      expect(page.edges.map((e: any) => e.node.candidate.name)).toEqual(['Candidate 1', 'Candidate 2']);
      expect(page.edges.map((e: any) => e.node.candidate.email)).toEqual([null, null]);
      expect(page.edges.map((e: any) => e.node.candidate.demographics)).toEqual([null, null]);
      // the blind reviewer still sees what was scored
      expect(page.edges[0].node.candidate.evidence).toEqual(expect.arrayContaining([expect.objectContaining({ level: 5, source: 'ASSESSMENT' })]));
      expect(page.edges[0].node.candidate.credentials[0].verificationChecks).toEqual([]);
      expect(leaks(page)).toEqual([]);
    }
    const first = (await people(rita, jobId, true)).map((c) => c.id);
    const second = (await people(rita, jobId, true)).map((c) => c.id);
    expect(first.every((h) => !/^[0-9a-f-]{36}$/i.test(h))).toBe(true);
    expect(first.filter((h) => second.includes(h))).toEqual([]); // a new ranking, new handles
    // unmasked rankings show the people as they are
    expect((await people(rita, jobId, false)).map((c) => c.id)).toEqual(ids);
  });

  it('leads nowhere: candidate(id: handle), matchCandidate and skillGap find no one; the cursors page on without ids', async () => {
    const rita = t.as('RECRUITER', { sub: 'rita' });
    const [handle] = (await people(rita, jobId, true)).map((c) => c.id);
    for (const [query, vars] of [
      ['query($id: ID!) { candidate(id: $id) { id name } }', { id: handle }],
      ['query($c: ID!, $j: ID!) { matchCandidate(candidateId: $c, jobId: $j) { score } }', { c: handle, j: jobId }],
      ['query($c: ID!, $j: ID!) { skillGap(candidateId: $c, jobId: $j) { score } }', { c: handle, j: jobId }],
    ] as const) {
      for (const gql of [rita, t.gql]) {
        const r = await gql(query, vars);
        expect({ query, person: r.data ? Object.values(r.data)[0] : null }).toEqual({ query, person: null });
        expect(leaks(r)).toEqual([]);
      }
    }
    const page1 = await rank(rita, jobId, true, 1);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const page2 = await rank(rita, jobId, true, 1, page1.pageInfo.endCursor);
    expect(page2.edges.map((e: any) => e.node.candidate.name)).toEqual(['Candidate 2']);
    expect(page2.pageInfo.hasNextPage).toBe(false);
    expect(leaks([page1, page2])).toEqual([]);
    // the sealed cursor is the caller's and the job's; a plain cursor does not continue a masked ranking
    expect((await t.as('RECRUITER', { sub: 'rob' })(MASKED, { job: jobId, first: 1, masked: true, after: page1.pageInfo.endCursor })).errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'after',
    });
    const plain = (await rank(rita, jobId, false, 1)).pageInfo.endCursor;
    expect((await rita(MASKED, { job: jobId, first: 1, masked: true, after: plain })).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('unmaskCandidate takes the handle and is audited; only the ranking\'s recruiter (or an ADMIN) can open it', async () => {
    const rita = t.as('RECRUITER', { sub: 'rita' });
    const before = await t.dataSource.query(`SELECT count(*)::int AS n FROM candidate_unmask`);
    const masked = await people(rita, jobId, true);
    const unmask = `mutation($h: ID!, $r: String) { unmaskCandidate(handle: $h, reason: $r) { id name email } }`;
    // someone else's handle, a forged one, a real id: NOT_FOUND, nothing recorded
    for (const [gql, h] of [
      [t.as('RECRUITER', { sub: 'rob' }), masked[1].id],
      [rita, `${masked[1].id.slice(0, -4)}AAAA`],
      [rita, ids[1]],
    ] as const) {
      const r = await gql(unmask, { h, r: 'curious' });
      expect([r.errors?.[0].extensions?.code, r.data?.unmaskCandidate ?? null]).toEqual(['NOT_FOUND', null]);
    }
    expect(await t.dataSource.query(`SELECT count(*)::int AS n FROM candidate_unmask`)).toEqual(before);

    const unmasked = ok(await rita(unmask, { h: masked[1].id, r: 'invited to interview' })).unmaskCandidate;
    expect(unmasked).toEqual({ id: ids[1], name: 'Masked Max', email: null });
    const rows = await t.dataSource.query(`SELECT actor_sub, actor_role, job_id, candidate_id, reason FROM candidate_unmask`);
    expect(rows).toEqual([{ actor_sub: 'rita', actor_role: 'RECRUITER', job_id: jobId, candidate_id: ids[1], reason: 'invited to interview' }]);

    // later masked rankings of that job show her the unmasked candidate; others and other jobs stay blind
    expect((await people(rita, jobId, true)).map((c) => c.name)).toEqual(['Candidate 1', 'Masked Max']);
    expect((await people(t.as('RECRUITER', { sub: 'rob' }), jobId, true)).map((c) => c.name)).toEqual(['Candidate 1', 'Candidate 2']);
    expect((await people(rita, otherJob, true)).map((c) => c.name)).toEqual(['Candidate 1', 'Candidate 2']);
    // an ADMIN may open a handle of anyone's masked ranking (audited too)
    const robs = await people(t.as('RECRUITER', { sub: 'rob' }), jobId, true);
    expect(ok(await t.gql(unmask, { h: robs[0].id })).unmaskCandidate.name).toBe('Masked Mia');
    // a candidate who hides themself can no longer be unmasked by a recruiter
    const fresh = await people(rita, otherJob, true);
    await t.dataSource.query(`UPDATE candidate SET discoverable = false WHERE id = $1`, [ids[0]]);
    expect((await rita(unmask, { h: fresh[0].id })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    await t.dataSource.query(`UPDATE candidate SET discoverable = true WHERE id = $1`, [ids[0]]);

    await expect(t.dataSource.query(`UPDATE candidate_unmask SET reason = 'edited'`)).rejects.toThrow(/permission denied/);
    await expect(t.dataSource.query(`DELETE FROM candidate_unmask`)).rejects.toThrow(/permission denied/);
    await expect(t.ownerQuery(`UPDATE candidate_unmask SET reason = 'edited'`)).rejects.toThrow(/append-only/);
  });
});
