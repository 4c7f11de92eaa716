import { ok, startTestApp, TestApp } from './support/test-app';

describe('taxonomy: search, resolution, extraction, neighbourhoods', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('finds a skill by exact name with score 1, and tolerates a typo', async () => {
    const exact = ok(await t.gql(`{ searchSkills(query: "ICT accessibility standards", first: 3) { score matchedText skill { name } } }`)).searchSkills;
    expect(exact[0]).toEqual({ score: 1, matchedText: 'ICT accessibility standards', skill: { name: 'ICT accessibility standards' } });
    const typo = ok(await t.gql(`{ searchSkills(query: "ICT accesibility standards", first: 3) { score skill { name } } }`)).searchSkills;
    expect(typo[0].skill.name).toBe('ICT accessibility standards');
    expect(typo[0].score).toBeLessThan(1);
  });

  it('refuses empty and over-long queries', async () => {
    for (const [query, field] of [['', 'query'], ['x'.repeat(201), 'query']]) {
      const r = await t.gql(`query($q: String!) { searchSkills(query: $q) { score } }`, { q: query });
      expect([r.errors?.[0].extensions?.code, r.errors?.[0].extensions?.field]).toEqual(['BAD_USER_INPUT', field]);
    }
    const long = await t.gql(`query($t: String!) { extractSkills(text: $t) { score } }`, { t: 'a '.repeat(10001) });
    expect(long.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('resolves a list of free-text skills, null when nothing is close', async () => {
    const r = ok(await t.gql(`{ resolveSkills(texts: ["ICT accessibility standards", "qqqqzzzz xxyyww"]) { text hit { score skill { name } } } }`)).resolveSkills;
    expect(r[0]).toEqual({ text: 'ICT accessibility standards', hit: { score: 1, skill: { name: 'ICT accessibility standards' } } });
    expect(r[1]).toEqual({ text: 'qqqqzzzz xxyyww', hit: null });
  });

  it('extracts skills from a posting with spans, and proposes a job from it', async () => {
    const text = 'We need someone who knows ICT accessibility standards and can measure software usability.';
    const hits = ok(await t.gql(`query($t: String!) { extractSkills(text: $t) { score matchedText start end skill { name } } }`, { t: text })).extractSkills;
    const names = hits.map((h: any) => h.skill.name);
    expect(names).toEqual(expect.arrayContaining(['ICT accessibility standards', 'measure software usability']));
    for (const h of hits) expect(text.slice(h.start, h.end)).toBe(h.matchedText);
    expect(new Set(names).size).toBe(names.length);
    const job = ok(await t.gql(`mutation($t: String!) { createJobFromText(title: "Accessibility QA", text: $t) { title requirements { level skill { name } } } }`, { t: text })).createJobFromText;
    expect(job.requirements.map((r: any) => r.skill.name)).toEqual(expect.arrayContaining(['ICT accessibility standards', 'measure software usability']));
  });

  it('returns a neighbourhood with typed edges, and keeps the graph current after createSkill', async () => {
    const parent = ok(await t.gql(`{ searchSkills(query: "ICT accessibility standards", first: 1) { skill { id } } }`)).searchSkills[0].skill;
    const child = ok(await t.gql(`mutation($p: ID!) { createSkill(input: { name: "WCAG 2.2 auditing", aliases: ["wcag audits"], category: TECHNICAL, broaderIds: [$p] }) { id } }`, { p: parent.id })).createSkill;
    const hood = ok(await t.gql(`query($id: ID!) { skillNeighborhood(id: $id, depth: 1) { nodes { distance skill { id } } edges { fromId toId type weight } } }`, { id: child.id })).skillNeighborhood;
    expect(hood.nodes).toEqual(expect.arrayContaining([{ distance: 0, skill: { id: child.id } }, { distance: 1, skill: { id: parent.id } }]));
    expect(hood.edges).toContainEqual({ fromId: child.id, toId: parent.id, type: 'BROADER', weight: 1 });
    const found = ok(await t.gql(`{ searchSkills(query: "wcag audits", first: 1) { score skill { id } } }`)).searchSkills;
    expect(found[0]).toEqual({ score: 1, skill: { id: child.id } });
    const deep = await t.gql(`query($id: ID!) { skillNeighborhood(id: $id, depth: 4) { nodes { distance } } }`, { id: child.id });
    expect([deep.errors?.[0].extensions?.code, deep.errors?.[0].extensions?.field]).toEqual(['BAD_USER_INPUT', 'depth']);
    const unknown = await t.gql(`{ skillNeighborhood(id: "00000000-0000-4000-8000-000000000000") { nodes { distance } } }`);
    expect(unknown.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });
});
