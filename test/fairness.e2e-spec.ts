import { MatchIndexService } from '../src/matching/match-index.service';
import { ok, startTestApp, TestApp } from './support/test-app';

const AS_OF = '2025-06-01T00:00:00.000Z';

/**
 * A crafted population of twelve (everyone else made undiscoverable): three requirements of
 * weight 1 at level 5, evidence dated at asOf, so a candidate's score is (sum of levels) / 15.
 * Rank order = the order below (sums 15 down to 4).
 */
const POPULATION: [name: string, sex: string | null, ethnicity: string | null, sum: number][] = [
  ['F1', 'MALE', 'WHITE', 15],
  ['F2', 'MALE', 'ASIAN', 14],
  ['F3', 'FEMALE', 'WHITE', 13],
  ['F4', 'MALE', 'WHITE', 12],
  ['F5', 'MALE', null, 11],
  ['F6', 'FEMALE', 'ASIAN', 10],
  ['F7', 'FEMALE', 'WHITE', 9],
  ['F8', 'MALE', 'ASIAN', 8],
  ['F9', 'FEMALE', 'WHITE', 7],
  ['F10', 'FEMALE', 'ASIAN', 6],
  ['F11', 'MALE', 'WHITE', 5],
  ['F12', 'FEMALE', null, 4],
];

const REPORT = `query($j: ID!, $n: Int) { impactReport(jobId: $j, topN: $n, asOf: "${AS_OF}") {
  population topN medianScore minGroupSize threshold asOf job { id }
  dimensions { name categories groups { label values count tooSmall
    topN { selected rate impactRatio reference flagged } aboveMedian { selected rate impactRatio reference flagged } } } } }`;

type Stat = [selected: number, rate: number, ratio: number | null, reference: boolean, flagged: boolean];

function expectStat(actual: any, [selected, rate, ratio, reference, flagged]: Stat): void {
  expect({ selected: actual.selected, reference: actual.reference, flagged: actual.flagged }).toEqual({ selected, reference, flagged });
  expect(actual.rate).toBeCloseTo(rate, 12);
  if (ratio === null) expect(actual.impactRatio).toBeNull();
  else expect(actual.impactRatio).toBeCloseTo(ratio, 12);
}

