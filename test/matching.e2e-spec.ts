import { MatchEvidenceRepository } from '../src/matching/match-evidence.repository';
import { ok, startTestApp, TestApp } from './support/test-app';

/** A half-life (months) that makes exactly 365 days one half-life. */
const YEAR_HALF_LIFE = 365 / 30.436875;

describe('matching: ranking, explanations, gaps and profiles', () => {
  let t: TestApp;
  let x: string;
  let y: string;
  let jobId: string;
  let a: string;
  let b: string;
  let c: string;

  const evidence = (candidateId: string, skillId: string, level: number, source: string, evidencedAt: string) =>
    t.gql(`mutation($input: AddSkillEvidenceInput!) { addSkillEvidence(input: $input) { id } }`, { input: { candidateId, skillId, level, source, evidencedAt } }).then(ok);

  beforeAll(async () => {
    t = await startTestApp();
    const skill = async (name: string) =>
      ok(await t.gql(`mutation($input: CreateSkillInput!) { createSkill(input: $input) { id } }`, { input: { name, category: 'TECHNICAL', halfLifeMonths: YEAR_HALF_LIFE } })).createSkill.id;
    x = await skill('Matching test skill X');
    y = await skill('Matching test skill Y');
    jobId = ok(
      await t.gql(`mutation($input: CreateJobInput!) { createJob(input: $input) { id } }`, {
        input: { title: 'Matching test job', requirements: [{ skillId: x, level: 4, weight: 2, mandatory: true }, { skillId: y, level: 2, weight: 1 }] },
      }),
    ).createJob.id;
    const candidate = async (name: string) => ok(await t.gql(`mutation($n: String!) { createCandidate(input: { name: $n }) { id } }`, { n: name })).createCandidate.id;
    a = await candidate('Match A');
    b = await candidate('Match B');
    c = await candidate('Match C');
    await evidence(a, x, 4, 'ASSESSMENT', '2024-01-01T00:00:00Z'); // one half-life old at asOf: strength 2, coverage 0.5
    await evidence(b, x, 5, 'EXPERIENCE', '2024-12-31T00:00:00Z'); // fresh: 4.5 / 4 -> coverage 1
    await evidence(b, y, 2, 'SELF_REPORTED', '2024-12-31T00:00:00Z'); // 1.2 / 2 -> coverage 0.6
    await evidence(c, y, 2, 'ASSESSMENT', '2024-12-31T00:00:00Z'); // coverage 1 on Y only
  });
  afterAll(() => t.close());

  const RANK = `query($job: ID!, $first: Int, $after: String, $asOf: DateTime, $min: Float) {
    rankCandidates(jobId: $job, first: $first, after: $after, asOf: $asOf, minScore: $min) {
      totalCount pageInfo { hasNextPage endCursor } edges { cursor node { score meetsMandatory candidate { id } } } } }`;

  it('ranks those who meet the mandatory requirement first, then by score, then by id, across pages', async () => {
    const [first, second] = [a, c].sort();
    const page1 = ok(await t.gql(RANK, { job: jobId, first: 2, asOf: '2024-12-31T00:00:00Z', min: 0.3 })).rankCandidates;
    expect(page1.totalCount).toBe(3);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    expect(page1.edges.map((e: any) => [e.node.candidate.id, e.node.meetsMandatory])).toEqual([[b, true], [first, false]]);
    expect(page1.edges[0].node.score).toBeCloseTo((2 * 1 + 1 * 0.6) / 3, 12);
    expect(page1.edges[1].node.score).toBeCloseTo(1 / 3, 12);
    const page2 = ok(await t.gql(RANK, { job: jobId, first: 2, after: page1.pageInfo.endCursor, min: 0.3 })).rankCandidates;
    expect(page2.edges.map((e: any) => e.node.candidate.id)).toEqual([second]);
    expect(page2.pageInfo.hasNextPage).toBe(false);
  });

  it('without asOf, ranks as of the start of the current UTC day: two calls a second apart are identical (scores, cursors, audit)', async () => {
    const Q = `query($job: ID!) { rankCandidates(jobId: $job, first: 2) { totalCount pageInfo { hasNextPage endCursor }
      edges { cursor node { asOf score meetsMandatory candidate { id } requirements { coverage strength decay } } } } }`;
    for (let attempt = 0; attempt < 2; attempt++) {
      const day = new Date(new Date().toISOString().slice(0, 10) + 'T00:00:00.000Z').toISOString();
      const one = ok(await t.gql(Q, { job: jobId })).rankCandidates;
      await new Promise((r) => setTimeout(r, 1100));
      const two = ok(await t.gql(Q, { job: jobId })).rankCandidates;
      if (new Date().toISOString().slice(0, 10) !== day.slice(0, 10)) continue; // midnight passed between the calls: try again
      expect(two).toEqual(one);
      expect(one.edges.map((e: any) => e.node.asOf)).toEqual(one.edges.map(() => day));
      const audits = await t.dataSource.query(`SELECT as_of FROM ranking_audit WHERE job_id = $1 ORDER BY seq DESC LIMIT 2`, [jobId]);
      expect(audits.map((r: any) => new Date(r.as_of).toISOString())).toEqual([day, day]);
      // the next page (cursor without asOf) continues at the same instant
      const next = ok(await t.gql(RANK, { job: jobId, first: 2, after: one.pageInfo.endCursor })).rankCandidates;
      expect(next.edges.map((e: any) => e.node.candidate.id)).not.toContain(one.edges[0].node.candidate.id);
      return;
    }
  });

  it('explains each requirement: coverage, via, decay, evidence date', async () => {
    const m = ok(
      await t.gql(`query($c: ID!, $j: ID!) { matchCandidate(candidateId: $c, jobId: $j, asOf: "2024-12-31T00:00:00Z") {
        score meetsMandatory asOf job { id } candidate { id }
        requirements { coverage via decay evidencedAt matchedSkill { id } credential { id } requirement { skill { id } } } } }`, { c: a, j: jobId }),
    ).matchCandidate;
    expect(m.score).toBeCloseTo(1 / 3, 12);
    expect(m.meetsMandatory).toBe(false);
    expect(m.asOf).toBe('2024-12-31T00:00:00.000Z');
    expect(m.requirements[0]).toMatchObject({ via: 'EXACT', evidencedAt: '2024-01-01T00:00:00.000Z', matchedSkill: { id: x }, credential: null, requirement: { skill: { id: x } } });
    expect(m.requirements[0].coverage).toBeCloseTo(0.5, 12);
    expect(m.requirements[0].decay).toBeCloseTo(0.5, 12);
    expect(m.requirements[1]).toEqual({ coverage: 0, via: 'NONE', decay: 0, evidencedAt: null, matchedSkill: null, credential: null, requirement: { skill: { id: y } } });
  });

  it('says in plain words why each requirement is covered or not, and sums the match up', async () => {
    const Q = `query($c: ID!, $j: ID!) { matchCandidate(candidateId: $c, jobId: $j, asOf: "2024-12-31T00:00:00Z") { summary requirements { reason } } }`;
    const ma = ok(await t.gql(Q, { c: a, j: jobId })).matchCandidate;
    expect(ma.requirements.map((r: any) => r.reason)).toEqual([
      'Evidence of Matching test skill X (level 4, January 2024, 50% fresh; assessment) counts 0.50 towards Matching test skill X at level 4, decayed to strength 2.0.',
      'No evidence of Matching test skill Y or a neighbouring skill: missing for Matching test skill Y at level 2.',
    ]);
    expect(ma.summary).toBe('Meets 0 of 1 mandatory requirements (not Matching test skill X); exact evidence for 1 of 2; largest gap: Matching test skill X, decayed (coverage 0.50).');
    const mb = ok(await t.gql(Q, { c: b, j: jobId })).matchCandidate;
    expect(mb.requirements.map((r: any) => r.reason)).toEqual([
      'Evidence of Matching test skill X (level 5, December 2024, 100% fresh; experience) counts 1.00 towards Matching test skill X at level 4.',
      'Evidence of Matching test skill Y (level 2, December 2024, 100% fresh; self-reported) counts 0.60 towards Matching test skill Y at level 2, strength 1.2 is below the level.',
    ]);
    expect(mb.summary).toBe('Meets the 1 mandatory requirement; exact evidence for 2 of 2; largest gap: Matching test skill Y, below level (coverage 0.60).');
    // in a ranking: the same sentences; a plain ranking does not compute them (no extra queries)
    const ranked = ok(
      await t.gql(`query($job: ID!) { rankCandidates(jobId: $job, first: 3, asOf: "2024-12-31T00:00:00Z") { edges { node { candidate { id } summary requirements { reason } } } } }`, { job: jobId }),
    ).rankCandidates.edges.map((e: any) => e.node);
    expect(ranked.find((n: any) => n.candidate.id === a)).toEqual({ candidate: { id: a }, ...ma });
    expect(ranked.find((n: any) => n.candidate.id === b)).toEqual({ candidate: { id: b }, ...mb });
  });

  it("explains a ranking's candidates as matchCandidate does, loading their evidence once per page and only when asked", async () => {
    const EXPLAIN = 'coverage via decay evidencedAt similarity strength matchedSkill { id } requirement { skill { id } }';
    const asOf = '2024-12-31T00:00:00Z';
    const explainedRank = (first: number, fields = EXPLAIN) =>
      t.gql(`query($job: ID!) { rankCandidates(jobId: $job, first: ${first}, asOf: "${asOf}") { edges { node { score candidate { id } requirements { ${fields} } } } } }`, { job: jobId });
    const queriesFor = async (run: () => Promise<unknown>): Promise<number> => {
      t.queries.count = 0;
      await run();
      return t.queries.count;
    };
    const plain = await queriesFor(() => t.gql(RANK, { job: jobId, first: 3, asOf }));
    // scalar fields only: no skill or credential lookups, just the page's evidence
    const explainedOne = await queriesFor(() => explainedRank(1, 'coverage via decay'));
    const explainedThree = await queriesFor(() => explainedRank(3, 'coverage via decay'));
    // explanations cost queries only when asked for, and the same few for a page of one or three
    expect(explainedThree).toBeGreaterThan(plain);
    expect(explainedThree).toBe(explainedOne);
    // summaries need the explanations and the skills' names: a few more queries per page, not per candidate
    const summaries = await queriesFor(() => t.gql(`query($job: ID!) { rankCandidates(jobId: $job, first: 3, asOf: "${asOf}") { edges { node { summary } } } }`, { job: jobId }));
    expect(summaries).toBeLessThanOrEqual(explainedThree + 1);
    const ranked = ok(await explainedRank(3)).rankCandidates.edges.map((e: any) => e.node);
    expect(ranked).toHaveLength(3);
    for (const node of ranked) {
      const single = ok(await t.gql(`query($c: ID!, $j: ID!) { matchCandidate(candidateId: $c, jobId: $j, asOf: "${asOf}") { score requirements { ${EXPLAIN} } } }`, { c: node.candidate.id, j: jobId }))
        .matchCandidate;
      expect(node.requirements).toEqual(single.requirements);
      expect(node.score).toBe(single.score);
    }
  });

  it('reads the population page by page for the index build: every candidate once, in id order, with the same evidence', async () => {
    const repository = t.app.get(MatchEvidenceRepository);
    const paged: Awaited<ReturnType<MatchEvidenceRepository['load']>> = [];
    let pages = 0;
    for await (const page of repository.loadPages(7)) {
      expect(page.length).toBeLessThanOrEqual(7);
      paged.push(...page);
      pages++;
    }
    const all = await repository.load();
    const byId = (x: { id: string }, y: { id: string }) => (x.id < y.id ? -1 : 1);
    const sortEvidence = <T extends { evidence: { id: string }[] }>(c: T): T => ({ ...c, evidence: [...c.evidence].sort(byId) });
    expect(pages).toBe(Math.ceil(all.length / 7));
    expect(paged.map((c) => c.id)).toEqual(all.map((c) => c.id).sort());
    expect(paged.map(sortEvidence)).toEqual([...all].sort(byId).map(sortEvidence));
  });

  it('lists gaps with reasons, largest weighted shortfall first', async () => {
    const g = ok(await t.gql(`query($c: ID!, $j: ID!) { skillGap(candidateId: $c, jobId: $j, asOf: "2024-12-31T00:00:00Z") { score gaps { coverage reason requirement { skill { id } } } } }`, { c: a, j: jobId })).skillGap;
    expect(g.gaps.map((x: any) => [x.requirement.skill.id, x.reason])).toEqual([[x, 'DECAYED'], [y, 'MISSING']]);
  });

  it('reports a skill profile at asOf, and leaves out evidence dated after it', async () => {
    const p = ok(await t.gql(`query($c: ID!) { candidate(id: $c) { skillProfile(asOf: "2024-12-31T00:00:00Z") { level strength source lastEvidencedAt skill { id } } } }`, { c: a })).candidate.skillProfile;
    expect(p).toHaveLength(1);
    expect(p[0]).toMatchObject({ level: 4, source: 'ASSESSMENT', skill: { id: x } });
    expect(p[0].strength).toBeCloseTo(2, 12);
    const before = ok(await t.gql(`query($c: ID!) { candidate(id: $c) { skillProfile(asOf: "2023-06-01T00:00:00Z") { level } } }`, { c: a })).candidate.skillProfile;
    expect(before).toEqual([]);
  });

  it('never ranks a candidate who is not discoverable', async () => {
    ok(await t.gql(`mutation($id: ID!) { updateCandidate(input: { id: $id, discoverable: false }) { id } }`, { id: b }));
    const page = ok(await t.gql(RANK, { job: jobId, first: 10, asOf: '2024-12-31T00:00:00Z', min: 0.3 })).rankCandidates;
    expect(page.edges.map((e: any) => e.node.candidate.id).sort()).toEqual([a, c].sort());
    expect(page.totalCount).toBe(2);
    ok(await t.gql(`mutation($id: ID!) { updateCandidate(input: { id: $id, discoverable: true }) { id } }`, { id: b }));
  });

  it('refuses bad arguments and unknown ids', async () => {
    const cases: [Record<string, unknown>, string, string][] = [
      [{ job: jobId, first: 0 }, 'BAD_USER_INPUT', 'first'],
      [{ job: jobId, first: 101 }, 'BAD_USER_INPUT', 'first'],
      [{ job: jobId, min: 1.5 }, 'BAD_USER_INPUT', 'minScore'],
      [{ job: jobId, min: -0.1 }, 'BAD_USER_INPUT', 'minScore'],
      [{ job: jobId, after: 'garbage' }, 'BAD_USER_INPUT', 'after'],
      [{ job: '00000000-0000-4000-8000-000000000000' }, 'NOT_FOUND', 'jobId'],
      [{ job: 'nope' }, 'BAD_USER_INPUT', 'jobId'],
    ];
    for (const [vars, code, field] of cases) {
      const r = await t.gql(RANK, vars);
      expect({ vars, got: [r.errors?.[0].extensions?.code, r.errors?.[0].extensions?.field] }).toEqual({ vars, got: [code, field] });
    }
    const unknown = await t.gql(`query($j: ID!) { matchCandidate(candidateId: "00000000-0000-4000-8000-000000000000", jobId: $j) { score } }`, { j: jobId });
    expect(unknown.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('ranks the seeded demo population for a seeded job', async () => {
    const jobs = ok(await t.gql(`{ jobs(first: 1) { edges { node { id } } } }`)).jobs.edges;
    const page = ok(await t.gql(RANK, { job: jobs[0].node.id, first: 20 })).rankCandidates;
    expect(page.edges.length).toBe(20);
    const scores = page.edges.map((e: any) => [e.node.meetsMandatory ? 1 : 0, e.node.score]);
    for (let i = 1; i < scores.length; i++) {
      expect(scores[i - 1][0] > scores[i][0] || (scores[i - 1][0] === scores[i][0] && scores[i - 1][1] >= scores[i][1])).toBe(true);
    }
    expect(page.edges[0].node.score).toBeGreaterThan(0);
  });

  it('on every seeded job: no neighbour covers more than its similarity, every match has a reason, and the top candidate meets the mandatory requirements in ≥ 90 % of the jobs that have any', async () => {
    const jobs = ok(await t.gql(`{ jobs(first: 100) { edges { node { id title requirements { mandatory } } } } }`)).jobs.edges.map((e: any) => e.node);
    const seeded = jobs.filter((j: any) => !j.title.startsWith('Matching test'));
    expect(seeded.length).toBeGreaterThanOrEqual(28);
    let withMandatory = 0;
    let topMeets = 0;
    for (const job of seeded) {
      const page = ok(
        await t.gql(`query($job: ID!) { rankCandidates(jobId: $job, first: 20) { edges { node { meetsMandatory summary requirements { coverage similarity via reason } } } } }`, { job: job.id }),
      ).rankCandidates;
      for (const { node } of page.edges) {
        expect(node.summary).toMatch(/^(Meets|No mandatory).*\.$/);
        for (const r of node.requirements) {
          if (r.via !== 'EXACT') expect(r.coverage).toBeLessThanOrEqual(r.similarity);
          expect(r.reason).toMatch(/\.$/);
        }
      }
      if (job.requirements.some((r: any) => r.mandatory)) {
        withMandatory++;
        if (page.edges[0]?.node.meetsMandatory) topMeets++;
      }
    }
    expect(topMeets / withMandatory).toBeGreaterThanOrEqual(0.9);
  });
});
