import { getIntrospectionQuery } from 'graphql';
import { GqlResult, ok, startTestApp, TestApp } from './support/test-app';

const code = (r: GqlResult) => r.errors?.[0]?.extensions?.code;

/** `{ skills(first: 1) { edges { node { broader { broader … { name } } } } } }` with `levels` fields on the deepest path. */
function nested(levels: number): string {
  const broader = Math.max(0, levels - 4); // skills, edges, node … name
  return `{ skills(first: 1) { edges { node { ${'broader { '.repeat(broader)}name${' }'.repeat(broader)} } } } }`;
}

describe('API limits', () => {
  let t: TestApp;
  let jobId: string;
  beforeAll(async () => {
    t = await startTestApp();
    jobId = ok(await t.gql(`{ jobs(first: 1) { edges { node { id } } } }`)).jobs.edges[0].node.id;
  });
  afterAll(() => t.close());

  it('allows a query 10 fields deep and refuses one 11 deep: BAD_USER_INPUT naming the limit, HTTP 400, nothing runs', async () => {
    expect((await t.gql(nested(10))).errors).toBeUndefined();
    const deep = await t.gql(nested(11));
    expect([deep.status, code(deep), deep.data]).toEqual([400, 'BAD_USER_INPUT', undefined]);
    expect(deep.errors?.[0].message).toBe('Query depth 11 exceeds the maximum of 10');
  });

  it('counts depth through fragments and inline fragments', async () => {
    const query = `query { skills(first: 1) { edges { ...E } } }
      fragment E on SkillEdge { node { ... on Skill { broader { ...B } } } }
      fragment B on Skill { broader { broader { broader { broader { broader { broader { name } } } } } } }`;
    const r = await t.gql(query);
    expect(code(r)).toBe('BAD_USER_INPUT');
    expect(r.errors?.[0].message).toMatch(/depth 11 exceeds the maximum of 10/);
  });

  it('refuses an over-complex query with the budget in the message; a large legal one passes', async () => {
    const heavy = `{ ${Array.from({ length: 12 }, (_, i) => `r${i}: rankCandidates(jobId: "${jobId}", first: 100) { edges { node { score candidate { name } } } }`).join(' ')} }`;
    const refused = await t.gql(heavy);
    expect([refused.status, code(refused), refused.data]).toEqual([400, 'BAD_USER_INPUT', undefined]);
    expect(refused.errors?.[0].message).toMatch(/^Query complexity \d+ exceeds the maximum of 5000/);
    const [{ n: audits }] = await t.dataSource.query('SELECT count(*)::int AS n FROM ranking_audit');
    expect(audits).toBe(0); // nothing ran
    const legal = await t.gql(`{ candidates(first: 100) { edges { node { name credentials { credential { name skills { level skill { name } } } } evidence { level skill { name } } } } } }`);
    expect(legal.errors).toBeUndefined();
  });

  it('refuses the doubling fragments 30 levels deep (2^30 fields once expanded) in milliseconds, from any role, nothing runs', async () => {
    const fragments = ['fragment F0 on Skill { name broader { name } }'];
    for (let i = 1; i <= 30; i++) fragments.push(`fragment F${i} on Skill { ...F${i - 1} ...F${i - 1} }`);
    const query = `{ skills(first: 1) { edges { node { ...F30 } } } } ${fragments.join(' ')}`;
    expect(query.length).toBeLessThan(2000);
    const learnerId = ok(await t.gql(`mutation { createCandidate(input: { name: "Doubling" }) { id } }`)).createCandidate.id;
    const times: number[] = [];
    for (const as of [t.as('RECRUITER'), t.as('LEARNER', { candidateId: learnerId }), t.as('ADVISOR'), t.gql]) {
      const started = performance.now();
      const r = await as(query);
      const ms = performance.now() - started;
      expect([r.status, code(r), r.data]).toEqual([400, 'BAD_USER_INPUT', undefined]);
      expect(r.errors?.[0].message).toMatch(/^Query complexity \d+ exceeds the maximum of 5000/);
      expect(ms).toBeLessThan(1000); // before: the depth walk doubled with each level (about 30 s at 24 levels)
      times.push(Math.round(ms));
    }
    process.stdout.write(`doubling fragments, 30 levels: refused in ${times.join(', ')} ms (RECRUITER, LEARNER, ADVISOR, ADMIN)\n`);
  });

  it('caps root fields at 20 and aliases at 30 per operation, fragments expanded', async () => {
    const roots = (n: number) => Array.from({ length: n }, (_, i) => `r${i}: skills(first: 1) { totalCount }`).join(' ');
    expect((await t.gql(`{ ${roots(20)} }`)).errors).toBeUndefined();
    const tooMany = await t.gql(`{ ${roots(21)} }`);
    expect([tooMany.status, code(tooMany), tooMany.errors?.[0].message]).toEqual([400, 'BAD_USER_INPUT', 'Query has 21 root fields, more than the maximum of 20']);
    const viaFragment = await t.gql(`{ ...R ...R } fragment R on Query { ${roots(11)} }`);
    expect(viaFragment.errors?.[0].message).toBe('Query has 22 root fields, more than the maximum of 20');
    const names = (n: number) => Array.from({ length: n }, (_, i) => `n${i}: name`).join(' ');
    expect((await t.gql(`{ skills(first: 1) { edges { node { ${names(30)} } } } }`)).errors).toBeUndefined();
    const aliased = await t.gql(`{ skills(first: 1) { edges { node { ...N ...N } } } } fragment N on Skill { ${names(16)} }`);
    expect([aliased.status, code(aliased), aliased.errors?.[0].message]).toEqual([400, 'BAD_USER_INPUT', 'Query has 32 aliases, more than the maximum of 30']);
  });

  it('prices introspection like any field: GraphiQL\'s introspection query passes, a fan-out through the types is refused', async () => {
    const standard = await t.gql(getIntrospectionQuery());
    expect(standard.errors).toBeUndefined();
    expect(standard.data?.__schema.queryType.name).toBe('Query');
    // the same document with its __schema selection asked for under several aliases
    const intro = getIntrospectionQuery();
    const at = intro.indexOf('fragment FullType');
    const body = intro.slice(intro.indexOf('__schema'), intro.lastIndexOf('}', at));
    const copies = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `s${i}: ${body}`).join(' ')} } ${intro.slice(at)}`;
    expect((await t.gql(copies(2))).errors).toBeUndefined();
    const many = await t.gql(copies(20));
    expect([many.status, code(many), many.data]).toEqual([400, 'BAD_USER_INPUT', undefined]);
    expect(many.errors?.[0].message).toMatch(/^Query complexity \d+ exceeds the maximum of 5000/);
    // a fan-out graphql-js's own introspection rule lets through (two nested type lists) is priced too
    const fanOut = await t.gql(`{ __schema { types { fields { args { type { fields { args { type { enumValues { name } } } } } } } } } }`);
    expect([fanOut.status, code(fanOut), fanOut.data]).toEqual([400, 'BAD_USER_INPUT', undefined]);
    expect(fanOut.errors?.[0].message).toMatch(/^Query complexity \d+ exceeds the maximum of 5000/);
  });

  it('weighs lists by first, and taxonomy lists by their expected fan-out', async () => {
    const wide = await t.gql(
      `{ a: credentials(first: 100) { edges { node { skills { skill { broader { name narrower { name related { skill { name } } } } } } } } }
         b: credentials(first: 100) { edges { node { skills { skill { broader { name narrower { name related { skill { name } } } } } } } } }
         c: credentials(first: 100) { edges { node { skills { skill { broader { name narrower { name related { skill { name } } } } } } } } } }`,
    );
    expect(code(wide)).toBe('BAD_USER_INPUT');
    expect(wide.errors?.[0].message).toMatch(/exceeds the maximum of 5000/);
    const narrow = await t.gql(`{ a: credentials(first: 10) { edges { node { skills { skill { broader { name narrower { name } } } } } } } }`);
    expect(narrow.errors).toBeUndefined();
  });

  it('keeps first at most 100', async () => {
    const r = await t.gql(`{ candidates(first: 101) { totalCount } }`);
    expect([code(r), r.errors?.[0].extensions?.field]).toEqual(['BAD_USER_INPUT', 'first']);
  });

  it('refuses request bodies over 1 MB with a GraphQL error (HTTP 413, BAD_USER_INPUT) and writes nothing', async () => {
    const candidateId = ok(await t.gql(`mutation { createCandidate(input: { name: "Limits" }) { id } }`)).createCandidate.id;
    const count = async (): Promise<number> => Number((await t.dataSource.query(`SELECT count(*)::int AS n FROM earned_credential WHERE candidate_id = $1`, [candidateId]))[0].n);
    const post = async (body: string): Promise<Response> =>
      fetch(t.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${await t.token('ADMIN')}` }, body });
    const query = 'mutation($input: ImportBadgeInput!) { importBadge(input: $input) { id } }';
    // just under the limit: parsed, and the credential (not JSON-LD) is refused by the verifier
    const fits = JSON.stringify({ query, variables: { input: { candidateId, credential: 'z'.repeat(1_048_576 - 300) } } });
    expect(Buffer.byteLength(fits)).toBeLessThanOrEqual(1_048_576);
    const under = await post(fits);
    expect(under.status).not.toBe(413);
    expect(((await under.json()) as any).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.credential' });
    // one byte over
    const over = await post(JSON.stringify({ query, variables: { input: { candidateId, credential: 'z'.repeat(1_048_576) } } }));
    expect(over.status).toBe(413);
    const body = (await over.json()) as any;
    expect(body.errors[0].extensions).toEqual({ code: 'BAD_USER_INPUT', limit: 1_048_576 });
    expect(body.errors[0].message).toMatch(/larger than 1048576 bytes/);
    expect(await count()).toBe(0);
    // a body that is not JSON
    const broken = await post('{"query": ');
    expect(broken.status).toBe(400);
    expect(((await broken.json()) as any).errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('serves introspection outside production', async () => {
    const r = await t.gql(`{ __schema { queryType { name } } }`);
    expect(r.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
  });
});

describe('rate limits per token', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ rateLimitPerMinute: 5 });
  });
  afterAll(() => t.close());

  it('allows RATE_LIMIT_PER_MINUTE requests per token (sub) a minute, then TOO_MANY_REQUESTS; other tokens are unaffected', async () => {
    const alice = t.as('RECRUITER', { sub: 'alice' });
    // several root fields in one request count once
    for (let i = 0; i < 5; i++) expect((await alice(`{ a: skills(first: 1) { totalCount } b: jobs(first: 1) { totalCount } }`)).errors).toBeUndefined();
    const refused = await alice(`{ skills(first: 1) { totalCount } }`);
    expect(code(refused)).toBe('TOO_MANY_REQUESTS');
    expect(refused.errors?.[0].message).toMatch(/^Rate limit exceeded: at most 5 requests per 60 s for this token; retry in \d+ s$/);
    expect(refused.errors?.[0].extensions?.retryAfterSeconds).toBeGreaterThan(0);
    // a new token for the same sub is the same caller
    expect(code(await t.as('RECRUITER', { sub: 'alice' })(`{ jobs(first: 1) { totalCount } }`, {}, { 'x-new': '1' }))).toBe('TOO_MANY_REQUESTS');
    const bob = t.as('RECRUITER', { sub: 'bob' });
    expect((await bob(`{ skills(first: 1) { totalCount } }`)).errors).toBeUndefined();
    // /health is never limited
    for (let i = 0; i < 8; i++) expect((await fetch(t.url.replace('/graphql', '/health'))).status).toBe(200);
  });
});

describe('in production', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { NODE_ENV: 'production' } });
  });
  afterAll(() => t.close());

  it('turns off introspection and the landing page', async () => {
    const r = await t.gql(`{ __schema { queryType { name } } }`);
    expect(r.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const page = await fetch(t.url, { headers: { accept: 'text/html' } });
    expect(await page.text()).not.toMatch(/<html/i);
    expect(ok(await t.gql(`{ skills(first: 1) { totalCount } }`)).skills.totalCount).toBeGreaterThan(0);
  });
});
