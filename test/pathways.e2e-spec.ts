import { ok, startTestApp, TestApp } from './support/test-app';

/** A half-life (months) that makes exactly 365 days one half-life. */
const YEAR_HALF_LIFE = 365 / 30.436875;
const DAY_MS = 86_400_000;
const UNKNOWN = '00000000-0000-4000-8000-000000000000';
const T0 = '2025-01-01T00:00:00Z';

/**
 * The scenario (new skills have no taxonomy edges, so only exact skills count and the seeded
 * catalogue contributes nothing):
 *
 * Job J: S1 level 4 weight 2, S2 level 2 weight 1, S3 level 3 weight 1 (total weight 4).
 * Job J2: S1 level 4 weight 1, S4 level 3 weight 1 (nothing teaches S4 at first).
 *
 * | credential | teaches          | hours | cost | other                         | contribution to J        |
 * | A          | S1 L2            | 10    | 100  |                               | S1 0.5                   |
 * | B          | S1 L4            | 20    | 300  | prerequisite A                | S1 1                     |
 * | C          | S2 L3            | 5     | 50   | valid 12 months               | S2 1                     |
 * | D          | S3 L3            | 30    | 20   |                               | S3 1                     |
 * | E          | S3 L2            | 8     | 80   |                               | S3 2/3                   |
 * | F          | S3 L3            | 0     | 0    | free stack of C and E (all)   | S3 1                     |
 * | H          | S1 L4, S3 L3     | 35    | 500  |                               | S1 1, S3 1               |
 * | R1, R2, R3 | S5 L3 / L2 / L1  | 12/4/1| 90/200/10 |                          | -                        |
 * | X          | S6 L5            | 6     | 60   | valid 6 months                | -                        |
 *
 * Candidate K holds C (awarded at T0): at asOf = T0 its S2 coverage is 1, so its score is 1/4.
 * Earning E then completes F (C + E), which covers S3 fully.
 */
