import { Demographics } from './categories';
import { impactReport, median, RankedPerson } from './impact';

/** Ten people in ranking order (scores descending), hand-picked so every number below can be checked by hand. */
const PEOPLE: [sex: Demographics['sex'], ageBand: Demographics['ageBand'], score: number][] = [
  ['FEMALE', 'UNDER_25', 0.9], //  1
  ['MALE', 'UNDER_25', 0.85], //   2
  ['MALE', 'AGE_25_34', 0.8], //   3
  ['FEMALE', 'AGE_25_34', 0.7], // 4
  ['MALE', 'UNDER_25', 0.65], //   5
  ['MALE', 'AGE_25_34', 0.6], //   6
  ['FEMALE', 'UNDER_25', 0.5], //  7
  ['FEMALE', null, 0.4], //        8
  [null, null, 0.3], //            9
  ['MALE', 'AGE_25_34', 0.2], //  10
];
const RANKED: RankedPerson[] = PEOPLE.map(([sex, ageBand, score], i) => ({ candidateId: `c${i + 1}`, score, demographics: { sex, ageBand } }));
// median of the ten scores: (0.6 + 0.65) / 2 = 0.625; strictly above it: positions 1..5

type Row = [label: string, count: number, tooSmall: boolean, selected: number, rate: number, ratio: number | null, reference: boolean, flagged: boolean];

function rows(report: ReturnType<typeof impactReport>, name: string, metric: 'top' | 'aboveMedian'): Row[] {
  const dim = report.dimensions.find((d) => d.name === name)!;
  return dim.groups.map((g) => [g.label, g.count, g.tooSmall, g[metric].selected, g[metric].rate, g[metric].impactRatio, g[metric].reference, g[metric].flagged]);
}

function expectRows(actual: Row[], expected: Row[]): void {
  expect(actual.map((r) => [r[0], r[1], r[2], r[3], r[6], r[7]])).toEqual(expected.map((r) => [r[0], r[1], r[2], r[3], r[6], r[7]]));
  actual.forEach((r, i) => {
    expect(r[4]).toBeCloseTo(expected[i][4], 12);
    if (expected[i][5] === null) expect(r[5]).toBeNull();
    else expect(r[5]).toBeCloseTo(expected[i][5]!, 12);
  });
}

