import { ok, startTestApp, TestApp } from './support/test-app';

const ICT_ACCESSIBILITY = '340dc94a-f1c2-5bf4-81d3-34fc534f8965';

/** Strings shaped like SQL, HTML, template and NoSQL injections. */
const PAYLOADS = [
  `'; DROP TABLE candidate; --`,
  `Robert'); DELETE FROM skill_evidence WHERE ('1'='1`,
  `<script>alert("x")</script>`,
  `<img src=x onerror=alert(1)>`,
  `{{7*7}}`,
  '${7*7}',
  `{"$where": "sleep(1000)"}`,
  `$where`,
  `%_\\%`,
];

/**
 * Every text input stores and echoes injection-shaped strings verbatim and never executes them:
 * all SQL is parameterised, nothing is templated or evaluated. The tables are all still there.
 */
describe('injection-shaped text', () => {
  let t: TestApp;
  let jobId: string;
  let credentialId: string;
  let tables: string[];

  const countRows = async (table: string): Promise<number> => (await t.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n;
  const listTables = async (): Promise<string[]> =>
    (await t.dataSource.query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`)).map((r: { tablename: string }) => r.tablename);

  beforeAll(async () => {
    t = await startTestApp();
    tables = await listTables();
    jobId = ok(await t.gql(`mutation($input: CreateJobInput!) { createJob(input: $input) { id } }`, { input: { title: 'Injection job', requirements: [{ skillId: ICT_ACCESSIBILITY }] } }))
      .createJob.id;
    credentialId = ok(await t.gql(`{ credentials(first: 100) { edges { node { id prerequisites { id } components { id } } } } }`)).credentials.edges
      .map((e: any) => e.node)
      .find((c: any) => c.prerequisites.length === 0 && c.components.length === 0).id;
  });
  afterAll(() => t.close());

  it.each(PAYLOADS.map((p) => [p]))('stores and echoes %s verbatim in every text input', async (payload) => {
    const candidatesBefore = await countRows('candidate');
    const candidate = ok(await t.gql(`mutation($name: String!) { createCandidate(input: { name: $name }) { id name } }`, { name: payload })).createCandidate;
    expect(candidate.name).toBe(payload);
    const renamed = ok(await t.gql(`mutation($id: ID!, $name: String!) { updateCandidate(input: { id: $id, name: $name }) { name } }`, { id: candidate.id, name: `${payload}!` }))
      .updateCandidate;
    expect(renamed.name).toBe(`${payload}!`);

    const skill = ok(
      await t.gql(`mutation($input: CreateSkillInput!) { createSkill(input: $input) { name description aliases } }`, {
        input: { name: `Skill ${payload}`, description: payload, aliases: [`alias ${payload}`], category: 'TECHNICAL' },
      }),
    ).createSkill;
    expect(skill).toEqual({ name: `Skill ${payload}`, description: payload, aliases: [`alias ${payload}`] });

    const credential = ok(
      await t.gql(`mutation($input: CreateCredentialInput!) { createCredential(input: $input) { name issuer description } }`, {
        input: { name: `Credential ${payload}`, issuer: payload, description: payload, type: 'BADGE', hours: 1, cost: 0, skills: [{ skillId: ICT_ACCESSIBILITY, level: 1 }] },
      }),
    ).createCredential;
    expect(credential).toEqual({ name: `Credential ${payload}`, issuer: payload, description: payload });

    const job = ok(
      await t.gql(`mutation($input: CreateJobInput!) { createJob(input: $input) { id title description } }`, {
        input: { title: `Job ${payload}`, description: payload, requirements: [{ skillId: ICT_ACCESSIBILITY }] },
      }),
    ).createJob;
    expect(job).toMatchObject({ title: `Job ${payload}`, description: payload });
    const updatedJob = ok(await t.gql(`mutation($id: ID!, $t: String!) { updateJob(input: { id: $id, title: $t }) { title } }`, { id: job.id, t: `${payload}?` })).updateJob;
    expect(updatedJob.title).toBe(`${payload}?`);

    const fromText = ok(
      await t.gql(`mutation($title: String!, $text: String!) { createJobFromText(title: $title, text: $text) { title description } }`, {
        title: payload,
        text: `ICT accessibility standards ${payload}`,
      }),
    ).createJobFromText;
    expect(fromText).toEqual({ title: payload, description: `ICT accessibility standards ${payload}` });

    const pathway = ok(
      await t.gql(`mutation($input: SavePathwayInput!) { savePathway(input: $input) { id name } }`, { input: { name: payload, candidateId: candidate.id, credentialIds: [credentialId] } }),
    ).savePathway;
    expect(pathway.name).toBe(payload);
    expect(ok(await t.gql(`mutation($id: ID!, $n: String!) { updatePathway(input: { id: $id, name: $n }) { name } }`, { id: pathway.id, n: `${payload}.` })).updatePathway.name).toBe(
      `${payload}.`,
    );

    const assignment = ok(await t.gql(`mutation($c: ID!, $s: String!) { assignAdvisor(candidateId: $c, advisorSub: $s) { advisorSub } }`, { c: candidate.id, s: payload })).assignAdvisor;
    expect(assignment.advisorSub).toBe(payload);

    // a recruiter of their own for each payload: nobody is unmasked for them yet
    const recruiter = t.as('RECRUITER', { sub: `injection-${Buffer.from(payload).toString('hex')}` });
    const handle = ok(await recruiter(`query($j: ID!) { rankCandidates(jobId: $j, first: 1, masked: true) { edges { node { candidate { id } } } } }`, { j: jobId })).rankCandidates.edges[0].node.candidate
      .id;
    ok(await recruiter(`mutation($h: ID!, $r: String) { unmaskCandidate(handle: $h, reason: $r) { id } }`, { h: handle, r: payload }));
    const [unmask] = await t.dataSource.query(`SELECT reason FROM candidate_unmask WHERE actor_sub = $1`, [`injection-${Buffer.from(payload).toString('hex')}`]);
    expect(unmask.reason).toBe(payload);

    // searches treat it as plain text (LIKE wildcards included)
    const found = ok(await t.gql(`query($s: String!) { candidates(search: $s, first: 100) { edges { node { name } } } }`, { s: payload })).candidates.edges.map((e: any) => e.node.name);
    expect(found).toContain(`${payload}!`);
    expect(found.every((name: string) => name.toLowerCase().includes(payload.toLowerCase()))).toBe(true);
    for (const list of ['skills', 'jobs', 'credentials', 'occupations']) {
      const r = await t.gql(`query($s: String!) { ${list}(search: $s, first: 100) { totalCount } }`, { s: payload });
      expect({ list, errors: r.errors }).toEqual({ list, errors: undefined });
    }
    const lookups = await t.gql(
      `query($q: String!, $texts: [String!]!) { searchSkills(query: $q) { score } extractSkills(text: $q) { score } resolveSkills(texts: $texts) { text } skillByUri(uri: $q) { id } }`,
      { q: payload, texts: [payload] },
    );
    expect(lookups.errors).toBeUndefined();
    expect(lookups.data?.resolveSkills).toEqual([{ text: payload }]);
    expect(lookups.data?.skillByUri).toBeNull();

    // ids shaped like injections are malformed ids: refused before anything runs, naming the field
    const byId = await t.gql(`query($id: ID!) { candidate(id: $id) { id } skill(id: $id) { id } job(id: $id) { id } }`, { id: payload });
    expect([byId.status, byId.data, byId.errors?.[0].extensions]).toEqual([400, undefined, { code: 'BAD_USER_INPUT', field: 'id' }]);

    expect(await listTables()).toEqual(tables);
    expect(await countRows('candidate')).toBe(candidatesBefore + 1);
  });

  it('refuses NUL characters (which PostgreSQL cannot store) in variables and literals as bad input, not a server error', async () => {
    const asVariable = await t.gql(`mutation($n: String!) { createCandidate(input: { name: $n }) { id } }`, { n: 'a\u0000b' });
    expect([asVariable.status, asVariable.errors?.[0].extensions?.code]).toEqual([400, 'BAD_USER_INPUT']);
    expect(asVariable.errors?.[0].message).toMatch(/NUL/);
    const asLiteral = await t.gql(`{ candidates(search: "a\\u0000b") { totalCount } }`);
    expect(asLiteral.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const nested = await t.gql(`query($t: [String!]!) { resolveSkills(texts: $t) { text } }`, { t: ['ok', 'bad\u0000'] });
    expect(nested.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('stores e-mail addresses only when they are e-mail addresses', async () => {
    const r = await t.gql(`mutation($e: String) { createCandidate(input: { name: "Mail", email: $e }) { id } }`, { e: `x'; DROP TABLE candidate; --@example.org` });
    expect(r.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(await listTables()).toEqual(tables);
  });
});
