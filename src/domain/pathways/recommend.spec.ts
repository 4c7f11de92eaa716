import { handProblem } from './pathway.fixtures';
import { CredentialRecommendationResult } from './pathway.types';
import { recommendCredentials } from './recommend';

type Row = [string, number, number, number, number, string[], string[], string[]];
const rec = ([credentialId, scoreGain, projectedScore, hours, cost, closes, missing, completes]: Row): CredentialRecommendationResult => ({
  credentialId,
  scoreGain: expect.closeTo(scoreGain, 12) as unknown as number,
  projectedScore: expect.closeTo(projectedScore, 12) as unknown as number,
  hours,
  cost,
  closesRequirementIds: closes,
  prerequisitesMissingIds: missing,
  completesStackIds: completes,
});

describe('recommendCredentials', () => {
  // ratios (gain / hours): D .1625/5 = .0325, K .4375/23 = .01902, S .275/20 = .01375,
  // B .375/30 = .0125 ties A .125/10 = .0125 (B has the larger gain), C .15/15 = .01
  it.each<[string, Parameters<typeof recommendCredentials>[1], string[], Row[]]>([
    [
      'default: per hour, first 5',
      {},
      [],
      [
        ['D', 0.1625, 0.4125, 5, 20, ['R2', 'R3'], [], []],
        ['K', 0.4375, 0.6875, 23, 120, ['R1', 'R2', 'R3'], ['D', 'A'], []],
        ['S', 0.275, 0.525, 20, 70, ['R2', 'R3'], ['D', 'C'], []],
        ['B', 0.375, 0.625, 30, 400, ['R1'], ['A'], []],
        ['A', 0.125, 0.375, 10, 100, ['R1'], [], []],
      ],
    ],
    [
      'maxHours 20 filters bundles over 20 h (K 23, B 30)',
      { first: 10, maxHours: 20 },
      [],
      [
        ['D', 0.1625, 0.4125, 5, 20, ['R2', 'R3'], [], []],
        ['S', 0.275, 0.525, 20, 70, ['R2', 'R3'], ['D', 'C'], []],
        ['A', 0.125, 0.375, 10, 100, ['R1'], [], []],
        ['C', 0.15, 0.4, 15, 50, ['R2'], [], []],
      ],
    ],
    [
      // per cost: D .1625/20, K [D, C, K] .375/70 (completes S), S .275/70, C .15/50, A .125/100; B 400 > 100
      'only maxCost: per cost unit, cheapest components',
      { first: 10, maxCost: 100 },
      [],
      [
        ['D', 0.1625, 0.4125, 5, 20, ['R2', 'R3'], [], []],
        ['K', 0.375, 0.625, 28, 70, ['R2', 'R3'], ['D', 'C'], ['S']],
        ['S', 0.275, 0.525, 20, 70, ['R2', 'R3'], ['D', 'C'], []],
        ['C', 0.15, 0.4, 15, 50, ['R2'], [], []],
        ['A', 0.125, 0.375, 10, 100, ['R1'], [], []],
      ],
    ],
    [
      // A held: B alone .375/20 = .01875; K needs one more component, D: [D, K] 13 h, (.5 + 1 + .75)/4 - .25 = .3125
      'held prerequisites and components are not repeated',
      { first: 3 },
      ['A'],
      [
        ['D', 0.1625, 0.4125, 5, 20, ['R2', 'R3'], [], []],
        ['K', 0.3125, 0.5625, 13, 20, ['R2', 'R3'], ['D'], []],
        ['B', 0.375, 0.625, 20, 300, ['R1'], [], []],
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
