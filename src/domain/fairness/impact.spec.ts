import { Demographics, Ethnicity, Sex } from './categories';
import { DimensionImpact, formatP, impactReport, median, RateStat, ScoredPerson } from './impact';

/**
 * A population from counts: for each row, `above` people with distinct scores above the median
 * and `below` people with distinct scores below it, placed in ranking order (scores descending).
 * The rows must put exactly half of everyone above (an even total), so that the median falls
 * between the two halves.
 */
type Spec = [sex: Sex | null, ethnicity: Ethnicity | null, above: number, below: number];
function population(rows: readonly Spec[]): ScoredPerson[] {
  const people: { score: number; demographics: Demographics }[] = [];
  let hi = 0;
  let lo = 0;
  for (const [sex, ethnicity, above, below] of rows) {
    for (let i = 0; i < above; i++) people.push({ score: 0.9 - 1e-5 * hi++, demographics: { sex, ethnicity } });
    for (let i = 0; i < below; i++) people.push({ score: 0.4 - 1e-5 * lo++, demographics: { sex, ethnicity } });
  }
  if (hi * 2 !== people.length) throw new Error(`the rows put ${hi} of ${people.length} above the median, not half`);
  return people.sort((a, b) => b.score - a.score).map((p, i) => ({ candidateId: `c${i + 1}`, position: i + 1, ...p }));
}

type Row = [label: string, count: number, rate: number, ratio: number | null, reference: boolean, flagged: boolean];
function expectRows(dim: DimensionImpact, pick: (g: DimensionImpact['groups'][number]) => RateStat, expected: readonly Row[]): void {
  expect(dim.groups.map((g) => [g.label, g.count, pick(g).reference, pick(g).flagged])).toEqual(expected.map((r) => [r[0], r[1], r[4], r[5]]));
  dim.groups.forEach((g, i) => {
    expect(pick(g).rate).toBeCloseTo(expected[i][2], 12);
    if (expected[i][3] === null) expect(pick(g).impactRatio).toBeNull();
    else expect(pick(g).impactRatio).toBeCloseTo(expected[i][3]!, 12);
  });
}
const dim = (report: ReturnType<typeof impactReport>, name: string): DimensionImpact => report.dimensions.find((d) => d.name === name)!;
const scoring = (g: DimensionImpact['groups'][number]): RateStat => g.aboveMedian;