describe('impactReport', () => {
  it('computes the median: middle value, or the mean of the two middle values', () => {
    expect(median([])).toBe(0);
    expect(median([3])).toBe(3);
    expect(median([0.9, 0.1, 0.5])).toBe(0.5);
    expect(median(RANKED.map((r) => r.score))).toBeCloseTo(0.625, 15);
  });

  it.each<[string, { topN: number; minGroupSize: number }, 'top' | 'aboveMedian', Row[]]>([
    [
      // top 4 = positions 1-4: F {1,4} 2/4 = 0.5, M {2,3} 2/5 = 0.4, U 0/1; reference F (largest eligible rate); M 0.4/0.5 = 0.8 is not below 0.8
      'top 4, groups of 4 or more judged',
      { topN: 4, minGroupSize: 4 },
      'top',
      [
        ['FEMALE', 4, false, 2, 0.5, 1, true, false],
        ['MALE', 5, false, 2, 0.4, 0.8, false, false],
        ['UNDECLARED', 1, true, 0, 0, 0, false, false],
      ],
    ],
    [
      // top 3: F {1} 1/4 = 0.25, M {2,3} 2/5 = 0.4 (reference); F 0.25/0.4 = 0.625 < 0.8: flagged
      'top 3: women under-selected',
      { topN: 3, minGroupSize: 4 },
      'top',
      [
        ['FEMALE', 4, false, 1, 0.25, 0.625, false, true],
        ['MALE', 5, false, 2, 0.4, 1, true, false],
        ['UNDECLARED', 1, true, 0, 0, 0, false, false],
      ],
    ],
    [
      // above the median 0.625: F {1,4} 2/4 = 0.5, M {2,3,5} 3/5 = 0.6 (reference); F 0.5/0.6 = 0.8333
      'above the median',
      { topN: 3, minGroupSize: 4 },
      'aboveMedian',
      [
        ['FEMALE', 4, false, 2, 0.5, 0.5 / 0.6, false, false],
        ['MALE', 5, false, 3, 0.6, 1, true, false],
        ['UNDECLARED', 1, true, 0, 0, 0, false, false],
      ],
    ],
    [
      // default minimum group size 5: only MALE can be the reference; FEMALE (4) is too small to judge though its ratio is 0.25/0.4
      'default minimum group size 5',
      { topN: 3, minGroupSize: 5 },
      'top',
      [
        ['FEMALE', 4, true, 1, 0.25, 0.625, false, false],
        ['MALE', 5, false, 2, 0.4, 1, true, false],
        ['UNDECLARED', 1, true, 0, 0, 0, false, false],
      ],
    ],
    [
      // nobody large enough: no reference, no ratios
      'no group large enough',
      { topN: 3, minGroupSize: 6 },
      'top',
      [
        ['FEMALE', 4, true, 1, 0.25, null, false, false],
        ['MALE', 5, true, 2, 0.4, null, false, false],
        ['UNDECLARED', 1, true, 0, 0, null, false, false],
      ],
    ],
  ])('sex, %s', (_name, options, metric, expected) => {
    const report = impactReport(RANKED, options);
    expect(report.population).toBe(10);
    expect(report.topN).toBe(options.topN);
    expect(report.medianScore).toBeCloseTo(0.625, 15);
    expectRows(rows(report, 'sex', metric), expected);
  });

  it.each<['top' | 'aboveMedian', Row[]]>([
    [
      // top 4: F×U25 {1} 1/2, F×25-34 {4} 1/1, F×U {} 0/1, M×U25 {2} 1/2, M×25-34 {3} 1/3, U×U 0/1.
      // eligible (≥ 2): F×U25 0.5, M×U25 0.5, M×25-34 1/3; tie at 0.5 → the first in order, F×U25.
      'top',
      [
        ['FEMALE × UNDER_25', 2, false, 1, 0.5, 1, true, false],
        ['FEMALE × AGE_25_34', 1, true, 1, 1, 2, false, false],
        ['FEMALE × UNDECLARED', 1, true, 0, 0, 0, false, false],
        ['MALE × UNDER_25', 2, false, 1, 0.5, 1, false, false],
        ['MALE × AGE_25_34', 3, false, 1, 1 / 3, 2 / 3, false, true],
        ['UNDECLARED × UNDECLARED', 1, true, 0, 0, 0, false, false],
      ],
    ],
    [
      // above the median (positions 1..5): F×U25 {1} 1/2, F×25-34 {4} 1, M×U25 {2,5} 2/2 (reference), M×25-34 {3} 1/3
      'aboveMedian',
      [
        ['FEMALE × UNDER_25', 2, false, 1, 0.5, 0.5, false, true],
        ['FEMALE × AGE_25_34', 1, true, 1, 1, 1, false, false],
        ['FEMALE × UNDECLARED', 1, true, 0, 0, 0, false, false],
        ['MALE × UNDER_25', 2, false, 2, 1, 1, true, false],
        ['MALE × AGE_25_34', 3, false, 1, 1 / 3, 1 / 3, false, true],
        ['UNDECLARED × UNDECLARED', 1, true, 0, 0, 0, false, false],
      ],
    ],
  ])('sex × ageBand intersections, %s', (metric, expected) => {
    const report = impactReport(RANKED, { topN: 4, minGroupSize: 2 });
    expectRows(rows(report, 'sex × ageBand', metric), expected);
  });

  it('reports every category and every pair by default; undeclared is a group of its own', () => {
    const report = impactReport(RANKED, { topN: 4 });
    expect(report.dimensions.map((d) => d.name)).toEqual(['sex', 'ethnicity', 'ageBand', 'sex × ethnicity', 'sex × ageBand', 'ethnicity × ageBand']);
    expect(report.minGroupSize).toBe(5);
    expect(report.threshold).toBe(0.8);
    const ethnicity = report.dimensions.find((d) => d.name === 'ethnicity')!;
    expect(ethnicity.groups.map((g) => [g.label, g.count, g.top.selected, g.top.rate, g.top.reference])).toEqual([['UNDECLARED', 10, 4, 0.4, true]]);
    expect(report.dimensions.find((d) => d.name === 'ageBand')!.groups.map((g) => [g.label, g.count])).toEqual([
      ['UNDER_25', 4],
      ['AGE_25_34', 4],
      ['UNDECLARED', 2],
    ]);
  });

  it('caps topN at the population and handles an empty ranking', () => {
    const capped = impactReport(RANKED.slice(0, 3), { topN: 20, minGroupSize: 1 });
    expect(capped.topN).toBe(3);
    expect(capped.dimensions[0].groups.map((g) => [g.label, g.top.selected, g.top.rate])).toEqual([
      ['FEMALE', 1, 1],
      ['MALE', 2, 1],
    ]);
    const empty = impactReport([], { topN: 5 });
    expect(empty).toMatchObject({ population: 0, topN: 0, medianScore: 0 });
    expect(empty.dimensions.every((d) => d.groups.length === 0)).toBe(true);
  });

  it('refuses a topN below 1 and unknown categories', () => {
    expect(() => impactReport(RANKED, { topN: 0 })).toThrow(RangeError);
    expect(() => impactReport(RANKED, { topN: 1, dimensions: [['religion' as never]] })).toThrow(/unknown category/);
  });
});
