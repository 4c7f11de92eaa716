import { handCatalogue, handProblem } from './pathway.fixtures';
import { PathwayCredential } from './pathway.types';
import { PathwayProjection } from './projection';

describe('PathwayProjection', () => {
  const p = new PathwayProjection(handProblem());

  it('starts from the current coverage: (2·.25 + 0 + .5) / 4', () => {
    expect(p.startScore).toBeCloseTo(0.25, 12);
  });

  it.each<[string[], number]>([
    [[], 0.25],
    [['A'], 0.375], // R1 .5: (1 + 0 + .5) / 4
    [['A', 'B'], 0.625], // R1 1: (2 + 0 + .5) / 4
    [['C'], 0.4], // (.5 + .6 + .5) / 4
    [['D'], 0.4125], // (.5 + .4 + .75) / 4
    [['C', 'D'], 0.525], // + stack S: R3 1 -> (.5 + .6 + 1) / 4
    [['D', 'A', 'K'], 0.6875], // (1 + 1 + .75) / 4
    [['C', 'D', 'K'], 0.625], // (.5 + 1 + 1) / 4
    [['A', 'B', 'D', 'K'], 0.9375], // (2 + 1 + .75) / 4
  ])('score(%j) = %d', (chosen, expected) => {
    expect(p.score(chosen)).toBeCloseTo(expected, 12);
  });

  it.each<[string[], string[]]>([
    [['C', 'D'], ['S']],
    [['C'], []],
    [['C', 'D', 'K'], ['S']],
    [['A', 'D', 'K'], []],
  ])('completedStacks(%j) = %j', (chosen, expected) => {
    expect(p.completedStacks(chosen)).toEqual(expected);
  });

  it.each<[string, string[], 'HOURS' | 'COST', string[] | null]>([
    ['B', [], 'HOURS', ['A', 'B']],
    ['S', [], 'HOURS', ['D', 'C']], // free stack: its components, cheapest first, not itself
    ['K', [], 'HOURS', ['D', 'A', 'K']], // 2 of A(10h), C(15h), D(5h): D then A
    ['K', [], 'COST', ['D', 'C', 'K']], // by cost: D(20) then C(50)
    ['K', ['C'], 'HOURS', ['D', 'K']], // C already chosen: one more, D
    ['A', ['A'], 'HOURS', []],
    ['Z', [], 'HOURS', null],
  ])('bundle(%s, %j, %s) = %j', (target, chosen, objective, expected) => {
    expect(p.bundle(target, chosen, objective)).toEqual(expected);
  });

  it('prerequisiteClosure adds prerequisites and capstone components, topologically', () => {
    expect(p.prerequisiteClosure(['B', 'K'])).toEqual(['A', 'B', 'D', 'K']);
  });

  it.each<[string[], { credentialId: string; missingId: string } | null]>([
    [['B'], { credentialId: 'B', missingId: 'A' }],
    [['K', 'D'], { credentialId: 'K', missingId: 'A' }], // 1 of the 2 components
    [['A', 'B'], null],
    [['K', 'C', 'D'], null],
  ])('findViolation(%j)', (chosen, expected) => {
    expect(p.findViolation(chosen)).toEqual(expected);
  });

  it.each<[string[], string[]]>([
    [['A', 'B', 'D', 'K'], ['D', 'A', 'B', 'K']], // D gains most; B (.25) before K (.15)
    [['K', 'C', 'D'], ['D', 'C', 'K']],
  ])('orderSteps(%j) = %j', (chosen, expected) => {
    expect(p.orderSteps(chosen)).toEqual(expected);
  });

  it('steps: score after each step, cumulative totals and the stacks earned', () => {
    const steps = p.steps(['D', 'C', 'K']);
    expect(steps.map((s) => [s.position, s.credentialId, s.cumulativeHours, s.cumulativeCost, s.earnsStackIds])).toEqual([
      [1, 'D', 5, 20, []],
      [2, 'C', 20, 70, ['S']],
      [3, 'K', 28, 70, []],
    ]);
    expect(steps.map((s) => s.projectedScore)).toEqual([0.4125, 0.525, 0.625].map((x) => expect.closeTo(x, 12)));
  });

  it('held components that already complete a free stack: the stack counts as held', () => {
    const held = new PathwayProjection(handProblem(['C', 'D']));
    expect(held.held.has('S')).toBe(true);
    // S's R3 1 joins the base coverage: (.5 + 0 + 1) / 4
    expect(held.startScore).toBeCloseTo(0.375, 12);
    expect(held.bundle('K')).toEqual(['K']);
  });

  it('a held prerequisite is satisfied', () => {
    expect(new PathwayProjection(handProblem(['A'])).bundle('B')).toEqual(['B']);
  });

  it('a stack needing more components than it has can never be earned', () => {
    const catalogue = handCatalogue().map((c) => (c.id === 'S' ? { ...c, requiredComponents: 3 } : c));
    const q = new PathwayProjection({ ...handProblem(), credentials: catalogue });
    expect(q.bundle('S')).toBeNull();
    expect(q.completedStacks(['C', 'D'])).toEqual([]);
  });

  it('rejects a circular catalogue', () => {
    const loop: PathwayCredential[] = [
      { id: 'X', name: 'X', hours: 1, cost: 0, prerequisiteIds: ['Y'], componentIds: [], requiredComponents: null, contributions: [] },
      { id: 'Y', name: 'Y', hours: 1, cost: 0, prerequisiteIds: ['X'], componentIds: [], requiredComponents: null, contributions: [] },
    ];
    expect(() => new PathwayProjection({ requirements: [], credentials: loop, heldCredentialIds: [] })).toThrow(/cycle: X -> Y -> X/);
  });

  it('no weight: every score is 0', () => {
    const q = new PathwayProjection({ requirements: [{ id: 'R1', weight: 0, currentCoverage: 1 }], credentials: handCatalogue(), heldCredentialIds: [] });
    expect([q.startScore, q.score(['A'])]).toEqual([0, 0]);
    expect(q.usefulIds()).toEqual([]);
  });
});
