import { ok, startTestApp, TestApp } from './support/test-app';

describe('candidates, earned credentials and evidence', () => {
  let t: TestApp;
  let credential: { id: string; validityMonths: number | null; skills: { level: number; skill: { id: string } }[] };
  beforeAll(async () => {
    t = await startTestApp();
    const data = ok(await t.gql(`{ credentials(first: 100) { edges { node { id validityMonths skills { level skill { id } } } } } }`));
    credential = data.credentials.edges.map((e: any) => e.node).find((c: any) => c.validityMonths && c.skills.length >= 2);
  });
  afterAll(() => t.close());

  const createCandidate = async (name: string, extra: Record<string, unknown> = {}) =>
    ok(await t.gql(`mutation($input: CreateCandidateInput!) { createCandidate(input: $input) { id name discoverable email } }`, { input: { name, ...extra } })).createCandidate;

  it('creates a candidate, discoverable by default', async () => {
    const c = await createCandidate('Ada Example', { email: 'Ada@Example.org' });
    expect(c).toMatchObject({ name: 'Ada Example', discoverable: true, email: 'ada@example.org' });
  });

  it('awards a credential: evidence per credential skill at its level, dated issuedAt; expiry defaults from validityMonths', async () => {
    const c = await createCandidate('Grace Example');
    const awarded = ok(
      await t.gql(`mutation($input: AwardCredentialInput!) { awardCredential(input: $input) { id issuedAt expiresAt verification credential { id } } }`, {
        input: { candidateId: c.id, credentialId: credential.id, issuedAt: '2024-01-31T00:00:00.000Z' },
      }),
    ).awardCredential;
    const expected = new Date(Date.UTC(2024, 0, 31));
    expected.setUTCDate(1);
    expected.setUTCMonth(expected.getUTCMonth() + credential.validityMonths!);
    const lastDay = new Date(Date.UTC(expected.getUTCFullYear(), expected.getUTCMonth() + 1, 0)).getUTCDate();
    expected.setUTCDate(Math.min(31, lastDay));
    expect(awarded).toMatchObject({ issuedAt: '2024-01-31T00:00:00.000Z', expiresAt: expected.toISOString(), verification: 'VERIFIED', credential: { id: credential.id } });
    const profile = ok(await t.gql(`query($id: ID!) { candidate(id: $id) { credentials { id } evidence { level source evidencedAt skill { id } } } }`, { id: c.id })).candidate;
    expect(profile.credentials).toEqual([{ id: awarded.id }]);
    const evidence = profile.evidence.map((e: any) => [e.skill.id, e.level, e.source, e.evidencedAt]).sort();
    const wanted = credential.skills.map((s) => [s.skill.id, s.level, 'CREDENTIAL', '2024-01-31T00:00:00.000Z']).sort();
    expect(evidence).toEqual(wanted);
  });

  it('keeps an explicit expiresAt and refuses one before issuedAt, writing nothing', async () => {
    const c = await createCandidate('Linus Example');
    const explicit = ok(
      await t.gql(`mutation($input: AwardCredentialInput!) { awardCredential(input: $input) { expiresAt } }`, {
        input: { candidateId: c.id, credentialId: credential.id, issuedAt: '2023-05-01T00:00:00Z', expiresAt: '2030-01-01T00:00:00Z' },
      }),
    ).awardCredential;
    expect(explicit.expiresAt).toBe('2030-01-01T00:00:00.000Z');
    const [{ n: before }] = await t.dataSource.query('SELECT count(*)::int AS n FROM skill_evidence');
    const bad = await t.gql(`mutation($input: AwardCredentialInput!) { awardCredential(input: $input) { id } }`, {
      input: { candidateId: c.id, credentialId: credential.id, issuedAt: '2023-05-01T00:00:00Z', expiresAt: '2023-04-01T00:00:00Z' },
    });
    expect([bad.errors?.[0].extensions?.code, bad.errors?.[0].extensions?.field]).toEqual(['BAD_USER_INPUT', 'input.expiresAt']);
    const unknown = await t.gql(`mutation($input: AwardCredentialInput!) { awardCredential(input: $input) { id } }`, {
      input: { candidateId: '00000000-0000-4000-8000-000000000000', credentialId: credential.id, issuedAt: '2023-05-01T00:00:00Z' },
    });
    expect([unknown.errors?.[0].extensions?.code, unknown.errors?.[0].extensions?.field]).toEqual(['NOT_FOUND', 'input.candidateId']);
    const [{ n: after }] = await t.dataSource.query('SELECT count(*)::int AS n FROM skill_evidence');
    expect(after).toBe(before);
  });

  it('adds evidence and validates it', async () => {
    const c = await createCandidate('Barbara Example');
    const skillId = credential.skills[0].skill.id;
    const added = ok(
      await t.gql(`mutation($input: AddSkillEvidenceInput!) { addSkillEvidence(input: $input) { level source evidencedAt skill { id } } }`, {
        input: { candidateId: c.id, skillId, level: 4, evidencedAt: '2025-03-01T12:00:00Z', source: 'ASSESSMENT' },
      }),
    ).addSkillEvidence;
    expect(added).toEqual({ level: 4, source: 'ASSESSMENT', evidencedAt: '2025-03-01T12:00:00.000Z', skill: { id: skillId } });
    const cases: [Record<string, unknown>, string, string][] = [
      [{ level: 0 }, 'BAD_USER_INPUT', 'input.level'],
      [{ level: 6 }, 'BAD_USER_INPUT', 'input.level'],
      [{ source: 'CREDENTIAL' }, 'BAD_USER_INPUT', 'input.source'],
      [{ evidencedAt: '2999-01-01T00:00:00Z' }, 'BAD_USER_INPUT', 'input.evidencedAt'],
      [{ skillId: '00000000-0000-4000-8000-000000000000' }, 'NOT_FOUND', 'input.skillId'],
    ];
    for (const [patch, code, field] of cases) {
      const result = await t.gql(`mutation($input: AddSkillEvidenceInput!) { addSkillEvidence(input: $input) { id } }`, {
        input: { candidateId: c.id, skillId, level: 3, evidencedAt: '2025-03-01T12:00:00Z', source: 'EXPERIENCE', ...patch },
      });
      expect([result.errors?.[0].extensions?.code, result.errors?.[0].extensions?.field]).toEqual([code, field]);
    }
    const bogusDate = await t.gql(`mutation { addSkillEvidence(input: { candidateId: "${c.id}", skillId: "${skillId}", level: 3, evidencedAt: "yesterday", source: EXPERIENCE }) { id } }`);
    expect(bogusDate.errors?.[0].extensions?.code).toMatch(/BAD_USER_INPUT|GRAPHQL_VALIDATION_FAILED/);
  });

  it('updates and deletes a candidate with everything they hold', async () => {
    const c = await createCandidate('Temp Example');
    ok(await t.gql(`mutation($input: AwardCredentialInput!) { awardCredential(input: $input) { id } }`, { input: { candidateId: c.id, credentialId: credential.id, issuedAt: '2024-01-01T00:00:00Z' } }));
    const updated = ok(await t.gql(`mutation($input: UpdateCandidateInput!) { updateCandidate(input: $input) { name discoverable } }`, { input: { id: c.id, discoverable: false, name: 'Renamed' } })).updateCandidate;
    expect(updated).toEqual({ name: 'Renamed', discoverable: false });
    expect(ok(await t.gql(`mutation($id: ID!) { deleteCandidate(id: $id) }`, { id: c.id })).deleteCandidate).toBe(c.id);
    const [{ n }] = await t.dataSource.query('SELECT count(*)::int AS n FROM skill_evidence WHERE candidate_id = $1', [c.id]);
    expect(n).toBe(0);
    const again = await t.gql(`mutation($id: ID!) { deleteCandidate(id: $id) }`, { id: c.id });
    expect(again.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('loads 100 candidates with their credentials, skills and evidence in a bounded number of queries', async () => {
    const query = (n: number) => `{ candidates(first: ${n}) { edges { node { name credentials { verification credential { name prerequisites { name } skills { level skill { name broader { name } } } } } evidence { level skill { name } } } } } }`;
    t.queries.count = 0;
    const small = ok(await t.gql(query(10)));
    const smallQueries = t.queries.count;
    t.queries.count = 0;
    const large = ok(await t.gql(query(100)));
    const largeQueries = t.queries.count;
    expect(large.candidates.edges).toHaveLength(100);
    expect(small.candidates.edges).toHaveLength(10);
    const evidenceCount = large.candidates.edges.reduce((n: number, e: any) => n + e.node.evidence.length, 0);
    expect(evidenceCount).toBeGreaterThan(500);
    expect(largeQueries).toBeLessThanOrEqual(15);
    expect(largeQueries).toBeLessThanOrEqual(smallQueries + 2);
  });
});
