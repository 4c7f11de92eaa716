import { handProblem } from './pathway.fixtures';
import { CredentialRecommendationResult } from './pathway.types';
import { recommendCredentials } from './recommend';

type Row = [string, number, number, number, number, string[], string[], string[], Raise[]?];
/** [requirement, before, after] */
type Raise = [string, number, number];
const rec = ([credentialId, scoreGain, projectedScore, hours, cost, closes, missing, completes, raises]: Row): CredentialRecommendationResult => ({
  credentialId,
  scoreGain: expect.closeTo(scoreGain, 12) as unknown as number,
  projectedScore: expect.closeTo(projectedScore, 12) as unknown as number,
  hours,
  cost,
  closesRequirementIds: closes,
  raises: (raises ?? RAISES[credentialId]).map(([requirementId, before, after]) => ({ requirementId, before, after })),
  prerequisitesMissingIds: missing,
  completesStackIds: completes,
});

/** What each bundle raises from the hand problem's start (R1 .25, R2 0, R3 .5); `closes` = those brought to 1. */
const RAISES: Record<string, Raise[]> = {
  D: [['R2', 0, 0.4], ['R3', 0.5, 0.75]],
  K: [['R1', 0.25, 0.5], ['R2', 0, 1], ['R3', 0.5, 0.75]], // bundle D, A, K
  S: [['R2', 0, 0.6], ['R3', 0.5, 1]], // bundle D, C, S
  B: [['R1', 0.25, 1]], // bundle A, B
  A: [['R1', 0.25, 0.5]],
  C: [['R2', 0, 0.6]],
};

describe('recommendCredentials', () => {
  // ratios (gain / hours): D .1625/5 = .0325, K .4375/23 = .01902, S .275/20 = .01375,
  // B .375/30 = .0125 ties A .125/10 = .0125 (B has the larger gain), C .15/15 = .01
  it.each<[string, Parameters<typeof recommendCredentials>[1], string[], Row[]]>([
    [
      'default: per hour, first 5',
      {},
      [],
      [
        ['D', 0.1625, 0.4125, 5, 20, [], [], []],
        ['K', 0.4375, 0.6875, 23, 120, ['R2'], ['D', 'A'], []],
        ['S', 0.275, 0.525, 20, 70, ['R3'], ['D', 'C'], []],
        ['B', 0.375, 0.625, 30, 400, ['R1'], ['A'], []],
        ['A', 0.125, 0.375, 10, 100, [], [], []],
      ],
    ],
    [
      'maxHours 20 filters bundles over 20 h (K 23, B 30)',
      { first: 10, maxHours: 20 },
      [],
      [
        ['D', 0.1625, 0.4125, 5, 20, [], [], []],
        ['S', 0.275, 0.525, 20, 70, ['R3'], ['D', 'C'], []],
        ['A', 0.125, 0.375, 10, 100, [], [], []],
        ['C', 0.15, 0.4, 15, 50, [], [], []],
      ],
    ],
    [
      // per cost: D .1625/20, K [D, C, K] .375/70 (completes S), S .275/70, C .15/50, A .125/100; B 400 > 100
      'only maxCost: per cost unit, cheapest components',
      { first: 10, maxCost: 100 },
      [],
      [
        ['D', 0.1625, 0.4125, 5, 20, [], [], []],
        ['K', 0.375, 0.625, 28, 70, ['R2', 'R3'], ['D', 'C'], ['S'], [['R2', 0, 1], ['R3', 0.5, 1]]], // D, C, K completes S
        ['S', 0.275, 0.525, 20, 70, ['R3'], ['D', 'C'], []],
        ['C', 0.15, 0.4, 15, 50, [], [], []],
        ['A', 0.125, 0.375, 10, 100, [], [], []],
      ],
    ],
    [
      // A held: B alone .375/20 = .01875; K needs one more component, D: [D, K] 13 h, (.5 + 1 + .75)/4 - .25 = .3125
      'held prerequisites and components are not repeated',
      { first: 3 },
      ['A'],
      [
        ['D', 0.1625, 0.4125, 5, 20, [], [], []],
        ['K', 0.3125, 0.5625, 13, 20, ['R2'], ['D'], [], [['R2', 0, 1], ['R3', 0.5, 0.75]]],
        ['B', 0.375, 0.625, 20, 300, ['R1'], [], []],
      ],
    ],
    [
      // gains: K .4375, B .375, S .275, D .1625, C .15, A .125
      'orderBy GAIN',
      { first: 3, orderBy: 'GAIN' },
      [],
      [
        ['K', 0.4375, 0.6875, 23, 120, ['R2'], ['D', 'A'], []],
        ['B', 0.375, 0.625, 30, 400, ['R1'], ['A'], []],
        ['S', 0.275, 0.525, 20, 70, ['R3'], ['D', 'C'], []],
      ],
    ],
    [
      'orderBy GAIN_PER_HOUR is the default order',
      { first: 2, orderBy: 'GAIN_PER_HOUR' },
      [],
      [
        ['D', 0.1625, 0.4125, 5, 20, [], [], []],
        ['K', 0.4375, 0.6875, 23, 120, ['R2'], ['D', 'A'], []],
      ],
    ],
    [
      'orderBy GAIN_PER_COST without a budget: per cost unit, cheapest components',
      { first: 2, orderBy: 'GAIN_PER_COST' },
      [],
      [
        ['D', 0.1625, 0.4125, 5, 20, [], [], []],
        ['K', 0.375, 0.625, 28, 70, ['R2', 'R3'], ['D', 'C'], ['S'], [['R2', 0, 1], ['R3', 0.5, 1]]],
      ],
    ],
    ['first 0', { first: 0 }, [], []],
  ])('%s', (_name, options, held, expected) => {
    expect(recommendCredentials(handProblem(held), options)).toEqual(expected.map(rec));
  });

  it('leaves out credentials that raise nothing', () => {
    const problem = handProblem();
    const withUseless = {
      ...problem,
      credentials: [
        ...problem.credentials,
        { id: 'U', name: 'Useless', hours: 1, cost: 1, prerequisiteIds: [], componentIds: [], requiredComponents: null, contributions: [{ requirementId: 'R3', coverage: 0.5 }] },
      ],
    };
    expect(recommendCredentials(withUseless, { first: 50 }).map((r) => r.credentialId)).toEqual(['D', 'K', 'S', 'B', 'A', 'C']);
  });
});
