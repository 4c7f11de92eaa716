import fc from 'fast-check';
import { solveExact } from './exact-planner';
import { planGreedy } from './greedy-planner';
import { handProblem } from './pathway.fixtures';
import { PathwayCredential, PathwayObjective, PathwayProblem } from './pathway.types';
import { planPathway } from './plan-pathway';
import { PathwayProjection } from './projection';
import { warmUpExactPlanner } from './solver-warm-up';
import { findOrderViolation } from './validate-order';

const EPS = 1e-6;

interface Case {
  problem: PathwayProblem;
  target: number;
  maxHours: number | null;
  maxCost: number | null;
  minimize: PathwayObjective;
}

interface Oracle {
  reachable: boolean;
  /** Reachable: min objective among plans reaching the target. Else: min objective among plans with the best score. */
  objective: number;
  bestScore: number;
}

/** Brute force over every subset of the choosable credentials, written independently of the engine. */
function bruteForce(c: Case): Oracle {
  const byId = new Map(c.problem.credentials.map((x) => [x.id, x]));
  const heldOriginal = new Set(c.problem.heldCredentialIds);
  const need = (x: PathwayCredential): number => (x.requiredComponents == null ? x.componentIds.length : x.requiredComponents);
  const isFree = (x: PathwayCredential): boolean => x.componentIds.length > 0 && x.hours === 0 && x.cost === 0;
  const closure = (start: Set<string>): Set<string> => {
    const earned = new Set(start);
    for (let changed = true; changed; ) {
      changed = false;
      for (const x of c.problem.credentials) {
        if (earned.has(x.id) || !isFree(x)) continue;
        const comps = x.componentIds.filter((m) => earned.has(m)).length;
        if (comps >= need(x) && x.prerequisiteIds.every((p) => earned.has(p))) {
          earned.add(x.id);
          changed = true;
        }
      }
    }
    return earned;
  };
  const choosable = c.problem.credentials.filter((x) => !heldOriginal.has(x.id) && !isFree(x)).map((x) => x.id);
  const W = c.problem.requirements.reduce((s, r) => s + r.weight, 0);
  let bestReach = Infinity;
  let bestScore = -Infinity;
  const scored: { score: number; objective: number }[] = [];
  for (let mask = 0; mask < 1 << choosable.length; mask++) {
    const chosen = choosable.filter((_, i) => mask & (1 << i));
    const hours = chosen.reduce((s, id) => s + (byId.get(id) as PathwayCredential).hours, 0);
    const cost = chosen.reduce((s, id) => s + (byId.get(id) as PathwayCredential).cost, 0);
    if ((c.maxHours !== null && hours > c.maxHours) || (c.maxCost !== null && cost > c.maxCost)) continue;
    const earned = closure(new Set([...heldOriginal, ...chosen]));
    const valid = chosen.every((id) => {
      const x = byId.get(id) as PathwayCredential;
      return x.prerequisiteIds.every((p) => earned.has(p)) && x.componentIds.filter((m) => earned.has(m)).length >= need(x);
    });
    if (!valid) continue;
    let sum = 0;
    for (const r of c.problem.requirements) {
      let cov = r.currentCoverage;
      for (const id of earned) {
        if (heldOriginal.has(id)) continue;
        for (const g of (byId.get(id) as PathwayCredential).contributions) if (g.requirementId === r.id) cov = Math.max(cov, g.coverage);
      }
      sum += r.weight * cov;
    }
    const score = sum / W;
    const objective = c.minimize === 'COST' ? cost : hours;
    scored.push({ score, objective });
    if (score >= c.target - EPS) bestReach = Math.min(bestReach, objective);
    bestScore = Math.max(bestScore, score);
  }
  if (bestReach < Infinity) return { reachable: true, objective: bestReach, bestScore };
  const objective = Math.min(...scored.filter((s) => s.score >= bestScore - EPS).map((s) => s.objective));
  return { reachable: false, objective, bestScore };
}

const credentialSpec = fc.record({
  hours: fc.integer({ min: 0, max: 20 }),
  cost: fc.integer({ min: 0, max: 10 }),
  prerequisites: fc.array(fc.nat(11), { maxLength: 2 }),
  stackKind: fc.constantFrom('none', 'none', 'none', 'free', 'capstone'),
  components: fc.array(fc.nat(11), { minLength: 2, maxLength: 4 }),
  required: fc.option(fc.integer({ min: 1, max: 4 }), { nil: null }),
  gains: fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 4, maxLength: 4 }),
  held: fc.boolean(),
  heldRoll: fc.integer({ min: 0, max: 9 }),
});

