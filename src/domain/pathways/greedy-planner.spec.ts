import { planGreedy } from './greedy-planner';
import { handProblem, trapProblem } from './pathway.fixtures';
import { PathwayProblem } from './pathway.types';
import { PathwayProjection } from './projection';

describe('planGreedy', () => {
  it.each<[string, PathwayProblem, Parameters<typeof planGreedy>[1], string[], number, boolean, number, number]>([
    // D (.0325/h), then K's bundle [A, K] (.275/18), then B (.25/20): .9375 >= .8; nothing redundant
    ['hand catalogue, target .8', handProblem(), { targetScore: 0.8, minimize: 'HOURS' }, ['D', 'A', 'K', 'B'], 0.9375, true, 43, 420],
    // within 40 h: D, [A, K] (23 h), B no longer fits (43), C fits (38 h) and completes S: .75
    ['hand catalogue, 40 h budget', handProblem(), { targetScore: 0.8, minimize: 'HOURS', maxHours: 40 }, ['D', 'A', 'K', 'C'], 0.75, false, 38, 170],
    // X (.25/h), Q (.5/6), Z (.25/6) reach 1; pruning then drops X: 12 h (the optimum is Y, 10 h)
    ['the greedy trap', trapProblem(), { targetScore: 1, minimize: 'HOURS' }, ['Q', 'Z'], 1, true, 12, 120],
    ['target already met', handProblem(), { targetScore: 0.2, minimize: 'HOURS' }, [], 0.25, true, 0, 0],
  ])('%s', (_name, problem, limits, ids, score, reaches, hours, cost) => {
    const plan = planGreedy(new PathwayProjection(problem), limits);
    expect(plan.credentialIds).toEqual(ids);
    expect(plan.finalScore).toBeCloseTo(score, 12);
    expect([plan.reachesTarget, plan.totalHours, plan.totalCost]).toEqual([reaches, hours, cost]);
  });
});
