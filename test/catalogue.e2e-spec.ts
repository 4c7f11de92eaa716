import { ok, startTestApp, TestApp } from './support/test-app';

const SKILL_FIELDS = 'id name aliases category halfLifeMonths externalUri broader { id name } narrower { id } related { weight skill { id } }';

describe('catalogue: skills and credentials', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  async function count(table: string): Promise<number> {
    const [row] = await t.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`);
    return row.n;
  }

  async function someSkills(n: number): Promise<{ id: string; name: string }[]> {
    const data = ok(await t.gql(`{ skills(first: ${n}) { edges { node { id name } } } }`));
    return data.skills.edges.map((e: any) => e.node);
  }

  it('creates a skill under a broader one; the effective half-life falls back to the category', async () => {
    const [parent] = await someSkills(1);
    const created = ok(
      await t.gql(`mutation($input: CreateSkillInput!) { createSkill(input: $input) { ${SKILL_FIELDS} } }`, {
        input: { name: 'Zig programming', aliases: ['ziglang', 'Zig programming'], category: 'TECHNICAL', externalUri: 'urn:test:zig', broaderIds: [parent.id] },
      }),
    ).createSkill;
    expect(created).toMatchObject({ name: 'Zig programming', aliases: ['ziglang'], category: 'TECHNICAL', halfLifeMonths: 30, externalUri: 'urn:test:zig' });
    expect(created.broader).toEqual([{ id: parent.id, name: parent.name }]);
    const byUri = ok(await t.gql(`{ skillByUri(uri: "urn:test:zig") { id } }`)).skillByUri;
    expect(byUri.id).toBe(created.id);
    const parentNarrower = ok(await t.gql(`query($id: ID!) { skill(id: $id) { narrower { id } } }`, { id: parent.id })).skill.narrower;
    expect(parentNarrower.map((s: any) => s.id)).toContain(created.id);
    const durable = ok(await t.gql(`mutation { createSkill(input: { name: "Negotiation x", category: DURABLE, halfLifeMonths: 90 }) { halfLifeMonths } }`));
    expect(durable.createSkill.halfLifeMonths).toBe(90);
  });

  it('refuses bad skill input with BAD_USER_INPUT and a field path, writing nothing', async () => {
    const before = await count('skill');
    const cases: [Record<string, unknown>, string, string][] = [
      [{ name: '', category: 'TECHNICAL' }, 'BAD_USER_INPUT', 'input.name'],
      [{ name: '   ', category: 'TECHNICAL' }, 'BAD_USER_INPUT', 'input.name'],
      [{ name: 'x'.repeat(301), category: 'TECHNICAL' }, 'BAD_USER_INPUT', 'input.name'],
      [{ name: 'ok', category: 'TECHNICAL', halfLifeMonths: -1 }, 'BAD_USER_INPUT', 'input.halfLifeMonths'],
      [{ name: 'ok', category: 'TECHNICAL', broaderIds: ['not-a-uuid'] }, 'BAD_USER_INPUT', 'input.broaderIds[0]'],
      [{ name: 'ok', category: 'TECHNICAL', broaderIds: ['00000000-0000-4000-8000-000000000000'] }, 'NOT_FOUND', 'input.broaderIds[0]'],
      [{ name: 'ok', category: 'TECHNICAL', externalUri: 'urn:test:zig' }, 'BAD_USER_INPUT', 'input.externalUri'],
    ];
    for (const [input, code, field] of cases) {
      const result = await t.gql(`mutation($input: CreateSkillInput!) { createSkill(input: $input) { id } }`, { input });
      expect({ input, code: result.errors?.[0].extensions?.code, field: result.errors?.[0].extensions?.field }).toEqual({ input, code, field });
      expect(JSON.stringify(result.errors)).not.toMatch(/stack|at .*\.ts/);
    }
    expect(await count('skill')).toBe(before);
  });

  it('returns null for unknown ids and refuses malformed ones (BAD_USER_INPUT naming the field)', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    const data = ok(await t.gql(`{ a: skill(id: "${unknown}") { id } c: credential(id: "${unknown}") { id } d: job(id: "${unknown}") { id } e: candidate(id: "${unknown}") { id } }`));
    expect(data).toEqual({ a: null, c: null, d: null, e: null });
    for (const query of ['{ skill(id: "nope") { id } }', '{ credential(id: "x") { id } }', '{ job(id: "") { id } }', '{ candidate(id: "x") { id } }']) {
      const r = await t.gql(query);
      expect({ query, status: r.status, data: r.data, extensions: r.errors?.[0].extensions }).toEqual({ query, status: 400, data: undefined, extensions: { code: 'BAD_USER_INPUT', field: 'id' } });
    }
  });

  it('pages through skills alphabetically with stable cursors and a name filter', async () => {
    const first = ok(await t.gql(`{ skills(first: 3) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { name } } } }`)).skills;
    expect(first.edges).toHaveLength(3);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = ok(await t.gql(`query($after: String) { skills(first: 3, after: $after) { edges { node { name } } } }`, { after: first.pageInfo.endCursor })).skills;
    const all = ok(await t.gql(`{ skills(first: 6) { edges { node { name } } } }`)).skills;
    expect([...first.edges, ...second.edges].map((e: any) => e.node.name)).toEqual(all.edges.map((e: any) => e.node.name));
    const filtered = ok(await t.gql(`{ skills(search: "PROGRAMMING", first: 100) { totalCount edges { node { name } } } }`)).skills;
    expect(filtered.totalCount).toBeGreaterThan(0);
    for (const e of filtered.edges) expect(e.node.name.toLowerCase()).toContain('programming');
    for (const [args, field] of [['first: 0', 'first'], ['first: 101', 'first'], ['after: "%%%"', 'after']]) {
      const bad = await t.gql(`{ skills(${args}) { totalCount } }`);
      expect([bad.errors?.[0].extensions?.code, bad.errors?.[0].extensions?.field]).toEqual(['BAD_USER_INPUT', field]);
    }
  });

  it('creates, updates and deletes a credential, refusing cycles and bad references', async () => {
    const [s1, s2] = await someSkills(2);
    const create = (input: Record<string, unknown>) =>
      t.gql(`mutation($input: CreateCredentialInput!) { createCredential(input: $input) { id name requiredComponents skills { level skill { id } } prerequisites { id } components { id } stacksInto { id } } }`, { input });
    const base = { issuer: 'Test U', type: 'MICRO_CREDENTIAL', hours: 10, cost: 100 };
    const a = ok(await create({ ...base, name: 'A', skills: [{ skillId: s1.id, level: 2 }] })).createCredential;
    const b = ok(await create({ ...base, name: 'B', skills: [{ skillId: s2.id, level: 3 }], prerequisiteIds: [a.id] })).createCredential;
    const stack = ok(await create({ ...base, name: 'Stack', type: 'CERTIFICATE', hours: 0, skills: [], componentIds: [a.id, b.id], requiredComponents: 1 })).createCredential;
    expect(b.prerequisites).toEqual([{ id: a.id }]);
    expect(stack.components.map((c: any) => c.id).sort()).toEqual([a.id, b.id].sort());
    const aAgain = ok(await t.gql(`query($id: ID!) { credential(id: $id) { stacksInto { id } } }`, { id: a.id })).credential;
    expect(aAgain.stacksInto).toEqual([{ id: stack.id }]);

    const before = await count('credential_prerequisite');
    const cycle = await t.gql(`mutation($input: UpdateCredentialInput!) { updateCredential(input: $input) { id } }`, { input: { id: a.id, prerequisiteIds: [b.id] } });
    expect([cycle.errors?.[0].extensions?.code, cycle.errors?.[0].extensions?.field]).toEqual(['BAD_USER_INPUT', 'input.prerequisiteIds']);
    const componentCycle = await t.gql(`mutation($input: UpdateCredentialInput!) { updateCredential(input: $input) { id } }`, { input: { id: a.id, componentIds: [stack.id] } });
    expect(componentCycle.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(await count('credential_prerequisite')).toBe(before);

    const badCases: [Record<string, unknown>, string, string][] = [
      [{ ...base, name: 'X', skills: [{ skillId: s1.id, level: 6 }] }, 'BAD_USER_INPUT', 'input.skills[0].level'],
      [{ ...base, name: 'X', hours: -1, skills: [] }, 'BAD_USER_INPUT', 'input.hours'],
      [{ ...base, name: 'X', skills: [{ skillId: s1.id, level: 1 }, { skillId: s1.id, level: 2 }] }, 'BAD_USER_INPUT', 'input.skills[1]'],
      [{ ...base, name: 'X', skills: [], prerequisiteIds: ['00000000-0000-4000-8000-000000000000'] }, 'NOT_FOUND', 'input.prerequisiteIds[0]'],
      [{ ...base, name: 'X', skills: [], componentIds: [a.id], requiredComponents: 2 }, 'BAD_USER_INPUT', 'input.requiredComponents'],
    ];
    const credentialsBefore = await count('credential');
    for (const [input, code, field] of badCases) {
      const result = await create(input);
      expect([result.errors?.[0].extensions?.code, result.errors?.[0].extensions?.field]).toEqual([code, field]);
    }
    expect(await count('credential')).toBe(credentialsBefore);

    const updated = ok(await t.gql(`mutation($input: UpdateCredentialInput!) { updateCredential(input: $input) { name hours skills { level } } }`, { input: { id: b.id, name: 'B2', hours: 12, skills: [{ skillId: s2.id, level: 4 }] } })).updateCredential;
    expect(updated).toEqual({ name: 'B2', hours: 12, skills: [{ level: 4 }] });

    const refused = await t.gql(`mutation($id: ID!) { deleteCredential(id: $id) }`, { id: a.id });
    expect(refused.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(refused.errors?.[0].message).toMatch(/prerequisite of 1 credential/);
    ok(await t.gql(`mutation($id: ID!) { deleteCredential(id: $id) }`, { id: stack.id }));
    ok(await t.gql(`mutation($id: ID!) { deleteCredential(id: $id) }`, { id: b.id }));
    expect(ok(await t.gql(`mutation($id: ID!) { deleteCredential(id: $id) }`, { id: a.id })).deleteCredential).toBe(a.id);
    expect(ok(await t.gql(`query($id: ID!) { credential(id: $id) { id } }`, { id: a.id })).credential).toBeNull();
  });

  it('serves the seeded catalogue: credentials with skills, stacks and prerequisites', async () => {
    const data = ok(await t.gql(`{ credentials(first: 100) { totalCount edges { node { id hours cost requiredComponents components { id } prerequisites { id } skills { level skill { id } } } } } }`));
    expect(data.credentials.totalCount).toBeGreaterThanOrEqual(80);
    const nodes = data.credentials.edges.map((e: any) => e.node);
    expect(nodes.filter((c: any) => c.components.length > 0).length).toBeGreaterThanOrEqual(8);
    expect(nodes.some((c: any) => c.prerequisites.length > 0)).toBe(true);
  });
});
