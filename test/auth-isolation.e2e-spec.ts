import { encodeCursor } from '../src/common/pagination/cursor';
import { Gql, GqlResult, ok, startTestApp, TestApp } from './support/test-app';

const ICT_ACCESSIBILITY = '340dc94a-f1c2-5bf4-81d3-34fc534f8965';

/**
 * Reading another learner's data is FORBIDDEN or NOT_FOUND, never data: direct ids, nested
 * fields, aliases and fragments, list filters and cursors. Lists show each role its own scope;
 * e-mail and demographics only to ADMIN and the learner themself.
 */
describe('nobody reads another learner’s data', () => {
  let t: TestApp;
  let ada: string; // learner A, discoverable
  let bob: string; // learner B, not discoverable
  let cleo: string; // discoverable, nobody's
  let jobId: string;
  let bobPathway: string;
  let adaPathway: string;
  let asAda: Gql;
  let asBob: Gql;
  let asAdvisor: Gql;
  let asRecruiter: Gql;

  const code = (r: GqlResult) => r.errors?.[0]?.extensions?.code;
  const create = async (name: string, discoverable: boolean) =>
    ok(await t.gql(`mutation($input: CreateCandidateInput!) { createCandidate(input: $input) { id } }`, { input: { name, discoverable, email: `${name.split(' ')[0].toLowerCase()}@example.org` } }))
      .createCandidate.id as string;

  beforeAll(async () => {
    t = await startTestApp();
    ada = await create('Isolation Ada', true);
    bob = await create('Isolation Bob', false);
    cleo = await create('Isolation Cleo', true);
    jobId = ok(await t.gql(`mutation($input: CreateJobInput!) { createJob(input: $input) { id } }`, { input: { title: 'Isolation job', requirements: [{ skillId: ICT_ACCESSIBILITY, level: 2 }] } }))
      .createJob.id;
    for (const c of [ada, bob, cleo]) {
      ok(
        await t.gql(`mutation($input: AddSkillEvidenceInput!) { addSkillEvidence(input: $input) { id } }`, {
          input: { candidateId: c, skillId: ICT_ACCESSIBILITY, level: 3, evidencedAt: '2025-01-01T00:00:00Z', source: 'ASSESSMENT' },
        }),
      );
    }
    const credentialId = ok(await t.gql(`{ credentials(first: 100) { edges { node { id prerequisites { id } components { id } } } } }`)).credentials.edges
      .map((e: any) => e.node)
      .find((c: any) => c.prerequisites.length === 0 && c.components.length === 0).id;
    const save = async (candidateId: string) =>
      ok(await t.gql(`mutation($input: SavePathwayInput!) { savePathway(input: $input) { id } }`, { input: { name: 'Plan', candidateId, jobId, credentialIds: [credentialId] } })).savePathway
        .id as string;
    adaPathway = await save(ada);
    bobPathway = await save(bob);
    asAda = t.as('LEARNER', { sub: 'ada', candidateId: ada });
    asBob = t.as('LEARNER', { sub: 'bob', candidateId: bob });
    asAdvisor = t.as('ADVISOR', { sub: 'advisor-x' });
    asRecruiter = t.as('RECRUITER', { sub: 'recruiter-r' });
    // Ada takes advisor X; Bob does not
    ok(await asAda(`mutation($c: ID!) { assignAdvisor(candidateId: $c, advisorSub: "advisor-x") { advisorSub assignedBy } }`, { c: ada }));
  });
  afterAll(() => t.close());

  it('a learner reads their own record, e-mail and pathways', async () => {
    const me = ok(await asAda(`query($c: ID!) { candidate(id: $c) { id name email evidence { level } } pathways(candidateId: $c) { id candidate { id email } } }`, { c: ada }));
    expect(me.candidate).toMatchObject({ id: ada, name: 'Isolation Ada', email: 'isolation@example.org' });
    expect(me.pathways).toEqual([{ id: adaPathway, candidate: { id: ada, email: 'isolation@example.org' } }]);
  });

  it.each<[string, string, (ids: { bob: string; job: string; pathway: string }) => Record<string, unknown>]>([
    ['candidate(id)', 'query($bob: ID!) { candidate(id: $bob) { id name } }', (v) => ({ bob: v.bob })],
    ['matchCandidate', 'query($bob: ID!, $job: ID!) { matchCandidate(candidateId: $bob, jobId: $job) { score candidate { name } } }', (v) => ({ bob: v.bob, job: v.job })],
    ['skillGap', 'query($bob: ID!, $job: ID!) { skillGap(candidateId: $bob, jobId: $job) { score candidate { name } } }', (v) => ({ bob: v.bob, job: v.job })],
    ['recommendCredentials', 'query($bob: ID!, $job: ID!) { recommendCredentials(candidateId: $bob, jobId: $job) { scoreGain } }', (v) => ({ bob: v.bob, job: v.job })],
    ['planPathway', 'query($bob: ID!, $job: ID!) { planPathway(input: { candidateId: $bob, jobId: $job }) { finalScore } }', (v) => ({ bob: v.bob, job: v.job })],
    ['renewals', 'query($bob: ID!) { renewals(candidateId: $bob) { candidate { name } } }', (v) => ({ bob: v.bob })],
    ['pathways(candidateId)', 'query($bob: ID!) { pathways(candidateId: $bob) { id candidate { name } } }', (v) => ({ bob: v.bob })],
    ['pathway(id) and Pathway.candidate', 'query($pathway: ID!) { pathway(id: $pathway) { id candidate { name email } } }', (v) => ({ pathway: v.pathway })],
    ['updateCandidate', 'mutation($bob: ID!) { updateCandidate(input: { id: $bob, name: "Hijacked" }) { name } }', (v) => ({ bob: v.bob })],
    ['deleteCandidate', 'mutation($bob: ID!) { deleteCandidate(id: $bob) }', (v) => ({ bob: v.bob })],
    [
      'addSkillEvidence',
      `mutation($bob: ID!) { addSkillEvidence(input: { candidateId: $bob, skillId: "${ICT_ACCESSIBILITY}", level: 1, evidencedAt: "2025-01-01T00:00:00Z", source: SELF_REPORTED }) { id } }`,
      (v) => ({ bob: v.bob }),
    ],
    ['importBadge', 'mutation($bob: ID!) { importBadge(input: { candidateId: $bob, credential: "{}" }) { id } }', (v) => ({ bob: v.bob })],
    ['setDemographics', 'mutation($bob: ID!) { setDemographics(candidateId: $bob, input: { sex: MALE }) { sex } }', (v) => ({ bob: v.bob })],
    ['assignAdvisor', 'mutation($bob: ID!) { assignAdvisor(candidateId: $bob, advisorSub: "spy") { advisorSub } }', (v) => ({ bob: v.bob })],
    ['savePathway', `mutation($bob: ID!) { savePathway(input: { name: "x", candidateId: $bob, credentialIds: [] }) { id } }`, (v) => ({ bob: v.bob })],
    ['updatePathway', 'mutation($pathway: ID!) { updatePathway(input: { id: $pathway, name: "mine now" }) { id } }', (v) => ({ pathway: v.pathway })],
    ['deletePathway', 'mutation($pathway: ID!) { deletePathway(id: $pathway) }', (v) => ({ pathway: v.pathway })],
    ['rankCandidates (lists other people)', 'query($job: ID!) { rankCandidates(jobId: $job) { edges { node { candidate { name } } } } }', (v) => ({ job: v.job })],
    ['rankingAudit', 'query($job: ID!) { rankingAudit(jobId: $job) { totalCount } }', (v) => ({ job: v.job })],
  ])('learner A cannot reach learner B through %s', async (_name, query, vars) => {
    const r = await asAda(query, vars({ bob, job: jobId, pathway: bobPathway }));
    expect(code(r)).toBe('FORBIDDEN');
    expect(JSON.stringify(r.data ?? null)).not.toMatch(/Isolation Bob|bob@example/);
    // nothing changed
    const still = ok(await t.gql(`query($bob: ID!) { candidate(id: $bob) { name } pathways(candidateId: $bob) { name } }`, { bob }));
    expect(still).toEqual({ candidate: { name: 'Isolation Bob' }, pathways: [{ name: 'Plan' }] });
  });

  it('aliases and fragments do not mix another learner into an allowed request', async () => {
    const r = await asAda(
      `query($ada: ID!, $bob: ID!) { mine: candidate(id: $ada) { ...C } theirs: candidate(id: $bob) { ...C } }
       fragment C on Candidate { id name email }`,
      { ada, bob },
    );
    expect(r.data?.mine).toMatchObject({ id: ada });
    expect(r.data?.theirs).toBeNull();
    expect(r.errors?.map((e) => [e.path?.join('.'), e.extensions?.code])).toEqual([['theirs', 'FORBIDDEN']]);
  });

  it('lists: a learner sees only themself, whatever the search or cursor', async () => {
    const all = ok(await asAda(`{ candidates(first: 100) { totalCount edges { node { id } } } }`)).candidates;
    expect(all).toEqual({ totalCount: 1, edges: [{ node: { id: ada } }] });
    const search = ok(await asAda(`{ candidates(search: "Isolation Bob") { totalCount edges { node { id } } } }`)).candidates;
    expect(search).toEqual({ totalCount: 0, edges: [] });
    // a hand-made cursor that starts before everyone
    const cursor = encodeCursor(['', '00000000-0000-0000-0000-000000000000']);
    const after = ok(await asAda(`query($after: String) { candidates(first: 100, after: $after) { edges { node { id } } } }`, { after: cursor })).candidates;
    expect(after.edges).toEqual([{ node: { id: ada } }]);
  });

  it('lists: an advisor sees their assigned learners only; a recruiter only discoverable candidates; ADMIN everyone', async () => {
    const advisor = ok(await asAdvisor(`{ candidates(first: 100, search: "Isolation") { totalCount edges { node { id email } } } }`)).candidates;
    expect(advisor).toEqual({ totalCount: 1, edges: [{ node: { id: ada, email: null } }] });
    const recruiter = ok(await asRecruiter(`{ candidates(first: 100, search: "Isolation") { totalCount edges { node { id email } } } }`)).candidates;
    expect(recruiter.edges.map((e: any) => e.node.id).sort()).toEqual([ada, cleo].sort());
    expect(recruiter.edges.every((e: any) => e.node.email === null)).toBe(true);
    expect(recruiter.totalCount).toBe(2);
    const hiddenOnly = ok(await asRecruiter(`{ candidates(search: "Isolation Bob") { totalCount } }`)).candidates;
    expect(hiddenOnly.totalCount).toBe(0);
    const admin = ok(await t.gql(`{ candidates(first: 100, search: "Isolation") { totalCount edges { node { email } } } }`)).candidates;
    expect(admin.totalCount).toBe(3);
    expect(admin.edges.every((e: any) => /@example\.org$/.test(e.node.email))).toBe(true);
  });

  it('a recruiter gets NOT_FOUND for a candidate who is not discoverable, and never sees them ranked', async () => {
    for (const [query, vars] of [
      ['query($id: ID!) { candidate(id: $id) { name } }', { id: bob }],
      ['query($c: ID!, $j: ID!) { matchCandidate(candidateId: $c, jobId: $j) { score } }', { c: bob, j: jobId }],
      ['query($c: ID!, $j: ID!) { skillGap(candidateId: $c, jobId: $j) { score } }', { c: bob, j: jobId }],
      ['mutation($c: ID!) { unmaskCandidate(handle: $c) { name } }', { c: bob }],
    ] as const) {
      const r = await asRecruiter(query, vars);
      expect({ query, code: code(r) }).toEqual({ query, code: 'NOT_FOUND' });
      expect(JSON.stringify(r)).not.toMatch(/Isolation Bob/);
    }
    const ranked = ok(await asRecruiter(`query($j: ID!) { rankCandidates(jobId: $j, first: 100, minScore: 0.1) { edges { node { candidate { id name email } } } } }`, { j: jobId }))
      .rankCandidates.edges.map((e: any) => e.node.candidate);
    expect(ranked.map((c: any) => c.id)).toEqual(expect.arrayContaining([ada, cleo]));
    expect(ranked.map((c: any) => c.id)).not.toContain(bob);
    expect(ranked.every((c: any) => c.email === null)).toBe(true);
    // nested candidates of a discoverable person are fine for a recruiter, without e-mail
    const gap = ok(await asRecruiter(`query($c: ID!, $j: ID!) { skillGap(candidateId: $c, jobId: $j) { candidate { id name email } } }`, { c: cleo, j: jobId })).skillGap;
    expect(gap.candidate).toEqual({ id: cleo, name: 'Isolation Cleo', email: null });
  });

  it('an advisor works with assigned learners only, and loses access when unassigned', async () => {
    const mine = ok(await asAdvisor(`query($c: ID!, $j: ID!) { candidate(id: $c) { name email demographics { sex } } skillGap(candidateId: $c, jobId: $j) { score } }`, { c: ada, j: jobId }));
    expect(mine.candidate).toEqual({ name: 'Isolation Ada', email: null, demographics: null });
    expect(code(await asAdvisor(`query($c: ID!) { candidate(id: $c) { name } }`, { c: bob }))).toBe('FORBIDDEN');
    expect(code(await asAdvisor(`query($c: ID!) { candidate(id: $c) { name } }`, { c: cleo }))).toBe('FORBIDDEN');
    expect(code(await asAdvisor(`query($p: ID!) { pathway(id: $p) { id } }`, { p: bobPathway }))).toBe('FORBIDDEN');
    expect(ok(await asAdvisor(`query($p: ID!) { pathway(id: $p) { id } }`, { p: adaPathway })).pathway).toEqual({ id: adaPathway });
    // Bob cannot hand his advisor's access to someone else's record, nor remove Ada's advisor
    expect(code(await asBob(`mutation($c: ID!) { unassignAdvisor(candidateId: $c, advisorSub: "advisor-x") }`, { c: ada }))).toBe('FORBIDDEN');
    expect(ok(await asAda(`mutation($c: ID!) { unassignAdvisor(candidateId: $c, advisorSub: "advisor-x") }`, { c: ada })).unassignAdvisor).toBe(true);
    expect(code(await asAdvisor(`query($c: ID!) { candidate(id: $c) { name } }`, { c: ada }))).toBe('FORBIDDEN');
    expect(ok(await asAdvisor(`{ candidates { totalCount } }`)).candidates.totalCount).toBe(0);
    ok(await asAda(`mutation($c: ID!) { assignAdvisor(candidateId: $c, advisorSub: "advisor-x") { advisorSub } }`, { c: ada }));
  });

  it('e-mail and demographics: ADMIN and the learner themself only, through every path', async () => {
    ok(await asAda(`mutation($c: ID!) { setDemographics(candidateId: $c, input: { sex: FEMALE, ageBand: AGE_25_34 }) { sex } }`, { c: ada }));
    const self = ok(await asAda(`query($c: ID!) { candidate(id: $c) { email demographics { sex ethnicity ageBand } } }`, { c: ada })).candidate;
    expect(self).toEqual({ email: 'isolation@example.org', demographics: { sex: 'FEMALE', ethnicity: null, ageBand: 'AGE_25_34' } });
    const admin = ok(await t.gql(`query($c: ID!) { candidate(id: $c) { email demographics { sex } } }`, { c: ada })).candidate;
    expect(admin).toEqual({ email: 'isolation@example.org', demographics: { sex: 'FEMALE' } });
    const viaMatch = ok(await asRecruiter(`query($c: ID!, $j: ID!) { matchCandidate(candidateId: $c, jobId: $j) { candidate { email demographics { sex } } } }`, { c: ada, j: jobId }))
      .matchCandidate.candidate;
    expect(viaMatch).toEqual({ email: null, demographics: null });
    const viaPathway = ok(await asAdvisor(`query($p: ID!) { pathway(id: $p) { candidate { email demographics { sex } } } }`, { p: adaPathway })).pathway.candidate;
    expect(viaPathway).toEqual({ email: null, demographics: null });
  });

  it('a learner edits their own record (discoverability included) but may not claim an assessment', async () => {
    const updated = ok(await asBob(`mutation($c: ID!) { updateCandidate(input: { id: $c, discoverable: true }) { discoverable } }`, { c: bob })).updateCandidate;
    expect(updated.discoverable).toBe(true);
    ok(await asBob(`mutation($c: ID!) { updateCandidate(input: { id: $c, discoverable: false }) { discoverable } }`, { c: bob }));
    const assessment = await asBob(
      `mutation($c: ID!) { addSkillEvidence(input: { candidateId: $c, skillId: "${ICT_ACCESSIBILITY}", level: 5, evidencedAt: "2025-01-01T00:00:00Z", source: ASSESSMENT }) { id } }`,
      { c: bob },
    );
    expect(code(assessment)).toBe('FORBIDDEN');
    const experience = await asBob(
      `mutation($c: ID!) { addSkillEvidence(input: { candidateId: $c, skillId: "${ICT_ACCESSIBILITY}", level: 2, evidencedAt: "2025-01-01T00:00:00Z", source: EXPERIENCE }) { level } }`,
      { c: bob },
    );
    expect(ok(experience).addSkillEvidence).toEqual({ level: 2 });
  });
});
