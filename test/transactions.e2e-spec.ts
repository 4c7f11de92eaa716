import { ok, startTestApp, TestApp } from './support/test-app';

describe('one transaction per mutation', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('50 concurrent mutations, some failing, leave exactly the rows of the successful ones', async () => {
    const parents = ok(await t.gql(`{ skills(first: 2) { edges { node { id } } } }`)).skills.edges.map((e: any) => e.node.id);
    const credential = ok(await t.gql(`{ credentials(first: 50) { edges { node { id validityMonths skills { level } } } } }`)).credentials.edges
      .map((e: any) => e.node)
      .find((c: any) => c.skills.length >= 2);
    const candidate = ok(await t.gql(`mutation { createCandidate(input: { name: "Concurrent Example" }) { id } }`)).createCandidate;
    const [{ n: skillsBefore }] = await t.dataSource.query('SELECT count(*)::int AS n FROM skill');
    const [{ n: edgesBefore }] = await t.dataSource.query('SELECT count(*)::int AS n FROM skill_broader');

    // 30 createSkill calls over 15 distinct URIs (each URI twice: one of each pair must fail),
    // 10 awards that succeed and 10 that fail (expiry before issue).
    const skillCalls = Array.from({ length: 30 }, (_, i) =>
      t.gql(`mutation($input: CreateSkillInput!) { createSkill(input: $input) { id externalUri } }`, {
        input: { name: `Concurrent skill ${i}`, category: 'TECHNICAL', externalUri: `urn:concurrent:${i % 15}`, broaderIds: parents },
      }),
    );
    const awardCalls = Array.from({ length: 20 }, (_, i) =>
      t.gql(`mutation($input: AwardCredentialInput!) { awardCredential(input: $input) { id } }`, {
        input: {
          candidateId: candidate.id,
          credentialId: credential.id,
          issuedAt: '2024-06-01T00:00:00Z',
          expiresAt: i % 2 === 0 ? '2027-06-01T00:00:00Z' : '2024-01-01T00:00:00Z',
        },
      }),
    );
    const results = await Promise.all([...skillCalls, ...awardCalls]);
    const skillResults = results.slice(0, 30);
    const created = skillResults.filter((r) => r.data?.createSkill);
    const refused = skillResults.filter((r) => r.errors);
    expect(created).toHaveLength(15);
    expect(refused).toHaveLength(15);
    for (const r of refused) expect(r.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(new Set(created.map((r) => r.data!.createSkill.externalUri)).size).toBe(15);

    const [{ n: skillsAfter }] = await t.dataSource.query('SELECT count(*)::int AS n FROM skill');
    const [{ n: edgesAfter }] = await t.dataSource.query('SELECT count(*)::int AS n FROM skill_broader');
    expect(skillsAfter - skillsBefore).toBe(15);
    expect(edgesAfter - edgesBefore).toBe(15 * parents.length);

    const awarded = results.slice(30).filter((r) => r.data?.awardCredential);
    expect(awarded).toHaveLength(10);
    const [{ n: earned }] = await t.dataSource.query('SELECT count(*)::int AS n FROM earned_credential WHERE candidate_id = $1', [candidate.id]);
    const [{ n: evidence }] = await t.dataSource.query('SELECT count(*)::int AS n FROM skill_evidence WHERE candidate_id = $1', [candidate.id]);
    expect(earned).toBe(10);
    expect(evidence).toBe(10 * credential.skills.length);
  });
});
