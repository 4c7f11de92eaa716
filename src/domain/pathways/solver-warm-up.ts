import { solveExact } from './exact-planner';
import { planGreedy } from './greedy-planner';
import { PathwayCredential, PathwayProblem } from './pathway.types';
import { PathwayProjection } from './projection';

export interface WarmUpResult {
  solves: number;
  elapsedMs: number;
}

/**
 * Loads HiGHS and runs a few synthetic pathway MIPs. V8 first runs WebAssembly with its baseline
 * compiler and optimises hot functions only after they have run for a while, so the first dozen
 * solves of a process are several times slower than later ones (a plan that takes 250 ms warm
 * can take 2 s cold and hit the time limit). Call this once at start-up, off the request path;
 * each solve blocks the event loop for up to `perSolveLimitMs`.
 */
export async function warmUpExactPlanner(options: { solves?: number; perSolveLimitMs?: number } = {}): Promise<WarmUpResult> {
  const solves = options.solves ?? 12;
  const started = Date.now();
  for (let i = 0; i < solves; i++) {
    const projection = new PathwayProjection(syntheticProblem(i + 1));
    const limits = { targetScore: 0.8, minimize: 'HOURS' as const };
    const greedy = planGreedy(projection, limits);
    await solveExact(projection, { ...limits, timeLimitMs: options.perSolveLimitMs ?? 500, incumbent: greedy.credentialIds });
  }
  return { solves, elapsedMs: Date.now() - started };
}

/** A deterministic catalogue shaped like a real one: 4-tier prerequisite chains, N-of-M stacks, overlapping gains. */
function syntheticProblem(seed: number): PathwayProblem {
  let state = (seed * 2654435761) >>> 0;
  const next = (n: number): number => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state % n;
  };
  const requirements = Array.from({ length: 8 }, (_, r) => ({ id: `r${r}`, weight: 1 + next(3), currentCoverage: next(4) / 10 }));
  const credentials: PathwayCredential[] = [];
  for (let i = 0; i < 90; i++) {
    const tier = 1 + Math.floor(i / 24);
    const sameTrack = credentials.filter((c, j) => j % 24 === i % 24 && Math.floor(j / 24) === tier - 2);
    const contributions = requirements
      .filter(() => next(3) === 0)
      .map((r) => ({ requirementId: r.id, coverage: Math.min(1, (tier + next(2)) / (2 + next(4))) }));
    credentials.push({
      id: `w${i}`,
      name: `Warm-up ${i}`,
      hours: tier * (4 + next(16)),
      cost: tier * next(30) * 10,
      prerequisiteIds: sameTrack.length > 0 && next(5) > 0 ? [sameTrack[0].id] : [],
      componentIds: [],
      requiredComponents: null,
      contributions,
    });
  }
  for (let s = 0; s < 10; s++) {
    const components = [0, 1, 2, 3].map(() => credentials[next(90)].id);
    const capstone = next(2) === 0;
    credentials.push({
      id: `ws${s}`,
      name: `Warm-up stack ${s}`,
      hours: capstone ? 10 + next(30) : 0,
      cost: capstone ? 100 + next(300) : 0,
      prerequisiteIds: [],
      componentIds: [...new Set(components)],
      requiredComponents: 2,
      contributions: [{ requirementId: `r${next(8)}`, coverage: 1 }],
    });
  }
  return { requirements, credentials, heldCredentialIds: credentials.filter((c, i) => i < 24 && next(6) === 0).map((c) => c.id) };
}
