import { Eeo1RaceEthnicity1796688307719 } from '../migrations/1796688307719-eeo1-race-ethnicity';
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

const RATE = 'selected rate impactRatio reference flagged pValue zScore significant note';
const REPORT = `query($j: ID!, $n: Int) { impactReport(jobId: $j, topN: $n, asOf: "${AS_OF}") {
  population topN medianScore minShare threshold alpha asOf source from to recordsRead job { id } jobs { id }
  dimensions { name title categories unknownCount groups { label values count share excluded exclusionReason
    topN { ${RATE} } aboveMedian { ${RATE} } } } } }`;

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

  it('reports scoring rates (above the median), selection rates at top N, impact ratios, flags and significance by sex', async () => {
    const report = ok(await t.gql(REPORT, { j: jobId, n: 4 })).impactReport;
    expect(report).toMatchObject({ population: 12, topN: 4, minShare: 0.02, threshold: 0.8, alpha: 0.05, asOf: AS_OF, source: 'RANKED_NOW', from: null, recordsRead: null });
    expect(report.job).toEqual({ id: jobId });
    expect(report.jobs).toEqual([{ id: jobId }]);
    // median of sums 15..4 is (10 + 9) / 2
    expect(report.medianScore).toBeCloseTo(9.5 / 15, 12);
    const sex = report.dimensions.find((d: any) => d.name === 'sex');
    expect(sex.unknownCount).toBe(0);
    expect(sex.groups.map((g: any) => [g.label, g.count, g.excluded])).toEqual([
      ['Male', 6, false],
      ['Female', 6, false],
    ]);
    // top 4 = F1 F2 F3 F4: men 3/6 (reference), women 1/6; 1/6 ÷ 1/2 = 1/3 < 0.8, but Fisher p = 0.545 (6 v 6)
    expectStat(sex.groups[0].topN, [3, 0.5, 1, true, false]);
    expectStat(sex.groups[1].topN, [1, 1 / 6, 1 / 3, false, true]);
    expect(sex.groups[1].topN.pValue).toBeCloseTo(0.5454545454545454, 12);
    expect(sex.groups[1].topN.zScore).toBeCloseTo(-1.2247448713915892, 12);
    expect(sex.groups[1].topN).toMatchObject({ significant: false, note: expect.stringContaining('too few people to mean anything') });
    // above the median = F1..F6: men {F1, F2, F4, F5} 4/6, women {F3, F6} 2/6; 1/3 ÷ 2/3 = 0.5
    expectStat(sex.groups[0].aboveMedian, [4, 2 / 3, 1, true, false]);
    expectStat(sex.groups[1].aboveMedian, [2, 1 / 3, 0.5, false, true]);
    expect(sex.groups[1].aboveMedian.pValue).toBeCloseTo(0.5670995670995671, 12);
    expect(sex.groups[0].aboveMedian).toMatchObject({ pValue: null, zScore: null, note: null });
  });

  it('leaves the undeclared out (counted), and reports intersections', async () => {
    const report = ok(await t.gql(REPORT, { j: jobId, n: 4 })).impactReport;
    expect(report.dimensions.map((d: any) => d.name)).toEqual(['sex', 'ethnicity', 'ageBand', 'sex × ethnicity', 'sex × ageBand', 'ethnicity × ageBand']);
    const ethnicity = report.dimensions.find((d: any) => d.name === 'ethnicity');
    expect(ethnicity.title).toBe('Race/Ethnicity');
    expect(ethnicity.unknownCount).toBe(2);
    expect(ethnicity.groups.map((g: any) => [g.label, g.values, g.count, g.excluded])).toEqual([
      ['White (Not Hispanic or Latino)', ['WHITE'], 6, false],
      ['Asian (Not Hispanic or Latino)', ['ASIAN'], 4, false],
    ]);
    // top 4: WHITE {F1, F3, F4} 3/6 (reference), ASIAN {F2} 1/4
    expectStat(ethnicity.groups[0].topN, [3, 0.5, 1, true, false]);
    expectStat(ethnicity.groups[1].topN, [1, 0.25, 0.5, false, true]);
    expect(ethnicity.groups[1].topN.pValue).toBeCloseTo(0.5714285714285714, 12);
    // above the median: WHITE {F1, F3, F4} 3/6, ASIAN {F2, F6} 2/4: a tie, the first in order is the reference
    expectStat(ethnicity.groups[0].aboveMedian, [3, 0.5, 1, true, false]);
    expectStat(ethnicity.groups[1].aboveMedian, [2, 0.5, 1, false, false]);

    const ageBand = report.dimensions.find((d: any) => d.name === 'ageBand');
    expect(ageBand).toMatchObject({ unknownCount: 12, groups: [] });

    const both = report.dimensions.find((d: any) => d.name === 'sex × ethnicity');
    expect(both.unknownCount).toBe(2);
    expect(both.groups.map((g: any) => [g.values.join(' '), g.count, g.excluded, g.topN.selected, g.topN.reference, g.topN.flagged])).toEqual([
      ['MALE WHITE', 3, false, 2, true, false],
      ['MALE ASIAN', 2, false, 1, false, true],
      ['FEMALE WHITE', 3, false, 1, false, true],
      ['FEMALE ASIAN', 2, false, 0, false, true],
    ]);
    expect(both.groups[1].topN.impactRatio).toBeCloseTo(0.75, 12);
    expect(both.groups[0].label).toBe('Male × White (Not Hispanic or Latino)');
  });

  it('excludes categories under minShare from the ratios, still reporting them', async () => {
    const report = ok(await t.gql(REPORT.replace('asOf:', 'minShare: 0.2, asOf:'), { j: jobId, n: 4 })).impactReport;
    expect(report.minShare).toBe(0.2);
    const both = report.dimensions.find((d: any) => d.name === 'sex × ethnicity');
    // 3 of 12 = 25% stay in; 2 of 12 = 16.7% are out
    expect(both.groups.map((g: any) => [g.values.join(' '), g.excluded, g.topN.impactRatio === null, g.topN.flagged])).toEqual([
      ['MALE WHITE', false, false, false],
      ['MALE ASIAN', true, true, false],
      ['FEMALE WHITE', false, false, true],
      ['FEMALE ASIAN', true, true, false],
    ]);
    expect(both.groups[1].exclusionReason).toBe('2 of 12 scored (16.7%) is below 20% of the sample: excluded from the impact ratios (6 RCNY § 5-301)');
    for (const minShare of [-0.1, 1, 2]) {
      const bad = await t.gql(REPORT.replace('asOf:', `minShare: ${minShare}, asOf:`), { j: jobId, n: 4 });
      expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'minShare' });
    }
  });

  it('audits what the tool really showed: the ranking audit records of a period, each person once per job', async () => {
    const from = new Date().toISOString();
    const recruiter = t.as('RECRUITER', { sub: 'fairness-recruiter' });
    const page1 = ok(await recruiter(`query($j: ID!) { rankCandidates(jobId: $j, first: 5, asOf: "${AS_OF}") { pageInfo { endCursor } } }`, { j: jobId })).rankCandidates;
    ok(await recruiter(`query($j: ID!, $a: String) { rankCandidates(jobId: $j, first: 20, after: $a) { totalCount } }`, { j: jobId, a: page1.pageInfo.endCursor }));
    // shown again from the top by an ADMIN: no one counted twice
    ok(await t.gql(`query($j: ID!) { rankCandidates(jobId: $j, first: 3, asOf: "${AS_OF}") { totalCount } }`, { j: jobId }));
    // a learner checking their own match is not a use of the tool by an employer: not read
    ok(await t.as('LEARNER', { sub: 'F12', candidateId: ids.F12 })(`query($c: ID!, $j: ID!) { matchCandidate(candidateId: $c, jobId: $j, asOf: "${AS_OF}") { score } }`, { c: ids.F12, j: jobId }));
    const to = new Date(Date.now() + 60_000).toISOString();
    const AUDIT = `query($jobs: [ID!], $from: DateTime!, $to: DateTime!) { biasAudit(jobIds: $jobs, from: $from, to: $to, topN: 3) {
      source population recordsRead topN medianScore from to job { id } jobs { id }
      dimensions { name unknownCount groups { label count topN { ${RATE} } aboveMedian { ${RATE} } } }
      markdown: summary(format: MARKDOWN) csv: summary(format: CSV) } }`;
    const report = ok(await t.gql(AUDIT, { jobs: [jobId], from, to })).biasAudit;
    expect(report).toMatchObject({ source: 'AUDIT_RECORDS', population: 12, recordsRead: 3, topN: 3, from, to, job: { id: jobId }, jobs: [{ id: jobId }] });
    expect(report.medianScore).toBeCloseTo(9.5 / 15, 12);
    const sex = report.dimensions.find((d: any) => d.name === 'sex');
    // the scores shown are the ranking's: above the median men 4/6, women 2/6; places 1..3 (F1 F2 F3): men 2/6, women 1/6
    expectStat(sex.groups[0].aboveMedian, [4, 2 / 3, 1, true, false]);
    expectStat(sex.groups[1].aboveMedian, [2, 1 / 3, 0.5, false, true]);
    expectStat(sex.groups[0].topN, [2, 1 / 3, 1, true, false]);
    expectStat(sex.groups[1].topN, [1, 1 / 6, 0.5, false, true]);
    expect(report.markdown).toContain(`| **People scored** | 12 |`);
    expect(report.markdown).toContain('historical data: 3 ranking audit records (rankings and matches shown to admin and recruiter users)');
    expect(report.markdown).toContain('Unknown race/ethnicity (left out of the calculations): 2');
    expect(report.markdown).toContain('| Female | 6 | 33.3% | 0.50 | 0.567 | -1.15 | below four-fifths; impact ratio 0.50 is below 0.8 but not statistically significant (p = 0.567): too few people to mean anything |');
    expect(report.csv).toContain('\r\nSex,Female,6,0.5000,false,,0.3333,0.5000,false,true,0.5671,-1.155,');

    // every job: the same records; before: the first test's ranking only; years ago: none
    expect(ok(await t.gql(AUDIT, { jobs: null, from, to })).biasAudit).toMatchObject({ population: 12, recordsRead: 3, job: null, jobs: [{ id: jobId }] });
    expect(ok(await t.gql(AUDIT, { jobs: [jobId], from: '2020-01-01T00:00:00Z', to: from })).biasAudit).toMatchObject({ population: 12, recordsRead: 1 });
    const none = ok(await t.gql(AUDIT, { jobs: [jobId], from: '2020-01-01T00:00:00Z', to: '2020-02-01T00:00:00Z' })).biasAudit;
    expect(none).toMatchObject({ population: 0, recordsRead: 0, medianScore: 0 });
    expect(none.markdown).toContain('Unknown sex (left out of the calculations): 0\n\nNo one scored has a known category here');
    expect((await t.gql(AUDIT, { jobs: [jobId], from: to, to: from })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to' });
    expect((await t.gql(AUDIT, { jobs: ['nope'], from, to })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'jobIds[0]' });
    expect((await t.gql(AUDIT, { jobs: [], from, to })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'jobIds' });
    expect((await recruiter(AUDIT, { jobs: [jobId], from, to })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('migrates the old race/ethnicity values to the EEO-1 categories, keeping their meaning', async () => {
    const runner = await t.ownerRunner(); // migrations run as the owner
    try {
      const migration = new Eeo1RaceEthnicity1796688307719();
      await migration.down(runner);
      const old = ['BLACK_OR_AFRICAN', 'PACIFIC_ISLANDER', 'NATIVE_OR_INDIGENOUS', 'MIXED', 'OTHER', 'HISPANIC_OR_LATINO'];
      const people = ['F1', 'F2', 'F3', 'F4', 'F5', 'F6'];
      for (const [i, name] of people.entries()) await runner.query(`UPDATE candidate_demographics SET ethnicity = $2 WHERE candidate_id = $1`, [ids[name], old[i]]);
      await migration.up(runner);
      const rows: { candidate_id: string; ethnicity: string | null }[] = await runner.query(`SELECT candidate_id, ethnicity FROM candidate_demographics WHERE candidate_id = ANY($1::uuid[])`, [people.map((n) => ids[n])]);
      const byId = new Map(rows.map((r) => [r.candidate_id, r.ethnicity]));
      expect(people.map((n) => byId.get(ids[n]))).toEqual([
        'BLACK_OR_AFRICAN_AMERICAN',
        'NATIVE_HAWAIIAN_OR_OTHER_PACIFIC_ISLANDER',
        'AMERICAN_INDIAN_OR_ALASKA_NATIVE',
        'TWO_OR_MORE_RACES',
        null,
        'HISPANIC_OR_LATINO',
      ]);
      await expect(runner.query(`UPDATE candidate_demographics SET ethnicity = 'MIXED' WHERE candidate_id = $1`, [ids.F1])).rejects.toThrow(/check constraint/);
      // back to the population's declarations
      for (const [name, , ethnicity] of POPULATION) await runner.query(`UPDATE candidate_demographics SET ethnicity = $2 WHERE candidate_id = $1`, [ids[name], ethnicity]);
    } finally {
      await runner.release();
    }
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
    ok(await t.gql(`mutation($c: ID!) { setDemographics(candidateId: $c, input: { sex: MALE, ethnicity: TWO_OR_MORE_RACES, ageBand: AGE_65_PLUS }) { sex } }`, { c: ids.F3 }));
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