const caseArbitrary: fc.Arbitrary<Case> = fc
  .record({
    requirements: fc.array(fc.record({ weight: fc.integer({ min: 1, max: 3 }), c0: fc.constantFrom(0, 0.25, 0.5) }), { minLength: 1, maxLength: 4 }),
    credentials: fc.array(credentialSpec, { minLength: 1, maxLength: 12 }),
    target: fc.constantFrom(0.5, 0.7, 0.9, 1),
    maxHours: fc.option(fc.integer({ min: 0, max: 60 }), { nil: null, freq: 2 }),
    maxCost: fc.option(fc.integer({ min: 0, max: 300 }), { nil: null, freq: 2 }),
    minimize: fc.constantFrom<PathwayObjective>('HOURS', 'COST'),
  })
  .map(({ requirements, credentials, target, maxHours, maxCost, minimize }) => {
    const reqs = requirements.map((r, i) => ({ id: `R${i}`, weight: r.weight, currentCoverage: r.c0 }));
    const catalogue: PathwayCredential[] = credentials.map((s, i) => {
      const lower = (ids: number[]): string[] => [...new Set(ids.filter((j) => j < i))].map((j) => `C${j}`);
      const components = s.stackKind === 'none' ? [] : lower(s.components);
      const isStack = components.length >= 2;
      const free = isStack && s.stackKind === 'free';
      return {
        id: `C${i}`,
        name: `Credential ${i}`,
        hours: free ? 0 : s.hours,
        cost: free ? 0 : s.cost * 10,
        prerequisiteIds: lower(s.prerequisites),
        componentIds: isStack ? components : [],
        requiredComponents: isStack && s.required !== null ? Math.min(s.required, components.length) : null,
        contributions: reqs.flatMap((r, k) => (s.gains[k] > 0 ? [{ requirementId: r.id, coverage: s.gains[k] / 4 }] : [])),
      };
    });
    const held = credentials.flatMap((s, i) => (s.held && s.heldRoll < 2 ? [`C${i}`] : []));
    return { problem: { requirements: reqs, credentials: catalogue, heldCredentialIds: held }, target, maxHours, maxCost, minimize };
  });

describe('solveExact', () => {
  it('matches brute force on random catalogues of up to 12 credentials (prerequisites, N-of-M stacks, budgets)', async () => {
    await fc.assert(
      fc.asyncProperty(caseArbitrary, async (c) => {
        const oracle = bruteForce(c);
        const plan = await planPathway(c.problem, { targetScore: c.target, maxHours: c.maxHours, maxCost: c.maxCost, minimize: c.minimize, timeLimitMs: 30000 });
        const objective = c.minimize === 'COST' ? plan.totalCost : plan.totalHours;
        const greedyObjective = c.minimize === 'COST' ? plan.greedy.totalCost : plan.greedy.totalHours;
        expect(plan.optimal).toBe(true);
        expect(plan.reachesTarget).toBe(oracle.reachable);
        expect(objective).toBeCloseTo(oracle.objective, 6);
        if (!oracle.reachable) expect(plan.finalScore).toBeCloseTo(oracle.bestScore, 6);
        // budgets
        if (c.maxHours !== null) expect(plan.totalHours).toBeLessThanOrEqual(c.maxHours + 1e-9);
        if (c.maxCost !== null) expect(plan.totalCost).toBeLessThanOrEqual(c.maxCost + 1e-9);
        // greedy never beats exact
        if (plan.greedy.reachesTarget) expect(greedyObjective).toBeGreaterThanOrEqual(objective - 1e-9);
        else expect(plan.greedy.finalScore).toBeLessThanOrEqual(plan.finalScore + 1e-9);
        // ordering respects prerequisites and stacks
        const ids = plan.steps.map((s) => s.credentialId);
        expect(findOrderViolation(ids, c.problem.credentials, c.problem.heldCredentialIds)).toBeNull();
        expect(new Set(ids).size).toBe(ids.length);
      }),
      { numRuns: 150 },
    );
  });

  it('stops at the time limit with the incumbent and optimal = false', async () => {
    const projection = new PathwayProjection(handProblem());
    const limits = { targetScore: 0.8, minimize: 'HOURS' as const };
    const greedy = planGreedy(projection, limits);
    const result = await solveExact(projection, { ...limits, timeLimitMs: 0, incumbent: greedy.credentialIds });
    expect(result).toEqual({ credentialIds: ['D', 'A', 'K', 'B'], status: 'TIME_LIMIT', optimal: false, elapsedMs: expect.any(Number) });
  });

  it('warms up on synthetic solves', async () => {
    expect(await warmUpExactPlanner({ solves: 2, perSolveLimitMs: 200 })).toEqual({ solves: 2, elapsedMs: expect.any(Number) });
  });
});
