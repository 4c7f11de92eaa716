import { GqlResult, ok, startTestApp, TestApp } from './support/test-app';

/** Inputs that used to reach the database and come back as 500s, or be stored other than as sent. */
describe('no 500 from any input', () => {
  let t: TestApp;
  let jobId: string;
  let candidateId: string;
  let skillId: string;
  const refusal = (r: GqlResult) => ({ status: r.status, data: r.data ?? null, code: r.errors?.[0].extensions?.code, field: r.errors?.[0].extensions?.field });
  const totals = async () =>
    (
      await t.dataSource.query(
        `SELECT (SELECT count(*) FROM ranking_audit)::int AS audits, (SELECT count(*) FROM skill_evidence)::int AS evidence, (SELECT count(*) FROM candidate)::int AS candidates, (SELECT count(*) FROM earned_credential)::int AS earned`,
      )
    )[0];

  beforeAll(async () => {
    t = await startTestApp();
    jobId = ok(await t.gql(`{ jobs(first: 1) { edges { node { id } } } }`)).jobs.edges[0].node.id;
    candidateId = ok(await t.gql(`mutation { createCandidate(input: { name: "Input Person" }) { id } }`)).createCandidate.id;
    skillId = ok(await t.gql(`{ skills(first: 1) { edges { node { id } } } }`)).skills.edges[0].node.id;
  });
  afterAll(() => t.close());

  it.each([
    ['-271821-04-20T00:00:00Z'],
    ['0000-01-01T00:00:00Z'],
    ['1899-12-31T23:59:59Z'],
    ['2201-01-01T00:00:00Z'],
    ['+275760-09-13T00:00:00Z'],
  ])('refuses the DateTime %s (outside 1900–2200) as BAD_USER_INPUT naming the field, before anything runs', async (date) => {
    const before = await totals();
    const ranked = await t.gql(`query($j: ID!, $d: DateTime) { rankCandidates(jobId: $j, asOf: $d, first: 1) { totalCount } }`, { j: jobId, d: date });
    expect(refusal(ranked)).toEqual({ status: 400, data: null, code: 'BAD_USER_INPUT', field: 'asOf' });
    expect(ranked.errors?.[0].message).toBe('asOf must be a date-time between 1900-01-01 and 2200-12-31');
    const literal = await t.gql(`query($j: ID!) { matchCandidate(candidateId: "${candidateId}", jobId: $j, asOf: "${date}") { score } }`, { j: jobId });
    expect(refusal(literal)).toEqual({ status: 400, data: null, code: 'BAD_USER_INPUT', field: 'asOf' });
    const evidence = await t.gql(`mutation($input: AddSkillEvidenceInput!) { addSkillEvidence(input: $input) { id } }`, {
      input: { candidateId, skillId, level: 3, source: 'ASSESSMENT', evidencedAt: date },
    });
    expect(refusal(evidence)).toEqual({ status: 400, data: null, code: 'BAD_USER_INPUT', field: 'input.evidencedAt' });
    // nested in a field of the result too
    const profile = await t.gql(`query($id: ID!, $d: DateTime) { candidate(id: $id) { skillProfile(asOf: $d) { level } } }`, { id: candidateId, d: date });
    expect(refusal(profile)).toEqual({ status: 400, data: null, code: 'BAD_USER_INPUT', field: 'asOf' });
    expect(await totals()).toEqual(before);
  });

  it('accepts the edges of the range', async () => {
    for (const date of ['1900-01-01T00:00:00Z', '2200-12-31T23:59:59Z']) {
      expect((await t.gql(`query($j: ID!, $d: DateTime) { rankCandidates(jobId: $j, asOf: $d, first: 1) { totalCount } }`, { j: jobId, d: date })).errors).toBeUndefined();
    }
  });

  it.each<[string, string, Record<string, unknown>, string]>([
    ['rankingAudit(jobId: "")', 'query($j: ID) { rankingAudit(jobId: $j) { totalCount } }', { j: '' }, 'jobId'],
    ['replayRanking(auditId: "1")', 'query($a: ID!) { replayRanking(auditId: $a) { matches } }', { a: '1' }, 'auditId'],
    ['a requirement skillId', 'mutation($s: ID!) { createJob(input: { title: "Bad id", requirements: [{ skillId: $s }] }) { id } }', { s: "x' OR 1=1" }, 'input.requirements[0].skillId'],
    ['a credential id in a list', 'mutation($c: ID!) { savePathway(input: { name: "Bad", credentialIds: [$c] }) { id } }', { c: '-1' }, 'input.credentialIds[0]'],
  ])('refuses a malformed id: %s', async (_name, query, variables, field) => {
    const r = await t.gql(query, variables);
    expect(refusal(r)).toEqual({ status: 400, data: null, code: 'BAD_USER_INPUT', field });
    expect(r.errors?.[0].message).toBe(`${field} must be an id (a UUID)`);
  });

  it('refuses text with a lone surrogate (in an e-mail, a name, a literal) instead of storing something else; well-formed astral text is stored as sent', async () => {
    const before = await totals();
    for (const [input, field] of [
      [{ name: 'Lone Email', email: 'a\ud800@example.org' }, 'input.email'],
      [{ name: 'Lone \udc00 Name' }, 'input.name'],
      [{ name: 'Reversed \udc00\ud800 pair' }, 'input.name'],
    ] as const) {
      const r = await t.gql(`mutation($input: CreateCandidateInput!) { createCandidate(input: $input) { id name } }`, { input });
      expect(refusal(r)).toEqual({ status: 400, data: null, code: 'BAD_USER_INPUT', field });
      expect(r.errors?.[0].message).toMatch(/well-formed Unicode/);
    }
    expect(await totals()).toEqual(before);
    const astral = ok(await t.gql(`mutation($input: CreateCandidateInput!) { createCandidate(input: $input) { id name } }`, { input: { name: 'Ada 😀 𝔘' } })).createCandidate;
    expect(astral.name).toBe('Ada 😀 𝔘');
    const [stored] = await t.dataSource.query(`SELECT name FROM candidate WHERE id = $1`, [astral.id]);
    expect(stored.name).toBe('Ada 😀 𝔘');
  });
});