describe('impactReport: the method of 6 RCNY § 5-301 for a tool that scores', () => {
  it("reproduces the rules' worked example: Male 92, 54.3%, 1.00; Female 76, 44.7%, 0.82; 18 unknown left out", () => {
    // 186 scored: men 50 above the median / 42 below, women 34 / 42, unknown sex and race 9 / 9
    const report = impactReport(
      population([
        ['MALE', null, 50, 42],
        ['FEMALE', null, 34, 42],
        [null, null, 9, 9],
      ]),
      { topN: 20, dimensions: [['sex']] },
    );
    expect(report.population).toBe(186);
    const sex = dim(report, 'sex');
    expect(sex.unknownCount).toBe(18);
    expectRows(sex, scoring, [
      ['Male', 92, 50 / 92, 1, true, false],
      ['Female', 76, 34 / 76, 34 / 76 / (50 / 92), false, false],
    ]);
    expect(sex.groups.map((g) => [(100 * g.aboveMedian.rate).toFixed(1), g.aboveMedian.impactRatio!.toFixed(2)])).toEqual([
      ['54.3', '1.00'],
      ['44.7', '0.82'],
    ]);
    // Female 34/76 against Male 50/92: Fisher p = 0.27786 (exact rationals), z = −1.2401
    const female = sex.groups[1].aboveMedian;
    expect(female.pValue).toBeCloseTo(0.2778638554327376, 12);
    expect(female.zScore).toBeCloseTo(-1.2400634810649562, 12);
    expect(female.significant).toBe(false);
    expect(female.note).toBeNull();
    expect(sex.groups[0].aboveMedian).toMatchObject({ pValue: null, zScore: null });
  });

  it('keeps unknowns who score highest out of the ratios: no one flagged, men 0.94 and women 1.00', () => {
    // all 18 unknowns above the median; men 40 / 52, women 35 / 41. Treating the unknowns as a
    // group (rate 1) would make them the reference: men 0.43, women 0.46, both flagged.
    const report = impactReport(
      population([
        ['MALE', null, 40, 52],
        ['FEMALE', null, 35, 41],
        [null, null, 18, 0],
      ]),
      { topN: 20, dimensions: [['sex']] },
    );
    const sex = dim(report, 'sex');
    expect(sex.unknownCount).toBe(18);
    expectRows(sex, scoring, [
      ['Male', 92, 40 / 92, 40 / 92 / (35 / 76), false, false],
      ['Female', 76, 35 / 76, 1, true, false],
    ]);
    expect(sex.groups.map((g) => g.aboveMedian.impactRatio!.toFixed(2))).toEqual(['0.94', '1.00']);
    expect(sex.groups[0].aboveMedian.pValue).toBeCloseTo(0.7573544322038411, 12);
    expect(sex.groups[0].aboveMedian.zScore).toBeCloseTo(-0.33408296407356813, 12);
  });

  it('keeps a category at 2.2% of the sample in the ratios (here the reference) and excludes one at 1.6%, still reported', () => {
    // 186 scored: non-binary 4 (2.15%), all above the median; another sex 3 (1.61%); 14 unknown
    const people = population([
      ['MALE', null, 46, 44],
      ['FEMALE', null, 36, 39],
      ['NON_BINARY', null, 4, 0],
      ['OTHER', null, 2, 1],
      [null, null, 5, 9],
    ]);
    const report = impactReport(people, { topN: 20, dimensions: [['sex']] });
    const sex = dim(report, 'sex');
    expect(sex.unknownCount).toBe(14);
    expectRows(sex, scoring, [
      ['Male', 90, 46 / 90, 46 / 90, false, true],
      ['Female', 75, 36 / 75, 36 / 75, false, true],
      ['Non-binary', 4, 1, 1, true, false],
      ['Another sex', 3, 2 / 3, null, false, false],
    ]);
    expect(sex.groups.map((g) => [g.excluded, g.share])).toEqual([
      [false, 90 / 186],
      [false, 75 / 186],
      [false, 4 / 186],
      [true, 3 / 186],
    ]);
    expect(sex.groups[3].exclusionReason).toBe('3 of 186 scored (1.6%) is below 2% of the sample: excluded from the impact ratios (6 RCNY § 5-301)');
    expect(sex.groups.slice(0, 3).every((g) => g.exclusionReason === null)).toBe(true);
    // the flags rest on 4 people: Fisher p 0.120 (men), 0.116 (women): not significant, said so
    const [men, women, , other] = sex.groups.map((g) => g.aboveMedian);
    expect(men.pValue).toBeCloseTo(0.12003636004710279, 12);
    expect(men.zScore).toBeCloseTo(-1.9174056546397387, 12);
    expect(women.pValue).toBeCloseTo(0.11556797632747, 12);
    expect(men.note).toBe('impact ratio 0.51 is below 0.8 but not statistically significant (p = 0.12): too few people to mean anything');
    expect(women.note).toBe('impact ratio 0.48 is below 0.8 but not statistically significant (p = 0.116): too few people to mean anything');
    // the excluded category still gets its test against the reference, but no ratio, flag or note
    expect(other).toMatchObject({ impactRatio: null, flagged: false, reference: false, note: null });
    expect(other.pValue).toBeCloseTo(0.42857142857142855, 12);

    // a lower minimum share keeps the 1.6% category in; minShare 0.03 drops the 2.2% one
    const all = dim(impactReport(people, { topN: 20, dimensions: [['sex']], minShare: 0.01 }), 'sex');
    expect(all.groups.map((g) => g.excluded)).toEqual([false, false, false, false]);
    expect(all.groups[3].aboveMedian.impactRatio).toBeCloseTo(2 / 3, 12);
    const strict = dim(impactReport(people, { topN: 20, dimensions: [['sex']], minShare: 0.03 }), 'sex');
    expect(strict.groups.map((g) => [g.label, g.excluded, g.aboveMedian.reference])).toEqual([
      ['Male', false, true],
      ['Female', false, false],
      ['Non-binary', true, false],
      ['Another sex', true, false],
    ]);
    expect(strict.groups[1].aboveMedian.impactRatio).toBeCloseTo(36 / 75 / (46 / 90), 12);
  });

  it('says when a ratio above 0.8 hides a significant difference', () => {
    // 5,000 men, 55% above the median; 5,000 women, 45%: ratio 0.818, but p = 1.7e−23, z = −10
    const report = impactReport(
      population([
        ['MALE', null, 2750, 2250],
        ['FEMALE', null, 2250, 2750],
      ]),
      { topN: 20, dimensions: [['sex']] },
    );
    const women = dim(report, 'sex').groups[1].aboveMedian;
    expect(women.impactRatio).toBeCloseTo(0.45 / 0.55, 12);
    expect(women.flagged).toBe(false);
    expect(women.significant).toBe(true);
    expect(women.pValue! / 1.716191987588856e-23).toBeCloseTo(1, 8);
    expect(women.zScore).toBeCloseTo(-10, 10);
    expect(women.note).toBe('impact ratio 0.82 is not below 0.8 but the difference is statistically significant (p < 0.0001, z = -10.00)');
  });

  it('counts a person of known sex but unknown race/ethnicity as unknown for the intersection', () => {
    const report = impactReport(
      population([
        ['MALE', 'WHITE', 3, 2],
        ['MALE', null, 2, 1],
        ['FEMALE', 'HISPANIC_OR_LATINO', 2, 4],
        [null, 'HISPANIC_OR_LATINO', 1, 1],
        ['FEMALE', 'MIDDLE_EASTERN_OR_NORTH_AFRICAN', 2, 2],
      ]),
      { topN: 5, dimensions: [['sex'], ['ethnicity'], ['sex', 'ethnicity']] },
    );
    // 20 scored; median between the 10 above and the 10 below
    expect(report.population).toBe(20);
    expect([dim(report, 'sex').unknownCount, dim(report, 'ethnicity').unknownCount, dim(report, 'sex × ethnicity').unknownCount]).toEqual([2, 3, 5]);
    expectRows(dim(report, 'ethnicity'), scoring, [
      ['Hispanic or Latino', 8, 3 / 8, 3 / 8 / (3 / 5), false, true],
      ['White (Not Hispanic or Latino)', 5, 3 / 5, 1, true, false],
      ['Middle Eastern or North African (Not Hispanic or Latino)', 4, 2 / 4, 0.5 / 0.6, false, false],
    ]);
    const x = dim(report, 'sex × ethnicity');
    expect(x.title).toBe('Sex × Race/Ethnicity');
    expectRows(x, scoring, [
      ['Male × White (Not Hispanic or Latino)', 5, 3 / 5, 1, true, false],
      ['Female × Hispanic or Latino', 6, 2 / 6, 2 / 6 / (3 / 5), false, true],
      ['Female × Middle Eastern or North African (Not Hispanic or Latino)', 4, 2 / 4, 0.5 / 0.6, false, false],
    ]);
    // top 5 = the five highest scores: Male × White 3 of them, Male × unknown 2
    expectRows(x, (g) => g.top, [
      ['Male × White (Not Hispanic or Latino)', 5, 3 / 5, 1, true, false],
      ['Female × Hispanic or Latino', 6, 0, 0, false, true],
      ['Female × Middle Eastern or North African (Not Hispanic or Latino)', 4, 0, 0, false, true],
    ]);
  });
});

