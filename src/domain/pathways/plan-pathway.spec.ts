import { handProblem, trapProblem } from './pathway.fixtures';
import { PathwayProblem, PlanPathwayOptions } from './pathway.types';
import { describePathway, planPathway } from './plan-pathway';

type StepRow = [string, number, number, number, string[]];

describe('planPathway', () => {
  it.each<[string, PathwayProblem, PlanPathwayOptions, StepRow[], number, boolean, boolean, number]>([
    [
      // B is needed (without it R1 <= .5 and the best is 3.0/4); then R2+R3 >= 1.2 cheapest via D + K (13 h)
      'min hours to .8: A, B, D, K = 43 h',
      handProblem(),
      { targetScore: 0.8 },
      [
        ['D', 0.4125, 5, 20, []],
        ['A', 0.5375, 15, 120, []],
        ['B', 0.7875, 35, 420, []],
        ['K', 0.9375, 43, 420, []],
      ],
      0.9375,
      true,
      true,
      43,
    ],
    [
      // by cost: C + D complete S, and with 2 components K is free: 70
      'min cost to .6: D, C (earns S), K',
      handProblem(),
      { targetScore: 0.6, minimize: 'COST' },
      [
        ['D', 0.4125, 5, 20, []],
        ['C', 0.525, 20, 70, ['S']],
        ['K', 0.625, 28, 70, []],
      ],
      0.625,
      true,
      true,
      28,
    ],
    [
      // .8 needs 43 h; within 40 h the best score is A, B, D = 3.15/4 (greedy only finds .75)
      'unreachable within 40 h: highest score',
      handProblem(),
      { targetScore: 0.8, maxHours: 40 },
      [
        ['D', 0.4125, 5, 20, []],
        ['A', 0.5375, 15, 120, []],
        ['B', 0.7875, 35, 420, []],
      ],
      0.7875,
      false,
      true,
      35,
    ],
    [
      'the greedy trap: Y alone (10 h) beats greedy Q + Z (12 h)',
      trapProblem(),
      { targetScore: 1 },
      [['Y', 1, 10, 100, []]],
      1,
      true,
      true,
      10,
    ],
    ['already there: no steps', handProblem(), { targetScore: 0.25 }, [], 0.25, true, true, 0],
    [
      // every credential: (2 + 1 + 1)/4 = 1 needs A, B and R2 1 (K) and R3 1 (S = C + D)
      'target 1 without budget: everything useful',
      handProblem(),
      { targetScore: 1 },
      [
        ['D', 0.4125, 5, 20, []],
        ['A', 0.5375, 15, 120, []],
        ['B', 0.7875, 35, 420, []],
        ['K', 0.9375, 43, 420, []],
        ['C', 1, 58, 470, ['S']],
      ],
      1,
      true,
      true,
      58,
    ],
  ])('%s', async (_name, problem, options, steps, finalScore, reaches, optimal, hours) => {
    const plan = await planPathway(problem, options);
    expect(plan.steps.map((s) => [s.credentialId, s.cumulativeHours, s.cumulativeCost, s.earnsStackIds])).toEqual(
      steps.map(([id, , h, c, stacks]) => [id, h, c, stacks]),
    );
    expect(plan.steps.map((s) => s.projectedScore)).toEqual(steps.map(([, score]) => expect.closeTo(score, 12)));
    expect(plan.steps.map((s) => s.position)).toEqual(steps.map((_, i) => i + 1));
    expect(plan.startScore).toBeCloseTo(problem.credentials.some((c) => c.id === 'Y') ? 0 : 0.25, 12);
    expect(plan.finalScore).toBeCloseTo(finalScore, 12);
    expect([plan.reachesTarget, plan.optimal, plan.totalHours]).toEqual([reaches, optimal, hours]);
  });

  it('reports the greedy plan beside the optimal one', async () => {
    const plan = await planPathway(trapProblem(), { targetScore: 1 });
    expect(plan.greedy).toEqual({ credentialIds: ['Q', 'Z'], finalScore: 1, reachesTarget: true, totalHours: 12, totalCost: 120 });
    expect(plan.solver.status).toBe('OPTIMAL');
  });

  it('greedy only: not proven optimal', async () => {
    const plan = await planPathway(trapProblem(), { targetScore: 1, solver: 'GREEDY' });
    expect([plan.steps.map((s) => s.credentialId), plan.totalHours, plan.optimal, plan.solver.status]).toEqual([['Z', 'Q'], 12, false, 'SKIPPED']);
  });

  it('a plan nothing can improve is trivially optimal', async () => {
    const problem = { ...handProblem(), credentials: [] };
    const plan = await planPathway(problem, { targetScore: 0.9 });
    expect([plan.steps, plan.reachesTarget, plan.optimal, plan.solver.status]).toEqual([[], false, true, 'TRIVIAL']);
  });

  it('draws the plan as a Mermaid flowchart', async () => {
    const plan = await planPathway(handProblem(), { targetScore: 0.6, minimize: 'COST', jobTitle: 'Data analyst' });
    expect(plan.mermaid).toBe(
      [
        '---',
        'title: "Data analyst: target score 0.60"',
        '---',
        'flowchart TD',
        '  start(["Start: score 0.25"])',
        '  step1["1. Viz<br/>5 h, cost 20<br/>score 0.41"]',
        '  step2["2. Data<br/>15 h, cost 50<br/>score 0.53"]',
        '  step3["3. Capstone<br/>8 h, cost 0<br/>score 0.63"]',
        '  stack1(["Analytics stack<br/>stack earned at step 2"])',
        '  start --> step1',
        '  step1 --> step2',
        '  step2 --> step3',
        '  step2 -.->|stacks into| step3',
        '  step1 -.->|stacks into| step3',
        '  step2 -.->|stacks into| stack1',
        '  step1 -.->|stacks into| stack1',
        '  classDef stack fill:#fff4d6,stroke:#b8860b',
        '  classDef held fill:#eeeeee,stroke:#999999,color:#555555',
        '  class stack1 stack',
      ].join('\n'),
    );
  });
});

describe('describePathway', () => {
  it.each<[string[], [string, number, number, string[]][], { credentialId: string; prerequisiteId: string; kind: string } | null]>([
    [
      ['D', 'C', 'K'],
      [
        ['D', 0.4125, 5, []],
        ['C', 0.525, 20, ['S']],
        ['K', 0.625, 28, []],
      ],
      null,
    ],
    [
      // K first: (.5 + 1 + .5)/4; then D: R3 .75; then C completes S: R3 1
      ['K', 'D', 'C'],
      [
        ['K', 0.5, 8, []],
        ['D', 0.5625, 13, []],
        ['C', 0.625, 28, ['S']],
      ],
      { credentialId: 'K', prerequisiteId: 'A', kind: 'MISSING' },
    ],
  ])('%j', (ids, steps, violation) => {
    const described = describePathway(handProblem(), ids);
    expect(described.steps.map((s) => [s.credentialId, s.cumulativeHours, s.earnsStackIds])).toEqual(steps.map(([id, , h, st]) => [id, h, st]));
    expect(described.steps.map((s) => s.projectedScore)).toEqual(steps.map(([, score]) => expect.closeTo(score, 12)));
    expect(described.finalScore).toBeCloseTo(0.625, 12);
    expect(described.violation).toEqual(violation);
    expect(described.mermaid.startsWith('flowchart TD\n  start(["Start: score 0.25"])')).toBe(true); // no title given
  });
});
