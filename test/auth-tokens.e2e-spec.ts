import { demoTokens } from '../src/auth/demo-tokens';
import { claims, craftToken } from './support/tokens';
import { ok, startTestApp, TestApp } from './support/test-app';

/** Authentication: every GraphQL request needs a valid HS256 bearer token; /health stays open. */
describe('bearer tokens', () => {
  let t: TestApp;
  let learnerCandidate: string;
  const QUERY = '{ skills(first: 1) { totalCount } }';

  beforeAll(async () => {
    t = await startTestApp();
    learnerCandidate = ok(await t.gql(`mutation { createCandidate(input: { name: "Token Learner" }) { id } }`)).createCandidate.id;
  });
  afterAll(() => t.close());

  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

  it('accepts a valid token of every role', async () => {
    for (const [role, candidateId] of [['ADMIN'], ['RECRUITER'], ['ADVISOR'], ['LEARNER', learnerCandidate]] as const) {
      const r = await t.raw(QUERY, {}, bearer(craftToken(claims({ role, candidateId }))));
      expect({ role, status: r.status, data: r.data }).toEqual({ role, status: 200, data: { skills: { totalCount: expect.any(Number) } } });
    }
    // the scheme is case-insensitive
    expect((await t.raw(QUERY, {}, { authorization: `bearer ${craftToken(claims())}` })).status).toBe(200);
  });

  it.each<[string, Record<string, string>, RegExp]>([
    ['no Authorization header', {}, /Missing bearer token/],
    ['an empty header', { authorization: '' }, /Missing bearer token/],
    ['another scheme', { authorization: `Basic ${Buffer.from('admin:admin').toString('base64')}` }, /expected Bearer/],
    ['Bearer without a token', { authorization: 'Bearer ' }, /expected Bearer/],
    ['garbage', { authorization: 'Bearer not-a-jwt' }, /Malformed token/],
    ['three garbage segments', { authorization: 'Bearer aaa.bbb.ccc' }, /Malformed token/],
    ['an expired token', { authorization: `Bearer ${craftToken(claims({ iat: 1_000_000, exp: 1_000_600 }))}` }, /expired/],
    ['a wrong signature', { authorization: `Bearer ${craftToken(claims(), { secret: 'another-secret-that-is-long-enough-0123456789' })}` }, /signature/],
    ['alg none', { authorization: `Bearer ${craftToken(claims(), { alg: 'none' })}` }, /algorithm|Malformed/],
    ['HS512 with the right key', { authorization: `Bearer ${craftToken(claims(), { alg: 'HS512' })}` }, /algorithm/],
    ['an unknown role', { authorization: `Bearer ${craftToken(claims({ role: 'SUPERUSER' }))}` }, /role/],
    ['no role', { authorization: `Bearer ${craftToken(claims({ role: undefined }))}` }, /role/],
    ['no sub', { authorization: `Bearer ${craftToken(claims({ sub: undefined }))}` }, /sub/],
    ['no expiry', { authorization: `Bearer ${craftToken(claims({ exp: undefined }))}` }, /exp/],
    ['a learner without candidateId', { authorization: `Bearer ${craftToken(claims({ role: 'LEARNER' }))}` }, /candidateId/],
    ['a learner with a malformed candidateId', { authorization: `Bearer ${craftToken(claims({ role: 'LEARNER', candidateId: "1' OR '1'='1" }))}` }, /candidateId/],
    ['a token expiring in the year 9999', { authorization: `Bearer ${craftToken(claims({ exp: 253402300799 }))}` }, /Token lifetime exceeds the maximum of 24 h/],
    ['a token living 25 h', { authorization: `Bearer ${craftToken(claims({ exp: Math.floor(Date.now() / 1000) + 25 * 3600 }))}` }, /lifetime/],
    ['a 25 h token without iat', { authorization: `Bearer ${craftToken(claims({ iat: undefined, exp: Math.floor(Date.now() / 1000) + 25 * 3600 }))}` }, /lifetime/],
    ['a token not valid yet', { authorization: `Bearer ${craftToken(claims({ nbf: Math.floor(Date.now() / 1000) + 3600 }))}` }, /nbf/],
  ])('refuses %s: UNAUTHENTICATED, HTTP 401, no data', async (_name, headers, message) => {
    const r = await t.raw(QUERY, {}, headers);
    expect(r.status).toBe(401);
    expect(r.data).toBeUndefined();
    expect(r.errors).toHaveLength(1);
    expect(r.errors![0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(r.errors![0].message).toMatch(message);
  });

  it('refuses a token whose payload was edited (role raised) after signing', async () => {
    const [header, , signature] = craftToken(claims({ role: 'LEARNER', candidateId: learnerCandidate })).split('.');
    const forged = `${header}.${Buffer.from(JSON.stringify(claims({ role: 'ADMIN' }))).toString('base64url')}.${signature}`;
    const r = await t.raw(QUERY, {}, bearer(forged));
    expect([r.status, r.errors?.[0].extensions?.code]).toEqual([401, 'UNAUTHENTICATED']);
  });

  it('does not answer unauthenticated introspection or malformed queries with schema details', async () => {
    const introspection = await t.raw('{ __schema { types { name } } }');
    expect([introspection.status, introspection.errors?.[0].extensions?.code, introspection.data]).toEqual([401, 'UNAUTHENTICATED', undefined]);
    const typo = await t.raw('{ candidatez { id } }');
    expect([typo.status, typo.errors?.[0].extensions?.code]).toEqual([401, 'UNAUTHENTICATED']);
    expect(JSON.stringify(typo)).not.toMatch(/Did you mean/);
  });

  it('keeps GET /health open', async () => {
    const response = await fetch(t.url.replace('/graphql', '/health'));
    expect(response.status).toBe(200);
  });

  it('makes one working demo token per role, the learner token for a discoverable candidate', async () => {
    const demo = await demoTokens(t.app);
    expect(demo.map((d) => [d.role, d.sub])).toEqual([
      ['ADMIN', 'demo-admin'],
      ['RECRUITER', 'demo-recruiter'],
      ['ADVISOR', 'demo-advisor'],
      ['LEARNER', 'demo-learner'],
    ]);
    const learner = demo[3];
    const me = await t.raw(`query($c: ID!) { candidate(id: $c) { id discoverable } }`, { c: learner.candidate!.id }, bearer(learner.token));
    expect(me.data).toEqual({ candidate: { id: learner.candidate!.id, discoverable: true } });
    for (const d of demo) expect((await t.raw(QUERY, {}, bearer(d.token))).status).toBe(200);
  });

  it("prints the README's learner as the demo LEARNER, and the demo ADVISOR is assigned to them and to other demo learners", async () => {
    const demo = await demoTokens(t.app);
    const learner = demo.find((d) => d.role === 'LEARNER')!;
    const advisor = demo.find((d) => d.role === 'ADVISOR')!;
    expect(learner.candidate!.id).toBe('82e411d0-2065-57ca-abd0-2b37712efe88');
    const mine = await t.raw(`{ candidates(first: 50) { totalCount edges { node { id } } } }`, {}, bearer(advisor.token));
    expect(mine.data?.candidates.totalCount).toBeGreaterThan(1);
    expect(mine.data?.candidates.edges.map((e: any) => e.node.id)).toContain(learner.candidate!.id);
    const plan = await t.raw(
      `query($c: ID!, $j: ID!) { planPathway(input: { candidateId: $c, jobId: $j, targetScore: 0.6 }) { startScore } }`,
      { c: learner.candidate!.id, j: 'fa3edf11-d96c-5237-8a86-9f12f8b73c40' },
      bearer(advisor.token),
    );
    expect(plan.errors).toBeUndefined();
    expect(typeof plan.data?.planPathway.startScore).toBe('number');
  });

  it('mints tokens the app accepts (TokenService, as used by npm run token and the demo tokens)', async () => {
    const token = await t.token('RECRUITER', { sub: 'alice' });
    const [, payload] = token.split('.');
    expect(JSON.parse(Buffer.from(payload, 'base64url').toString())).toMatchObject({ sub: 'alice', role: 'RECRUITER', exp: expect.any(Number) });
    expect((await t.raw(QUERY, {}, bearer(token))).status).toBe(200);
    const expired = await t.token('RECRUITER', { sub: 'alice' }, -60);
    expect((await t.raw(QUERY, {}, bearer(expired))).errors?.[0].message).toMatch(/expired/);
  });
});

describe('AUTH_TOKEN_MAX_TTL', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { AUTH_TOKEN_MAX_TTL: '30m' } });
  });
  afterAll(() => t.close());

  it('refuses tokens living longer than the configured maximum, accepts shorter ones', async () => {
    const now = Math.floor(Date.now() / 1000);
    const short = await t.raw('{ skills(first: 1) { totalCount } }', {}, { authorization: `Bearer ${craftToken(claims({ exp: now + 1800 }))}` });
    expect(short.status).toBe(200);
    const long = await t.raw('{ skills(first: 1) { totalCount } }', {}, { authorization: `Bearer ${craftToken(claims({ exp: now + 3600 }))}` });
    expect([long.status, long.errors?.[0].extensions?.code, long.errors?.[0].message]).toEqual([401, 'UNAUTHENTICATED', 'Token lifetime exceeds the maximum of 30 min']);
    // the app's own signer keeps to the same maximum
    await expect(t.token('ADMIN', { sub: 'long' }, 3600)).rejects.toThrow(/ttl must be at most 30 min/);
  });
});