describe('bias audit: impactReport on a crafted population', () => {
  let t: TestApp;
  let jobId: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp();
    const skills: string[] = [];
    for (const n of [1, 2, 3]) skills.push(ok(await t.gql(`mutation { createSkill(input: { name: "Fairness skill ${n}", category: DURABLE }) { id } }`)).createSkill.id);
    jobId = ok(
      await t.gql(`mutation($input: CreateJobInput!) { createJob(input: $input) { id } }`, {
        input: { title: 'Fairness job', requirements: skills.map((skillId) => ({ skillId, level: 5, weight: 1 })) },
      }),
    ).createJob.id;
    for (const [name, sex, ethnicity, sum] of POPULATION) {
      const id = ok(await t.gql(`mutation($n: String!) { createCandidate(input: { name: $n }) { id } }`, { n: `Fairness ${name}` })).createCandidate.id;
      ids[name] = id;
      let left = sum;
      for (const skillId of skills) {
        const level = Math.min(5, left);
        left -= level;
        if (level === 0) continue;
        ok(
          await t.gql(`mutation($input: AddSkillEvidenceInput!) { addSkillEvidence(input: $input) { id } }`, {
            input: { candidateId: id, skillId, level, source: 'ASSESSMENT', evidencedAt: AS_OF },
          }),
        );
      }
      // half declare through their own learner token, half through an ADMIN
      const declare = name.length % 2 ? t.as('LEARNER', { sub: name, candidateId: id }) : t.gql;
      ok(await declare(`mutation($c: ID!, $input: DemographicsInput!) { setDemographics(candidateId: $c, input: $input) { sex } }`, { c: id, input: { sex, ethnicity } }));
    }
    // everyone else out of the population
    await t.dataSource.query(`UPDATE candidate SET discoverable = false WHERE NOT (id = ANY($1::uuid[]))`, [Object.values(ids)]);
    await t.app.get(MatchIndexService).rebuild();
  });
  afterAll(() => t.close());

  it('ranks the crafted population as designed, whatever the demographics', async () => {
    const ranked = ok(await t.gql(`query($j: ID!) { rankCandidates(jobId: $j, first: 20, asOf: "${AS_OF}") { totalCount edges { node { score candidate { id } } } } }`, { j: jobId }))
      .rankCandidates;
    expect(ranked.totalCount).toBe(12);
    expect(ranked.edges.map((e: any) => e.node.candidate.id)).toEqual(POPULATION.map(([name]) => ids[name]));
    ranked.edges.forEach((e: any, i: number) => expect(e.node.score).toBeCloseTo(POPULATION[i][3] / 15, 12));
  });

  it('reports selection rates, impact ratios and flags by sex (top 4; above the median)', async () => {
    const report = ok(await t.gql(REPORT, { j: jobId, n: 4 })).impactReport;
    expect(report).toMatchObject({ population: 12, topN: 4, minGroupSize: 5, threshold: 0.8, asOf: AS_OF, job: { id: jobId } });
    // median of sums 15..4 is (10 + 9) / 2
    expect(report.medianScore).toBeCloseTo(9.5 / 15, 12);
    const sex = report.dimensions.find((d: any) => d.name === 'sex');
    expect(sex.groups.map((g: any) => [g.label, g.count, g.tooSmall])).toEqual([
      ['FEMALE', 6, false],
      ['MALE', 6, false],
    ]);
    // top 4 = F1 F2 F3 F4: women 1/6, men 3/6 (reference); 1/6 ÷ 1/2 = 1/3 < 0.8
    expectStat(sex.groups[0].topN, [1, 1 / 6, 1 / 3, false, true]);
    expectStat(sex.groups[1].topN, [3, 0.5, 1, true, false]);
    // above the median = F1..F6: women {F3, F6} 2/6, men {F1, F2, F4, F5} 4/6; 1/3 ÷ 2/3 = 0.5
    expectStat(sex.groups[0].aboveMedian, [2, 1 / 3, 0.5, false, true]);
    expectStat(sex.groups[1].aboveMedian, [4, 2 / 3, 1, true, false]);
  });

  it('marks groups too small to judge, keeps the undeclared as a group, and reports intersections', async () => {
    const report = ok(await t.gql(REPORT, { j: jobId, n: 4 })).impactReport;
    expect(report.dimensions.map((d: any) => d.name)).toEqual(['sex', 'ethnicity', 'ageBand', 'sex × ethnicity', 'sex × ageBand', 'ethnicity × ageBand']);
    const ethnicity = report.dimensions.find((d: any) => d.name === 'ethnicity');
    expect(ethnicity.groups.map((g: any) => [g.label, g.count, g.tooSmall])).toEqual([
      ['ASIAN', 4, true],
      ['WHITE', 6, false],
      ['UNDECLARED', 2, true],
    ]);
    // top 4: ASIAN {F2} 1/4, WHITE {F1, F3, F4} 3/6 (the only group large enough: the reference), UNDECLARED 0/2
    expectStat(ethnicity.groups[0].topN, [1, 0.25, 0.5, false, false]);
    expectStat(ethnicity.groups[1].topN, [3, 0.5, 1, true, false]);
    expectStat(ethnicity.groups[2].topN, [0, 0, 0, false, false]);
    // above the median: ASIAN {F2, F6} 2/4, WHITE {F1, F3, F4} 3/6, UNDECLARED {F5} 1/2
    expectStat(ethnicity.groups[0].aboveMedian, [2, 0.5, 1, false, false]);
    expectStat(ethnicity.groups[1].aboveMedian, [3, 0.5, 1, true, false]);
    expectStat(ethnicity.groups[2].aboveMedian, [1, 0.5, 1, false, false]);

    const ageBand = report.dimensions.find((d: any) => d.name === 'ageBand');
    expect(ageBand.groups.map((g: any) => [g.label, g.count])).toEqual([['UNDECLARED', 12]]);
    expectStat(ageBand.groups[0].topN, [4, 4 / 12, 1, true, false]);

    const both = report.dimensions.find((d: any) => d.name === 'sex × ethnicity');
    expect(both.groups.map((g: any) => [g.label, g.count, g.tooSmall, g.topN.selected, g.topN.impactRatio])).toEqual([
      ['FEMALE × ASIAN', 2, true, 0, null],
      ['FEMALE × WHITE', 3, true, 1, null],
      ['FEMALE × UNDECLARED', 1, true, 0, null],
      ['MALE × ASIAN', 2, true, 1, null],
      ['MALE × WHITE', 3, true, 2, null],
      ['MALE × UNDECLARED', 1, true, 0, null],
    ]);
    expect(both.groups[0].values).toEqual(['FEMALE', 'ASIAN']);
  });

  it('caps topN at the population and refuses a bad topN or an unknown job', async () => {
    expect(ok(await t.gql(REPORT, { j: jobId, n: 50 })).impactReport.topN).toBe(12);
    expect((await t.gql(REPORT, { j: jobId, n: 0 })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'topN' });
    expect((await t.gql(REPORT, { j: '00000000-0000-4000-8000-000000000000', n: 4 })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('stores declarations apart from matching data; refuses values outside the lists', async () => {
    const [row] = await t.dataSource.query(`SELECT sex, ethnicity, age_band FROM candidate_demographics WHERE candidate_id = $1`, [ids.F5]);
    expect(row).toEqual({ sex: 'MALE', ethnicity: null, age_band: null });
    const unknown = await t.gql(`mutation($c: ID!) { setDemographics(candidateId: $c, input: { sex: FEMALE }) { sex } }`, { c: '00000000-0000-4000-8000-000000000000' });
    expect(unknown.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'candidateId' });
    expect((await t.dataSource.query(`SELECT count(*)::int AS n FROM candidate_demographics WHERE candidate_id = '00000000-0000-4000-8000-000000000000'`))[0].n).toBe(0);
    const bad = await t.gql(`mutation($c: ID!) { setDemographics(candidateId: $c, input: { sex: UNKNOWN }) { sex } }`, { c: ids.F1 });
    expect(bad.errors?.[0].extensions?.code).toMatch(/GRAPHQL_VALIDATION_FAILED|BAD_USER_INPUT/);
    await expect(t.dataSource.query(`UPDATE candidate_demographics SET sex = 'ROBOT' WHERE candidate_id = $1`, [ids.F1])).rejects.toThrow(/check constraint/);
    // declaring (or withdrawing) changes no score
    const before = ok(await t.gql(`query($c: ID!, $j: ID!) { matchCandidate(candidateId: $c, jobId: $j, asOf: "${AS_OF}") { score } }`, { c: ids.F3, j: jobId })).matchCandidate.score;
    ok(await t.gql(`mutation($c: ID!) { setDemographics(candidateId: $c, input: { sex: MALE, ethnicity: MIXED, ageBand: AGE_65_PLUS }) { sex } }`, { c: ids.F3 }));
    const after = ok(await t.gql(`query($c: ID!, $j: ID!) { matchCandidate(candidateId: $c, jobId: $j, asOf: "${AS_OF}") { score } }`, { c: ids.F3, j: jobId })).matchCandidate.score;
    expect(after).toBe(before);
    ok(await t.gql(`mutation($c: ID!) { setDemographics(candidateId: $c, input: { sex: FEMALE, ethnicity: WHITE }) { sex } }`, { c: ids.F3 }));
    // deleting a candidate deletes their declaration
    const temp = ok(await t.gql(`mutation { createCandidate(input: { name: "Fairness temp" }) { id } }`)).createCandidate.id;
    ok(await t.gql(`mutation($c: ID!) { setDemographics(candidateId: $c, input: { ageBand: UNDER_25 }) { ageBand } }`, { c: temp }));
    ok(await t.gql(`mutation($c: ID!) { deleteCandidate(id: $c) }`, { c: temp }));
    expect(await t.dataSource.query(`SELECT 1 FROM candidate_demographics WHERE candidate_id = $1`, [temp])).toEqual([]);
  });
});