describe('impactReport: the selection rate at top N (a second view)', () => {
  /** Ten people in ranking order, hand-picked so every number can be checked by hand. */
  const PEOPLE: [sex: Sex | null, score: number][] = [
    ['FEMALE', 0.9],
    ['MALE', 0.85],
    ['MALE', 0.8],
    ['FEMALE', 0.7],
    ['MALE', 0.65],
    ['MALE', 0.6],
    ['FEMALE', 0.5],
    ['FEMALE', 0.4],
    [null, 0.3],
    ['MALE', 0.2],
  ];
  const RANKED: ScoredPerson[] = PEOPLE.map(([sex, score], i) => ({ candidateId: `c${i + 1}`, score, position: i + 1, demographics: { sex } }));

  it('computes the median: middle value, or the mean of the two middle values', () => {
    expect(median([])).toBe(0);
    expect(median([3])).toBe(3);
    expect(median([0.9, 0.1, 0.5])).toBe(0.5);
    expect(median(RANKED.map((r) => r.score))).toBeCloseTo(0.625, 15);
  });

  it('rates places 1..N; the undeclared person is left out; small flags are called not significant', () => {
    // top 3: F {1} 1/4 = 0.25, M {2,3} 2/5 = 0.4 (reference); F 0.625 flagged; Fisher 1/4 vs 2/5: p = 1
    const report = impactReport(RANKED, { topN: 3, dimensions: [['sex']] });
    const sex = dim(report, 'sex');
    expect(sex.unknownCount).toBe(1);
    expectRows(sex, (g) => g.top, [
      ['Male', 5, 0.4, 1, true, false],
      ['Female', 4, 0.25, 0.625, false, true],
    ]);
    expect(sex.groups[1].top.pValue).toBeCloseTo(1, 12);
    expect(sex.groups[1].top.zScore).toBeCloseTo(-0.47434164902525694, 12);
    expect(sex.groups[1].top.note).toBe('impact ratio 0.63 is below 0.8 but not statistically significant (p = 1): too few people to mean anything');
    // above the median 0.625: F {1,4} 2/4, M {2,3,5} 3/5: 0.8333, not flagged
    expectRows(sex, scoring, [
      ['Male', 5, 0.6, 1, true, false],
      ['Female', 4, 0.5, 0.5 / 0.6, false, false],
    ]);
  });

  it('does not count a person without a place in a ranking as selected', () => {
    const unplaced = RANKED.map((p) => (p.candidateId === 'c1' ? { ...p, position: null } : p));
    expect(dim(impactReport(unplaced, { topN: 3, dimensions: [['sex']] }), 'sex').groups[1].top.selected).toBe(0);
  });

  it('reports every category and every pair by default, with the defaults of the rules', () => {
    const report = impactReport(RANKED, { topN: 4 });
    expect(report.dimensions.map((d) => d.name)).toEqual(['sex', 'ethnicity', 'ageBand', 'sex × ethnicity', 'sex × ageBand', 'ethnicity × ageBand']);
    expect([report.minShare, report.threshold, report.alpha]).toEqual([0.02, 0.8, 0.05]);
    expect(dim(report, 'ethnicity')).toMatchObject({ unknownCount: 10, groups: [] });
  });

  it('caps topN at the population and handles an empty population', () => {
    expect(impactReport(RANKED.slice(0, 3), { topN: 20 }).topN).toBe(3);
    const empty = impactReport([], { topN: 5 });
    expect(empty).toMatchObject({ population: 0, topN: 0, medianScore: 0 });
    expect(empty.dimensions.every((d) => d.groups.length === 0 && d.unknownCount === 0)).toBe(true);
  });

  it('refuses a topN below 1, a share outside [0, 1) and unknown categories', () => {
    expect(() => impactReport(RANKED, { topN: 0 })).toThrow(RangeError);
    expect(() => impactReport(RANKED, { topN: 1, minShare: 1 })).toThrow(/minShare/);
    expect(() => impactReport(RANKED, { topN: 1, minShare: -0.1 })).toThrow(/minShare/);
    expect(() => impactReport(RANKED, { topN: 1, dimensions: [['religion' as never]] })).toThrow(/unknown category/);
  });
});

describe('formatP', () => {
  it.each([
    [1, '1'],
    [0.2778638554327376, '0.278'],
    [0.12003636004710279, '0.12'],
    [0.0005123, '0.00051'],
    [1.7e-23, '< 0.0001'],
  ])('%d prints as %s', (p, text) => expect(formatP(p)).toBe(text));
});