describe('pathways: recommendations, plans, saved pathways and renewals', () => {
  let t: TestApp;
  const s: Record<string, string> = {};
  const c: Record<string, string> = {};
  let job: string;
  let job2: string;
  let k: string;
  let m: string;
  let r: string;

  const skill = async (name: string, halfLifeMonths = YEAR_HALF_LIFE) =>
    ok(await t.gql(`mutation($input: CreateSkillInput!) { createSkill(input: $input) { id } }`, { input: { name, category: 'TECHNICAL', halfLifeMonths } })).createSkill.id as string;
  const credential = async (name: string, hours: number, cost: number, skills: [string, number][], extra: Record<string, unknown> = {}) =>
    ok(
      await t.gql(`mutation($input: CreateCredentialInput!) { createCredential(input: $input) { id } }`, {
        input: { name, issuer: 'Pathway Test Issuer', type: 'MICRO_CREDENTIAL', hours, cost, skills: skills.map(([skillId, level]) => ({ skillId, level })), ...extra },
      }),
    ).createCredential.id as string;
  const candidate = async (name: string) => ok(await t.gql(`mutation($n: String!) { createCandidate(input: { name: $n }) { id } }`, { n: name })).createCandidate.id as string;
  const award = async (candidateId: string, credentialId: string, issuedAt: string) =>
    ok(await t.gql(`mutation($input: AwardCredentialInput!) { awardCredential(input: $input) { id expiresAt } }`, { input: { candidateId, credentialId, issuedAt } })).awardCredential;
  const count = async (sql: string, params: unknown[] = []) => (await t.dataSource.query(`SELECT count(*)::int AS n FROM ${sql}`, params))[0].n as number;
  const errorOf = (result: { errors?: { message: string; extensions?: Record<string, any> }[] }) => [result.errors?.[0].extensions?.code, result.errors?.[0].extensions?.field];

  beforeAll(async () => {
    t = await startTestApp();
    for (const name of ['S1', 'S2', 'S3', 'S4', 'S5']) s[name] = await skill(`Pathway test skill ${name}`);
    s.S6 = await skill('Pathway test skill S6', 120);
    c.A = await credential('Pathway Test A', 10, 100, [[s.S1, 2]]);
    c.B = await credential('Pathway Test B', 20, 300, [[s.S1, 4]], { prerequisiteIds: [c.A] });
    c.C = await credential('Pathway Test C', 5, 50, [[s.S2, 3]], { validityMonths: 12 });
    c.D = await credential('Pathway Test D', 30, 20, [[s.S3, 3]]);
    c.E = await credential('Pathway Test E', 8, 80, [[s.S3, 2]]);
    c.F = await credential('Pathway Test Stack F', 0, 0, [[s.S3, 3]], { componentIds: [c.C, c.E] });
    c.H = await credential('Pathway Test H', 35, 500, [[s.S1, 4], [s.S3, 3]]);
    c.R1 = await credential('Pathway Test R1', 12, 90, [[s.S5, 3]]);
    c.R2 = await credential('Pathway Test R2', 4, 200, [[s.S5, 2]]);
    c.R3 = await credential('Pathway Test R3', 1, 10, [[s.S5, 1]]);
    c.X = await credential('Pathway Test X', 6, 60, [[s.S6, 5]], { validityMonths: 6 });
    job = ok(
      await t.gql(`mutation($input: CreateJobInput!) { createJob(input: $input) { id } }`, {
        input: { title: 'Pathway test job', requirements: [{ skillId: s.S1, level: 4, weight: 2 }, { skillId: s.S2, level: 2, weight: 1 }, { skillId: s.S3, level: 3, weight: 1 }] },
      }),
    ).createJob.id;
    job2 = ok(
      await t.gql(`mutation($input: CreateJobInput!) { createJob(input: $input) { id } }`, {
        input: { title: 'Pathway test job 2', requirements: [{ skillId: s.S1, level: 4, weight: 1 }, { skillId: s.S4, level: 3, weight: 1 }] },
      }),
    ).createJob.id;
    k = await candidate('Pathway K');
    m = await candidate('Pathway M');
    r = await candidate('Pathway R');
    await award(k, c.C, T0);
  });
  afterAll(() => t.close());

  // ------------------------------------------------------------------ recommendCredentials

  const RECOMMEND = `query($c: ID!, $j: ID!, $first: Int, $maxHours: Float, $maxCost: Float, $asOf: DateTime) {
    recommendCredentials(candidateId: $c, jobId: $j, first: $first, maxHours: $maxHours, maxCost: $maxCost, asOf: $asOf) {
      scoreGain projectedScore hours cost credential { id } closes { id } prerequisitesMissing { id } completesStack { id } } }`;

  it('ranks credentials by score gain per hour, with their missing prerequisites and the stacks they complete', async () => {
    const list = ok(await t.gql(RECOMMEND, { c: k, j: job, asOf: T0 })).recommendCredentials;
    // E and F (whose bundle is E) tie at 0.25 / 8 h: ties go by id. Then A 0.25/10, H 0.75/35, B 0.5/30; D (0.25/30) is 6th.
    const [first, second] = [c.E, c.F].sort();
    expect(list.map((x: any) => x.credential.id)).toEqual([first, second, c.A, c.H, c.B]);
    const byId = new Map(list.map((x: any) => [x.credential.id, x]));
    expect(byId.get(c.E)).toMatchObject({ hours: 8, cost: 80, closes: [{ id: s.S3 }], prerequisitesMissing: [], completesStack: [{ id: c.F }] });
    expect(byId.get(c.F)).toMatchObject({ hours: 8, cost: 80, closes: [{ id: s.S3 }], prerequisitesMissing: [{ id: c.E }], completesStack: [] });
    expect(byId.get(c.B)).toMatchObject({ hours: 30, cost: 400, closes: [{ id: s.S1 }], prerequisitesMissing: [{ id: c.A }], completesStack: [] });
    expect(byId.get(c.H)).toMatchObject({ hours: 35, cost: 500, closes: [{ id: s.S1 }, { id: s.S3 }] });
    const expected: [string, number, number][] = [[c.E, 0.25, 0.5], [c.A, 0.25, 0.5], [c.H, 0.75, 1], [c.B, 0.5, 0.75]];
    for (const [id, gain, projected] of expected) {
      expect((byId.get(id) as any).scoreGain).toBeCloseTo(gain, 12);
      expect((byId.get(id) as any).projectedScore).toBeCloseTo(projected, 12);
    }
    const all = ok(await t.gql(RECOMMEND, { c: k, j: job, asOf: T0, first: 50 })).recommendCredentials;
    expect(all.map((x: any) => x.credential.id)).toEqual([first, second, c.A, c.H, c.B, c.D]);
  });

  it('says what each recommendation raises (before and after) and closes only what it brings to full coverage; orders by orderBy', async () => {
    const Q = `query($c: ID!, $j: ID!, $o: RecommendationOrder) { recommendCredentials(candidateId: $c, jobId: $j, first: 6, asOf: "${T0}", orderBy: $o) {
      credential { id } scoreGain closes { id } raises { before after requirement { weight skill { id } } } } }`;
    const list = ok(await t.gql(Q, { c: k, j: job })).recommendCredentials;
    const byId = new Map(list.map((x: any) => [x.credential.id, x]));
    // A teaches S1 at level 2 of 4: raises it to 0.5, closes nothing
    expect(byId.get(c.A)).toMatchObject({ closes: [], raises: [{ before: 0, after: 0.5, requirement: { weight: 2, skill: { id: s.S1 } } }] });
    // E alone is S3 2/3, but completes the free stack F (S3 level 3): S3 to 1, closed
    expect(byId.get(c.E)).toMatchObject({ closes: [{ id: s.S3 }], raises: [{ before: 0, after: 1, requirement: { skill: { id: s.S3 } } }] });
    expect((byId.get(c.H) as any).raises.map((x: any) => [x.requirement.skill.id, x.before, x.after])).toEqual([
      [s.S1, 0, 1],
      [s.S3, 0, 1],
    ]);
    // S2 is held already (C): never raised
    for (const x of list) expect(x.raises.map((y: any) => y.requirement.skill.id)).not.toContain(s.S2);
    // orderBy GAIN: H .75, B .5, then the .25 ones by fewer hours (E and F 8 h, A 10 h, D 30 h)
    const [first, second] = [c.E, c.F].sort();
    const byGain = ok(await t.gql(Q, { c: k, j: job, o: 'GAIN' })).recommendCredentials.map((x: any) => x.credential.id);
    expect(byGain).toEqual([c.H, c.B, first, second, c.A, c.D]);
    const perHour = ok(await t.gql(Q, { c: k, j: job, o: 'GAIN_PER_HOUR' })).recommendCredentials.map((x: any) => x.credential.id);
    expect(perHour).toEqual(list.map((x: any) => x.credential.id));
    // per cost: D 0.25/20, E and F 0.25/80, A 0.25/100, H 0.75/500, B 0.5/400
    const perCost = ok(await t.gql(Q, { c: k, j: job, o: 'GAIN_PER_COST' })).recommendCredentials.map((x: any) => x.credential.id);
    expect(perCost).toEqual([c.D, first, second, c.A, c.H, c.B]);
    const bad = await t.gql(Q, { c: k, j: job, o: 'CHEAPEST' });
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('filters on the bundle totals; with only maxCost it ranks by gain per cost unit', async () => {
    const short = ok(await t.gql(RECOMMEND, { c: k, j: job, asOf: T0, maxHours: 9 })).recommendCredentials;
    expect(short.map((x: any) => x.credential.id).sort()).toEqual([c.E, c.F].sort());
    const cheap = ok(await t.gql(RECOMMEND, { c: k, j: job, asOf: T0, maxCost: 100 })).recommendCredentials;
    // D 0.25/20, E and F 0.25/80, A 0.25/100
    expect(cheap.map((x: any) => x.credential.id)).toEqual([c.D, ...[c.E, c.F].sort(), c.A]);
  });

  it('refuses bad recommendation arguments and unknown ids', async () => {
    const cases: [Record<string, unknown>, string, string][] = [
      [{ c: k, j: job, first: 0 }, 'BAD_USER_INPUT', 'first'],
      [{ c: k, j: job, first: 51 }, 'BAD_USER_INPUT', 'first'],
      [{ c: k, j: job, maxHours: -1 }, 'BAD_USER_INPUT', 'maxHours'],
      [{ c: k, j: job, maxCost: -0.5 }, 'BAD_USER_INPUT', 'maxCost'],
      [{ c: UNKNOWN, j: job }, 'NOT_FOUND', 'candidateId'],
      [{ c: k, j: UNKNOWN }, 'NOT_FOUND', 'jobId'],
      [{ c: k, j: 'nope' }, 'BAD_USER_INPUT', 'jobId'],
    ];
    for (const [vars, code, field] of cases) {
      expect({ vars, got: errorOf(await t.gql(RECOMMEND, vars)) }).toEqual({ vars, got: [code, field] });
    }
  });

  // ------------------------------------------------------------------ planPathway

  const PLAN = `query($input: PlanPathwayInput!) { planPathway(input: $input) {
    startScore finalScore reachesTarget totalHours totalCost optimal mermaid greedyTotalHours greedyTotalCost greedyFinalScore
    steps { position projectedScore cumulativeHours cumulativeCost credential { id name } earnsStack { id } } } }`;
  const plan = async (input: Record<string, unknown>) => ok(await t.gql(PLAN, { input: { candidateId: k, jobId: job, asOf: T0, ...input } })).planPathway;
  const stepsOf = (p: any) => p.steps.map((x: any) => [x.position, x.credential.id, x.cumulativeHours, x.cumulativeCost]);

  it('plans the fewest hours to the default target 0.8, proven optimal, and shows the greedy plan for comparison', async () => {
    const p = await plan({});
    expect(p.startScore).toBeCloseTo(0.25, 12);
    expect(p).toMatchObject({ reachesTarget: true, optimal: true, totalHours: 35, totalCost: 500 });
    expect(p.finalScore).toBeCloseTo(1, 12);
    expect(stepsOf(p)).toEqual([[1, c.H, 35, 500]]);
    // greedy: E (then F completes), A, B = 38 h
    expect(p).toMatchObject({ greedyTotalHours: 38, greedyTotalCost: 480 });
    expect(p.greedyFinalScore).toBeCloseTo(1, 12);
    expect(p.mermaid).toMatch(/^---\ntitle: "Pathway test job: target score 0\.80"\n---\nflowchart TD\n/);
    expect(p.mermaid).toContain('Pathway Test H');
  });

  it('orders steps with prerequisites first and respects a cost budget', async () => {
    // within 450: only {A, B, D} (420) reaches 0.8; greedy spends on E and A first and gets stuck at 0.75
    const p = await plan({ maxCost: 450 });
    expect(p).toMatchObject({ reachesTarget: true, optimal: true, totalHours: 60, totalCost: 420 });
    expect(stepsOf(p)).toEqual([[1, c.A, 10, 100], [2, c.B, 30, 400], [3, c.D, 60, 420]]);
    expect(p.steps.map((x: any) => x.projectedScore)).toEqual([expect.closeTo(0.5, 12), expect.closeTo(0.75, 12), expect.closeTo(1, 12)]);
    expect(p.greedyFinalScore).toBeCloseTo(0.75, 12);
    expect(p.greedyTotalCost).toBeLessThanOrEqual(450);
    for (const name of ['Pathway Test A', 'Pathway Test B', 'Pathway Test D']) expect(p.mermaid).toContain(name);
  });

  it('minimises cost when asked', async () => {
    const p = await plan({ minimize: 'COST' });
    expect(p).toMatchObject({ reachesTarget: true, optimal: true, totalHours: 60, totalCost: 420 });
    // D and A tie on gain: the cheaper (by cost) goes first
    expect(stepsOf(p)).toEqual([[1, c.D, 30, 20], [2, c.A, 40, 120], [3, c.B, 60, 420]]);
  });

  it('returns the best reachable score within an hours budget when the target is out of reach', async () => {
    const p = await plan({ maxHours: 20 });
    expect(p).toMatchObject({ reachesTarget: false, optimal: true, totalHours: 18, totalCost: 180 });
    expect(p.finalScore).toBeCloseTo(0.75, 12);
    expect(stepsOf(p)).toEqual([[1, c.E, 8, 80], [2, c.A, 18, 180]]);
    expect(p.steps[0].earnsStack).toEqual([{ id: c.F }]);
    expect(p.mermaid).toContain('Pathway Test Stack F');
  });

  it('earns a free stack through its last component', async () => {
    const p = await plan({ targetScore: 0.5 });
    expect(p).toMatchObject({ reachesTarget: true, optimal: true, totalHours: 8 });
    expect(p.steps).toEqual([{ position: 1, projectedScore: expect.closeTo(0.5, 12), cumulativeHours: 8, cumulativeCost: 80, credential: { id: c.E, name: 'Pathway Test E' }, earnsStack: [{ id: c.F }] }]);
  });

  it('comes back with reachesTarget false and the best score when nothing can reach the target', async () => {
    const p = await plan({ jobId: job2 });
    expect(p.startScore).toBe(0);
    expect(p).toMatchObject({ reachesTarget: false, optimal: true, totalHours: 30, totalCost: 400 });
    expect(p.finalScore).toBeCloseTo(0.5, 12);
    expect(stepsOf(p)).toEqual([[1, c.A, 10, 100], [2, c.B, 30, 400]]);
  });

  it('sees a new catalogue credential at once (the cached catalogue is dropped on credentials.changed)', async () => {
    const s4 = await credential('Pathway Test S4', 5, 10, [[s.S4, 3]]);
    const p = await plan({ jobId: job2 });
    expect(p).toMatchObject({ reachesTarget: true, optimal: true, totalHours: 35 });
    expect(p.steps.map((x: any) => x.credential.id).sort()).toEqual([c.A, c.B, s4].sort());
    expect(p.steps.findIndex((x: any) => x.credential.id === c.A)).toBeLessThan(p.steps.findIndex((x: any) => x.credential.id === c.B));
  });

  it('refuses bad plan inputs and unknown ids', async () => {
    const cases: [Record<string, unknown>, string, string][] = [
      [{ targetScore: 0 }, 'BAD_USER_INPUT', 'input.targetScore'],
      [{ targetScore: -0.2 }, 'BAD_USER_INPUT', 'input.targetScore'],
      [{ targetScore: 1.01 }, 'BAD_USER_INPUT', 'input.targetScore'],
      [{ maxHours: -1 }, 'BAD_USER_INPUT', 'input.maxHours'],
      [{ maxCost: -5 }, 'BAD_USER_INPUT', 'input.maxCost'],
      [{ candidateId: UNKNOWN }, 'NOT_FOUND', 'input.candidateId'],
      [{ jobId: UNKNOWN }, 'NOT_FOUND', 'input.jobId'],
    ];
    for (const [input, code, field] of cases) {
      const result = await t.gql(PLAN, { input: { candidateId: k, jobId: job, asOf: T0, ...input } });
      expect({ input, got: errorOf(result) }).toEqual({ input, got: [code, field] });
    }
    const full = await plan({ targetScore: 1 });
    expect(full.reachesTarget).toBe(true);
  });

  // ------------------------------------------------------------------ saved pathways

  const PATHWAY = `id name candidate { id } job { id } progress mermaid startScore projectedScore totalHours totalCost
    steps { position projectedScore cumulativeHours cumulativeCost credential { id } earnsStack { id } }`;
  const save = (input: Record<string, unknown>) => t.gql(`mutation($input: SavePathwayInput!) { savePathway(input: $input) { ${PATHWAY} } }`, { input });
  const update = (input: Record<string, unknown>) => t.gql(`mutation($input: UpdatePathwayInput!) { updatePathway(input: $input) { ${PATHWAY} } }`, { input });
  const read = async (id: string) => ok(await t.gql(`query($id: ID!) { pathway(id: $id) { ${PATHWAY} } }`, { id })).pathway;
  let saved: string;

  it('saves a pathway and computes its steps, scores and Mermaid chart when read', async () => {
    const p = ok(await save({ name: '  Route to the job ', candidateId: m, jobId: job, credentialIds: [c.A, c.B, c.E] })).savePathway;
    saved = p.id;
    expect(p).toMatchObject({ name: 'Route to the job', candidate: { id: m }, job: { id: job }, progress: 0, startScore: 0, totalHours: 38, totalCost: 480 });
    // M holds nothing: A lifts S1 to 0.5, B to 1, E gives S3 2/3 (F needs C as well)
    expect(p.steps.map((x: any) => [x.position, x.credential.id, x.cumulativeHours, x.cumulativeCost, x.earnsStack])).toEqual([
      [1, c.A, 10, 100, []],
      [2, c.B, 30, 400, []],
      [3, c.E, 38, 480, []],
    ]);
    expect(p.steps.map((x: any) => x.projectedScore)).toEqual([expect.closeTo(0.25, 12), expect.closeTo(0.5, 12), expect.closeTo(2 / 3, 12)]);
    expect(p.projectedScore).toBeCloseTo(2 / 3, 12);
    for (const name of ['Pathway Test A', 'Pathway Test B', 'Pathway Test E']) expect(p.mermaid).toContain(name);
    expect(p.mermaid).toMatch(/^---\ntitle: ".* for Pathway test job: \d+ steps?"\n---\nflowchart TD\n/);
    expect(p.mermaid).toMatch(/step1 --> step2/);
    expect(p.mermaid).toMatch(/h, cost \d/);
    expect(await read(saved)).toEqual(p);
    expect(await count('pathway_step WHERE pathway_id = $1', [saved])).toBe(3);
  });

  it('refuses a credential before its prerequisite, naming both, and writes nothing', async () => {
    const [pathwaysBefore, stepsBefore] = [await count('pathway'), await count('pathway_step')];
    const after = await save({ name: 'Wrong order', candidateId: m, jobId: job, credentialIds: [c.E, c.B, c.A] });
    expect(errorOf(after)).toEqual(['BAD_USER_INPUT', 'input.credentialIds[1]']);
    expect(after.errors?.[0].message).toContain('Pathway Test B');
    expect(after.errors?.[0].message).toContain('Pathway Test A');
    expect(after.errors?.[0].extensions).toMatchObject({ credentialId: c.B, prerequisiteId: c.A, kind: 'AFTER' });
    const missing = await save({ name: 'Missing prerequisite', candidateId: m, credentialIds: [c.B] });
    expect(errorOf(missing)).toEqual(['BAD_USER_INPUT', 'input.credentialIds[0]']);
    expect(missing.errors?.[0].extensions).toMatchObject({ credentialId: c.B, prerequisiteId: c.A, kind: 'MISSING' });
    expect(missing.errors?.[0].message).toMatch(/Pathway Test B.*Pathway Test A/);
    const stack = await save({ name: 'Stack first', candidateId: m, credentialIds: [c.F, c.C, c.E] });
    expect(errorOf(stack)).toEqual(['BAD_USER_INPUT', 'input.credentialIds[0]']);
    expect(stack.errors?.[0].message).toMatch(/Pathway Test Stack F.*its component.*Pathway Test [CE]/);
    expect([await count('pathway'), await count('pathway_step')]).toEqual([pathwaysBefore, stepsBefore]);
  });

  it('reports progress once the candidate holds some steps, and accepts a prerequisite the candidate holds', async () => {
    await award(m, c.A, new Date(Date.now() - DAY_MS).toISOString());
    const p = await read(saved);
    expect(p.progress).toBeCloseTo(10 / 38, 12);
    const b = ok(await save({ name: 'B only', candidateId: m, jobId: job, credentialIds: [c.B] })).savePathway;
    expect(b.progress).toBe(0);
    expect(b.steps.map((x: any) => x.credential.id)).toEqual([c.B]);
  });

  it('has projected scores of 0 without a job, and progress 0 without a candidate', async () => {
    const noJob = ok(await save({ name: 'No job', candidateId: m, credentialIds: [c.A, c.D] })).savePathway;
    expect(noJob).toMatchObject({ job: null, startScore: 0, projectedScore: 0, totalHours: 40, totalCost: 120, progress: 0.25 });
    expect(noJob.steps.map((x: any) => x.projectedScore)).toEqual([0, 0]);
    const nobody = ok(await save({ name: 'Nobody', jobId: job, credentialIds: [c.A, c.B] })).savePathway;
    expect(nobody).toMatchObject({ candidate: null, progress: 0, totalHours: 30 });
    expect(nobody.projectedScore).toBeCloseTo(0.5, 12);
    await t.gql(`mutation($id: ID!) { deletePathway(id: $id) }`, { id: nobody.id }).then(ok);
  });

  it("lists a candidate's pathways, oldest first", async () => {
    const list = ok(await t.gql(`query($c: ID!) { pathways(candidateId: $c) { name candidate { id } } }`, { c: m })).pathways;
    expect(list.map((p: any) => p.name)).toEqual(['Route to the job', 'B only', 'No job']);
    expect(ok(await t.gql(`query($c: ID!) { pathways(candidateId: $c) { id } }`, { c: k })).pathways).toEqual([]);
    expect(errorOf(await t.gql(`query { pathways(candidateId: "${UNKNOWN}") { id } }`))).toEqual(['NOT_FOUND', 'candidateId']);
  });

  it('updates a pathway: name, steps and job; a bad order changes nothing', async () => {
    const u = ok(await update({ id: saved, name: 'Renamed', credentialIds: [c.A, c.H] })).updatePathway;
    expect(u).toMatchObject({ name: 'Renamed', totalHours: 45, totalCost: 600, job: { id: job } });
    expect(u.steps.map((x: any) => x.credential.id)).toEqual([c.A, c.H]);
    const refused = await update({ id: saved, name: 'Never', credentialIds: [c.F, c.C, c.E] });
    expect(errorOf(refused)).toEqual(['BAD_USER_INPUT', 'input.credentialIds[0]']);
    const unchanged = await read(saved);
    expect(unchanged.name).toBe('Renamed');
    expect(unchanged.steps.map((x: any) => x.credential.id)).toEqual([c.A, c.H]);
    const detached = ok(await update({ id: saved, jobId: null })).updatePathway;
    expect(detached).toMatchObject({ name: 'Renamed', job: null, projectedScore: 0 });
    expect(errorOf(await update({ id: UNKNOWN, name: 'x' }))).toEqual(['NOT_FOUND', 'input.id']);
    expect(errorOf(await update({ id: saved, jobId: UNKNOWN }))).toEqual(['NOT_FOUND', 'input.jobId']);
    expect(errorOf(await update({ id: saved, name: ' ' }))).toEqual(['BAD_USER_INPUT', 'input.name']);
  });

  it('deletes a pathway and its steps', async () => {
    expect(ok(await t.gql(`mutation($id: ID!) { deletePathway(id: $id) }`, { id: saved })).deletePathway).toBe(saved);
    expect(await read(saved)).toBeNull();
    expect(await count('pathway_step WHERE pathway_id = $1', [saved])).toBe(0);
    expect(errorOf(await t.gql(`mutation($id: ID!) { deletePathway(id: $id) }`, { id: saved }))).toEqual(['NOT_FOUND', 'id']);
    expect(errorOf(await t.gql(`query($id: ID!) { pathway(id: $id) { id } }`, { id: 'not-an-id' }))).toEqual(['BAD_USER_INPUT', 'id']);
  });

  it('refuses bad pathways with a code and field, writing nothing', async () => {
    const [pathwaysBefore, stepsBefore] = [await count('pathway'), await count('pathway_step')];
    const cases: [Record<string, unknown>, string, string][] = [
      [{ name: ' ', credentialIds: [c.A] }, 'BAD_USER_INPUT', 'input.name'],
      [{ name: 'x', credentialIds: [] }, 'BAD_USER_INPUT', 'input.credentialIds'],
      [{ name: 'x', credentialIds: [c.A, UNKNOWN] }, 'NOT_FOUND', 'input.credentialIds[1]'],
      [{ name: 'x', credentialIds: [c.A, c.A] }, 'BAD_USER_INPUT', 'input.credentialIds[1]'],
      [{ name: 'x', credentialIds: ['nope'] }, 'BAD_USER_INPUT', 'input.credentialIds[0]'],
      [{ name: 'x', candidateId: UNKNOWN, credentialIds: [c.A] }, 'NOT_FOUND', 'input.candidateId'],
      [{ name: 'x', jobId: UNKNOWN, credentialIds: [c.A] }, 'NOT_FOUND', 'input.jobId'],
      [{ name: 'x', jobId: 'nope', credentialIds: [c.A] }, 'BAD_USER_INPUT', 'input.jobId'],
    ];
    for (const [input, code, field] of cases) {
      expect({ input, got: errorOf(await save(input)) }).toEqual({ input, got: [code, field] });
    }
    expect([await count('pathway'), await count('pathway_step')]).toEqual([pathwaysBefore, stepsBefore]);
  });

  // ------------------------------------------------------------------ renewals

  const RENEWALS = `query($c: ID!, $h: Int, $asOf: DateTime) { renewals(candidateId: $c, horizonMonths: $h, asOf: $asOf) {
    asOf horizonMonths usefulStrength candidate { id }
    skills { skill { id } strengthNow strengthAtHorizon reason fallsBelowAt credential { id } renewal { credential { id } hours cost prerequisitesMissing { id } } }
    credentials { credential { id } expiresAt renewal { credential { id } hours cost } } } }`;

  it('lists skills and credentials that lapse within the horizon, each with its least-cost renewal', async () => {
    expect((await award(r, c.C, T0)).expiresAt).toBe('2026-01-01T00:00:00.000Z');
    expect((await award(r, c.X, T0)).expiresAt).toBe('2025-07-01T00:00:00.000Z');
    ok(
      await t.gql(`mutation($input: AddSkillEvidenceInput!) { addSkillEvidence(input: $input) { id } }`, {
        input: { candidateId: r, skillId: s.S5, level: 4, source: 'ASSESSMENT', evidencedAt: T0 },
      }),
    );
    const asOf = '2025-03-01T00:00:00Z';
    const rn = ok(await t.gql(RENEWALS, { c: r, asOf })).renewals;
    expect(rn).toMatchObject({ asOf: '2025-03-01T00:00:00.000Z', horizonMonths: 12, usefulStrength: 2, candidate: { id: r } });
    const t0 = Date.parse(T0);
    // S6 (level 5, 120-month half-life) stays strong but X expires; S2 (C, level 3) decays below 2 after
    // log2(1.5) half-lives; S5 (level 4, assessment) after one half-life (365 days).
    expect(rn.skills.map((x: any) => [x.skill.id, x.reason, x.credential?.id ?? null, x.renewal?.credential.id, x.renewal?.cost])).toEqual([
      [s.S6, 'EXPIRY', c.X, c.X, 60],
      [s.S2, 'DECAY', c.C, c.C, 50],
      [s.S5, 'DECAY', null, c.R1, 90],
    ]);
    expect(rn.skills[0].fallsBelowAt).toBe('2025-07-01T00:00:00.000Z');
    expect(rn.skills[0].strengthAtHorizon).toBe(0);
    expect(Math.abs(Date.parse(rn.skills[1].fallsBelowAt) - (t0 + 365 * Math.log2(1.5) * DAY_MS))).toBeLessThan(1000);
    expect(Math.abs(Date.parse(rn.skills[2].fallsBelowAt) - (t0 + 365 * DAY_MS))).toBeLessThan(1000);
    expect(rn.skills[2].strengthNow).toBeCloseTo(4 * Math.pow(0.5, 59 / 365), 9);
    expect(rn.skills[2].renewal).toEqual({ credential: { id: c.R1 }, hours: 12, cost: 90, prerequisitesMissing: [] });
    expect(rn.credentials).toEqual([
      { credential: { id: c.X }, expiresAt: '2025-07-01T00:00:00.000Z', renewal: { credential: { id: c.X }, hours: 6, cost: 60 } },
      { credential: { id: c.C }, expiresAt: '2026-01-01T00:00:00.000Z', renewal: { credential: { id: c.C }, hours: 5, cost: 50 } },
    ]);

    const soon = ok(await t.gql(RENEWALS, { c: r, asOf, h: 3 })).renewals;
    expect([soon.skills, soon.credentials]).toEqual([[], []]);
  });

  it('lists the skills that lapsed within the last horizonMonths (useful then, below now), each with the credential that renews it', async () => {
    const LAPSED = `query($c: ID!, $h: Int, $asOf: DateTime) { renewals(candidateId: $c, horizonMonths: $h, asOf: $asOf) {
      lapsed { skill { id } strengthThen strengthNow reason fellBelowAt credential { id } renewal { credential { id } cost } } } }`;
    // R (from the test above): X (S6 level 5) expired on 2025-07-01; S2 (C, level 3) fell below 2 after log2(1.5) half-lives
    // of 365 days; S5 (level 4) is still useful on 2025-10-01
    const rn = ok(await t.gql(LAPSED, { c: r, asOf: '2025-10-01T00:00:00Z', h: 12 })).renewals;
    expect(rn.lapsed.map((x: any) => [x.skill.id, x.reason, x.credential?.id ?? null, x.renewal?.credential.id, x.renewal?.cost])).toEqual([
      [s.S2, 'DECAY', c.C, c.C, 50],
      [s.S6, 'EXPIRY', c.X, c.X, 60],
    ]);
    const t0 = Date.parse(T0);
    expect(Math.abs(Date.parse(rn.lapsed[0].fellBelowAt) - (t0 + 365 * Math.log2(1.5) * DAY_MS))).toBeLessThan(1000);
    expect(rn.lapsed[0].strengthThen).toBeCloseTo(3, 9); // evidenced inside the window: its fresh strength
    expect(rn.lapsed[1]).toMatchObject({ fellBelowAt: '2025-07-01T00:00:00.000Z', strengthNow: 0, strengthThen: 5 });
    // a horizon of one month: both lapsed earlier
    expect(ok(await t.gql(LAPSED, { c: r, asOf: '2025-10-01T00:00:00Z', h: 1 })).renewals.lapsed).toEqual([]);
  });

  it('refuses a horizon outside 1..120 months and unknown candidates', async () => {
    const cases: [Record<string, unknown>, string, string][] = [
      [{ c: r, h: 0 }, 'BAD_USER_INPUT', 'horizonMonths'],
      [{ c: r, h: 121 }, 'BAD_USER_INPUT', 'horizonMonths'],
      [{ c: UNKNOWN }, 'NOT_FOUND', 'candidateId'],
    ];
    for (const [vars, code, field] of cases) {
      expect({ vars, got: errorOf(await t.gql(RENEWALS, vars)) }).toEqual({ vars, got: [code, field] });
    }
  });
});
