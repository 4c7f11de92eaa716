import { ok, startTestApp, TestApp } from './support/test-app';

describe('jobs', () => {
  let t: TestApp;
  let skills: string[];
  beforeAll(async () => {
    t = await startTestApp();
    skills = ok(await t.gql(`{ skills(first: 4) { edges { node { id } } } }`)).skills.edges.map((e: any) => e.node.id);
  });
  afterAll(() => t.close());

  const JOB = 'id title description requirements { level weight mandatory skill { id } }';

  it('creates a job with defaults for level, weight and mandatory, in the given order', async () => {
    const job = ok(
      await t.gql(`mutation($input: CreateJobInput!) { createJob(input: $input) { ${JOB} } }`, {
        input: { title: 'Data engineer', description: 'Pipelines', requirements: [{ skillId: skills[1], level: 4, weight: 2, mandatory: true }, { skillId: skills[0] }] },
      }),
    ).createJob;
    expect(job.requirements).toEqual([
      { level: 4, weight: 2, mandatory: true, skill: { id: skills[1] } },
      { level: 3, weight: 1, mandatory: false, skill: { id: skills[0] } },
    ]);
    const fetched = ok(await t.gql(`query($id: ID!) { job(id: $id) { ${JOB} } }`, { id: job.id })).job;
    expect(fetched).toEqual(job);
  });

  it('updates a job (replacing requirements) and deletes it', async () => {
    const job = ok(await t.gql(`mutation($input: CreateJobInput!) { createJob(input: $input) { id } }`, { input: { title: 'Temp', requirements: [{ skillId: skills[0] }] } })).createJob;
    const updated = ok(
      await t.gql(`mutation($input: UpdateJobInput!) { updateJob(input: $input) { ${JOB} } }`, {
        input: { id: job.id, title: 'Temp 2', requirements: [{ skillId: skills[2], level: 5 }, { skillId: skills[3], weight: 0.5 }] },
      }),
    ).updateJob;
    expect(updated.title).toBe('Temp 2');
    expect(updated.requirements.map((r: any) => [r.skill.id, r.level, r.weight])).toEqual([[skills[2], 5, 1], [skills[3], 3, 0.5]]);
    expect(ok(await t.gql(`mutation($id: ID!) { deleteJob(id: $id) }`, { id: job.id })).deleteJob).toBe(job.id);
    expect(ok(await t.gql(`query($id: ID!) { job(id: $id) { id } }`, { id: job.id })).job).toBeNull();
    const [{ n }] = await t.dataSource.query('SELECT count(*)::int AS n FROM job_requirement WHERE job_id = $1', [job.id]);
    expect(n).toBe(0);
  });

  it('refuses bad jobs with a code and field, writing nothing', async () => {
    const [{ n: before }] = await t.dataSource.query('SELECT count(*)::int AS n FROM job');
    const cases: [Record<string, unknown>, string, string][] = [
      [{ title: '', requirements: [{ skillId: skills[0] }] }, 'BAD_USER_INPUT', 'input.title'],
      [{ title: 'x', requirements: [] }, 'BAD_USER_INPUT', 'input.requirements'],
      [{ title: 'x', requirements: [{ skillId: skills[0], level: 0 }] }, 'BAD_USER_INPUT', 'input.requirements[0].level'],
      [{ title: 'x', requirements: [{ skillId: skills[0], weight: 0 }] }, 'BAD_USER_INPUT', 'input.requirements[0].weight'],
      [{ title: 'x', requirements: [{ skillId: skills[0] }, { skillId: skills[0] }] }, 'BAD_USER_INPUT', 'input.requirements[1]'],
      [{ title: 'x', requirements: [{ skillId: skills[0] }, { skillId: '00000000-0000-4000-8000-000000000000' }] }, 'NOT_FOUND', 'input.requirements[1].skillId'],
      [{ title: 'x', description: 'd'.repeat(20001), requirements: [{ skillId: skills[0] }] }, 'BAD_USER_INPUT', 'input.description'],
    ];
    for (const [input, code, field] of cases) {
      const result = await t.gql(`mutation($input: CreateJobInput!) { createJob(input: $input) { id } }`, { input });
      expect({ input, got: [result.errors?.[0].extensions?.code, result.errors?.[0].extensions?.field] }).toEqual({ input, got: [code, field] });
    }
    const unknown = await t.gql(`mutation { updateJob(input: { id: "00000000-0000-4000-8000-000000000000", title: "x" }) { id } }`);
    expect(unknown.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const [{ n: after }] = await t.dataSource.query('SELECT count(*)::int AS n FROM job');
    expect(after).toBe(before);
  });

  it('lists the seeded example jobs with a title filter', async () => {
    const all = ok(await t.gql(`{ jobs(first: 100) { totalCount edges { node { title requirements { id } } } } }`)).jobs;
    expect(all.totalCount).toBeGreaterThanOrEqual(20);
    for (const e of all.edges) expect(e.node.requirements.length).toBeGreaterThan(0);
    const word = all.edges[0].node.title.split(' ')[0];
    const filtered = ok(await t.gql(`query($s: String) { jobs(search: $s) { edges { node { title } } } }`, { s: word.toUpperCase() })).jobs;
    expect(filtered.edges.length).toBeGreaterThan(0);
    for (const e of filtered.edges) expect(e.node.title.toLowerCase()).toContain(word.toLowerCase());
  });

  it('ranks a title search by relevance: an exact title before longer titles containing it', async () => {
    for (const title of ['Senior data tester for accessibility', 'Tester']) {
      ok(await t.gql(`mutation($t: String!) { createJob(input: { title: $t, requirements: [{ skillId: "340dc94a-f1c2-5bf4-81d3-34fc534f8965", level: 2 }] }) { id } }`, { t: title }));
    }
    const found = ok(await t.gql(`{ jobs(search: "tester", first: 100) { edges { node { title } } } }`)).jobs.edges.map((e: any) => e.node.title);
    expect(found[0]).toBe('Tester');
    expect(found.indexOf('Senior data tester for accessibility')).toBeGreaterThan(0);
  });
});
