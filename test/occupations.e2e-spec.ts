import { ok, startTestApp, TestApp } from './support/test-app';

describe('occupations', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('lists and filters occupations with their essential and optional skills', async () => {
    const page = ok(await t.gql(`{ occupations(search: "developer", first: 5) { totalCount pageInfo { hasNextPage endCursor } edges { node { id name externalUri essentialSkills { id } optionalSkills { id } } } } }`)).occupations;
    expect(page.totalCount).toBeGreaterThan(0);
    for (const e of page.edges) {
      expect(e.node.name.toLowerCase()).toContain('developer');
      expect(e.node.externalUri).toMatch(/^http:\/\/data\.europa\.eu\/esco\/occupation\//);
      expect(e.node.essentialSkills.length).toBeGreaterThan(0);
    }
    const one = ok(await t.gql(`query($id: ID!) { occupation(id: $id) { name } }`, { id: page.edges[0].node.id })).occupation;
    expect(one.name).toBe(page.edges[0].node.name);
  });

  it('ranks a search by relevance: the exact name first, then names starting with it, and pages through all matches', async () => {
    const q = `query($s: String, $a: String) { occupations(search: $s, first: 3, after: $a) { totalCount pageInfo { hasNextPage endCursor } edges { node { id name } } } }`;
    const first = ok(await t.gql(q, { s: 'software developer' })).occupations;
    expect(first.edges[0].node.name).toBe('software developer');
    const names: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: any = ok(await t.gql(q, { s: 'developer', a: after })).occupations;
      names.push(...page.edges.map((e: any) => e.node.name));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    const total = ok(await t.gql(q, { s: 'developer' })).occupations.totalCount;
    expect(names).toHaveLength(total);
    expect(new Set(names).size).toBe(total);
    const rank = (n: string) => (n === 'developer' ? 0 : n.startsWith('developer') ? 1 : / developer/.test(n) ? 2 : 3);
    const ranks = names.map((n) => rank(n.toLowerCase()));
    expect([...ranks].sort((a, b) => a - b)).toEqual(ranks);
    const bad = await t.gql(q, { s: 'developer', a: Buffer.from('["x"]').toString('base64url') });
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('creates a job from an occupation: essential skills at level 3 weight 1, optional ones lighter', async () => {
    const occ = ok(await t.gql(`{ occupations(search: "software developer", first: 1) { edges { node { id name essentialSkills { id } optionalSkills { id } } } } }`)).occupations.edges[0].node;
    const job = ok(await t.gql(`mutation($id: ID!) { createJobFromOccupation(occupationId: $id, title: "Backend developer") { title requirements { level weight mandatory skill { id } } } }`, { id: occ.id })).createJobFromOccupation;
    expect(job.title).toBe('Backend developer');
    const essential = new Set(occ.essentialSkills.map((s: any) => s.id));
    const ess = job.requirements.filter((r: any) => essential.has(r.skill.id));
    const opt = job.requirements.filter((r: any) => !essential.has(r.skill.id));
    expect(ess).toHaveLength(occ.essentialSkills.length);
    for (const r of ess) expect([r.level, r.weight]).toEqual([3, 1]);
    expect(opt.length).toBe(Math.min(20, occ.optionalSkills.length));
    for (const r of opt) expect([r.level, r.weight]).toEqual([3, 0.5]);
    const untitled = ok(await t.gql(`mutation($id: ID!) { createJobFromOccupation(occupationId: $id) { title } }`, { id: occ.id })).createJobFromOccupation;
    expect(untitled.title).toBe(occ.name);
    const missing = await t.gql(`mutation { createJobFromOccupation(occupationId: "00000000-0000-4000-8000-000000000000") { id } }`);
    expect(missing.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const blank = await t.gql(`mutation($id: ID!) { createJobFromOccupation(occupationId: $id, title: "  ") { id } }`, { id: occ.id });
    expect([blank.errors?.[0].extensions?.code, blank.errors?.[0].extensions?.field]).toEqual(['BAD_USER_INPUT', 'title']);
  });
});
