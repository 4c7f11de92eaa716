/**
 * Benchmark of the pathway engines (src/domain/pathways).
 *
 *   npx tsc -p tsconfig.build.json   (or `npm run build`)
 *   node dist/bench/pathways.bench.js [--pairs N] [--max-hours H]
 *
 * A synthetic catalogue of 500 credentials (fixed seed): 40 skill domains with prerequisite
 * chains of four tiers, 50 stacks (free N-of-M stacks and paid capstones, some stacks of stacks),
 * 50 learners with held credentials (closed under prerequisites) and decayed experience, and
 * 10 jobs. Gains and current coverage follow the model the caller uses:
 * coverage = max over evidence of sim(skill, required) · min(1, strength / level), sim = 1 for
 * the same skill, 0.5 within a domain. For each learner × job (500 pairs): recommendCredentials
 * (first 5) and planPathway (target 0.8, minimise hours, 2 s limit). Reports p50 / p95 / max
 * latency, the share of plans proven optimal, and the hours the optimal plan saves over greedy.
 * Targets: recommend p50 <= 20 ms, plan p50 <= 200 ms, proven optimal >= 95%.
 * `--max-hours H` adds an hours budget to every plan (exercises the "best score within budget"
 * solves); `--pairs N` stops after N pairs. The first pairs are planned once untimed, to warm up
 * the WebAssembly solver (V8 compiles it lazily, so the first solves of a process are slower).
 */
import { performance } from 'node:perf_hooks';
import type { uniformInt as UniformIntFn } from 'pure-rand/lib/distribution/uniformInt';
import type { xoroshiro128plus as Xoroshiro128plusFn } from 'pure-rand/lib/generator/xoroshiro128plus';
import { evidenceCoverage } from '../src/domain/matching/match-engine';
import type { PathwayCredential, PathwayProblem, PathwayPlanResult } from '../src/domain/pathways/pathway.types';
import { planPathway } from '../src/domain/pathways/plan-pathway';
import { recommendCredentials } from '../src/domain/pathways/recommend';
import { loadHighsSolver } from '../src/domain/pathways/highs-solver';

// pure-rand 8 only exposes subpath exports, which `moduleResolution: node` cannot type-check:
// types come from the files, values from the exported subpaths.
/* eslint-disable @typescript-eslint/no-require-imports */
const { xoroshiro128plus } = require('pure-rand/generator/xoroshiro128plus') as { xoroshiro128plus: typeof Xoroshiro128plusFn };
const { uniformInt } = require('pure-rand/distribution/uniformInt') as { uniformInt: typeof UniformIntFn };
/* eslint-enable @typescript-eslint/no-require-imports */

const SEED = 20260611;
const DOMAINS = 40;
const SKILLS_PER_DOMAIN = 5;
const CREDENTIALS = 500;
const STACKS = 50;
const LEARNERS = 50;
const JOBS = 10;
const TARGET = 0.8;
const TIME_LIMIT_MS = 2000;
const WARM_UP = 10;

type Rng = ReturnType<typeof Xoroshiro128plusFn>;

class BenchRandom {
  private readonly rng: Rng;
  constructor(seed: number) {
    this.rng = xoroshiro128plus(seed);
  }
  int(min: number, max: number): number {
    return uniformInt(this.rng, min, max);
  }
  chance(p: number): boolean {
    return this.int(0, 9999) < p * 10000;
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(0, items.length - 1)];
  }
  sample<T>(items: readonly T[], n: number): T[] {
    const copy = [...items];
    const out: T[] = [];
    while (out.length < n && copy.length > 0) out.push(copy.splice(this.int(0, copy.length - 1), 1)[0]);
    return out;
  }
}

interface SkillLevel {
  skill: number;
  level: number;
}
interface SynthCredential extends PathwayCredential {
  domain: number;
  tier: number;
  skills: SkillLevel[];
}
interface Requirement {
  id: string;
  skill: number;
  level: number;
  weight: number;
}
interface Learner {
  held: string[];
  evidence: SkillLevel[]; // strength (level · decay) per skill
}

const domainOf = (skill: number): number => Math.floor(skill / SKILLS_PER_DOMAIN);
const sim = (a: number, b: number): number => (a === b ? 1 : domainOf(a) === domainOf(b) ? 0.5 : 0);

function buildCatalogue(rnd: BenchRandom): SynthCredential[] {
  const out: SynthCredential[] = [];
  const byDomainTier = new Map<string, SynthCredential[]>();
  const regular = CREDENTIALS - STACKS;
  for (let i = 0; i < regular; i++) {
    const domain = i % DOMAINS;
    const tier = 1 + (Math.floor(i / DOMAINS) % 4); // 1..4, lower tiers first
    const skills: SkillLevel[] = rnd
      .sample([0, 1, 2, 3, 4], rnd.int(1, 3))
      .map((k) => ({ skill: domain * SKILLS_PER_DOMAIN + k, level: Math.min(5, tier + rnd.int(0, 1)) }));
    if (rnd.chance(0.2)) skills.push({ skill: rnd.int(0, DOMAINS * SKILLS_PER_DOMAIN - 1), level: rnd.int(1, 2) });
    const lowerTier = byDomainTier.get(`${domain}:${tier - 1}`) ?? [];
    const prerequisiteIds = lowerTier.length > 0 && rnd.chance(0.8) ? [rnd.pick(lowerTier).id] : [];
    if (tier >= 3 && rnd.chance(0.2)) {
      const other = byDomainTier.get(`${(domain + 1) % DOMAINS}:${tier - 2}`) ?? [];
      if (other.length > 0) prerequisiteIds.push(rnd.pick(other).id);
    }
    const c: SynthCredential = {
      id: `cred-${i}`,
      name: `Credential ${i}`,
      hours: tier * rnd.int(4, 20),
      cost: rnd.chance(0.2) ? 0 : tier * rnd.int(2, 30) * 10,
      prerequisiteIds,
      componentIds: [],
      requiredComponents: null,
      contributions: [],
      domain,
      tier,
      skills,
    };
    out.push(c);
    const key = `${domain}:${tier}`;
    byDomainTier.set(key, [...(byDomainTier.get(key) ?? []), c]);
  }
  const stacks: SynthCredential[] = [];
  for (let s = 0; s < STACKS; s++) {
    const metaStack = s >= STACKS - 6 && stacks.length >= 2;
    const domain = rnd.int(0, DOMAINS - 1);
    const pool = metaStack ? stacks.filter((x) => x.componentIds.length > 0) : out.filter((c) => c.domain === domain && c.componentIds.length === 0);
    const components = rnd.sample(pool, metaStack ? rnd.int(2, 3) : rnd.int(3, 5));
    const capstone = rnd.chance(0.4);
    const m = components.length;
    const stackDomain = metaStack ? components[0].domain : domain;
    const c: SynthCredential = {
      id: `stack-${s}`,
      name: `${capstone ? 'Capstone' : 'Stack'} ${s}`,
      hours: capstone ? rnd.int(10, 40) : 0,
      cost: capstone ? rnd.int(10, 40) * 10 : 0,
      prerequisiteIds: [],
      componentIds: components.map((x) => x.id),
      requiredComponents: rnd.chance(0.4) ? null : Math.max(1, m - rnd.int(1, 2)),
      contributions: [],
      domain: stackDomain,
      tier: 5,
      skills: rnd.sample([0, 1, 2, 3, 4], rnd.int(1, 2)).map((k) => ({ skill: stackDomain * SKILLS_PER_DOMAIN + k, level: rnd.int(4, 5) })),
    };
    stacks.push(c);
  }
  return [...out, ...stacks];
}

function buildJobs(rnd: BenchRandom): Requirement[][] {
  const jobs: Requirement[][] = [];
  for (let j = 0; j < JOBS; j++) {
    const domains = rnd.sample([...Array(DOMAINS).keys()], rnd.int(2, 3));
    const skills = new Set<number>();
    const count = rnd.int(6, 12);
    while (skills.size < count) {
      skills.add(rnd.chance(0.85) ? rnd.pick(domains) * SKILLS_PER_DOMAIN + rnd.int(0, 4) : rnd.int(0, DOMAINS * SKILLS_PER_DOMAIN - 1));
    }
    jobs.push([...skills].map((skill, k) => ({ id: `job-${j}-req-${k}`, skill, level: rnd.int(2, 5), weight: rnd.int(1, 3) })));
  }
  return jobs;
}

function buildLearners(rnd: BenchRandom, catalogue: readonly SynthCredential[]): Learner[] {
  const byId = new Map(catalogue.map((c) => [c.id, c]));
  const learners: Learner[] = [];
  for (let l = 0; l < LEARNERS; l++) {
    const held = new Set<string>();
    const add = (id: string): void => {
      if (held.has(id)) return;
      const c = byId.get(id) as SynthCredential;
      for (const p of c.prerequisiteIds) add(p);
      held.add(id);
    };
    const regular = catalogue.filter((c) => c.componentIds.length === 0 && c.tier <= 2);
    for (let k = rnd.int(0, 6); k > 0; k--) add(rnd.pick(regular).id);
    const evidence: SkillLevel[] = [];
    for (const id of held) {
      const decay = rnd.int(40, 100) / 100; // months since earning
      for (const s of (byId.get(id) as SynthCredential).skills) evidence.push({ skill: s.skill, level: s.level * decay });
    }
    for (let k = rnd.int(2, 10); k > 0; k--) {
      evidence.push({ skill: rnd.int(0, DOMAINS * SKILLS_PER_DOMAIN - 1), level: rnd.int(1, 4) * 0.9 * (rnd.int(30, 100) / 100) });
    }
    learners.push({ held: [...held], evidence });
  }
  return learners;
}

function coverage(evidence: readonly SkillLevel[], r: Requirement): number {
  let best = 0;
  for (const e of evidence) best = Math.max(best, evidenceCoverage(sim(e.skill, r.skill), e.level, r.level));
  return best;
}

function problemFor(catalogue: readonly SynthCredential[], job: readonly Requirement[], learner: Learner): PathwayProblem {
  return {
    requirements: job.map((r) => ({ id: r.id, weight: r.weight, currentCoverage: coverage(learner.evidence, r) })),
    credentials: catalogue.map((c) => ({
      ...c,
      contributions: job.flatMap((r) => {
        const cov = coverage(c.skills, r);
        return cov > 0 ? [{ requirementId: r.id, coverage: cov }] : [];
      }),
    })),
    heldCredentialIds: learner.held,
  };
}

function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

const ms = (x: number): string => `${x.toFixed(2)} ms`;

async function main(): Promise<void> {
  const arg = (name: string): number | null => {
    const i = process.argv.indexOf(name);
    return i > 0 ? Number(process.argv[i + 1]) : null;
  };
  const maxPairs = arg('--pairs') ?? Infinity;
  const maxHours = arg('--max-hours');
  const planOptions = { targetScore: TARGET, timeLimitMs: TIME_LIMIT_MS, maxHours };
  const rnd = new BenchRandom(SEED);
  const catalogue = buildCatalogue(rnd);
  const jobs = buildJobs(rnd);
  const learners = buildLearners(rnd, catalogue);
  const free = catalogue.filter((c) => c.componentIds.length > 0 && c.hours === 0 && c.cost === 0).length;
  const capstones = catalogue.filter((c) => c.componentIds.length > 0).length - free;
  const prereqEdges = catalogue.reduce((s, c) => s + c.prerequisiteIds.length, 0);
  console.log(
    `catalogue: ${catalogue.length} credentials (${free} free stacks, ${capstones} capstones, ${prereqEdges} prerequisite edges); ` +
      `${LEARNERS} learners (avg ${(learners.reduce((s, l) => s + l.held.length, 0) / LEARNERS).toFixed(1)} held) x ${JOBS} jobs; seed ${SEED}`,
  );

  const problems: PathwayProblem[] = [];
  for (const learner of learners) for (const job of jobs) if (problems.length < maxPairs) problems.push(problemFor(catalogue, job, learner));

  await loadHighsSolver();
  for (const problem of problems.slice(0, WARM_UP)) {
    recommendCredentials(problem, { first: 5 });
    await planPathway(problem, planOptions);
  }

  const recommendTimes: number[] = [];
  const planTimes: number[] = [];
  const plans: PathwayPlanResult[] = [];
  const started = performance.now();
  for (const problem of problems) {
    let t = performance.now();
    recommendCredentials(problem, { first: 5 });
    recommendTimes.push(performance.now() - t);
    t = performance.now();
    plans.push(await planPathway(problem, planOptions));
    planTimes.push(performance.now() - t);
  }
  const total = (performance.now() - started) / 1000;

  const optimal = plans.filter((p) => p.optimal).length;
  const reaching = plans.filter((p) => p.reachesTarget).length;
  const statuses = new Map<string, number>();
  for (const p of plans) statuses.set(p.solver.status, (statuses.get(p.solver.status) ?? 0) + 1);
  const comparable = plans.filter((p) => p.reachesTarget && p.greedy.reachesTarget && p.steps.length > 0);
  const saved = comparable.map((p) => p.greedy.totalHours - p.totalHours);
  const improved = saved.filter((s) => s > 1e-9);
  const greedyMissed = plans.filter((p) => p.reachesTarget && !p.greedy.reachesTarget).length;
  const avgSteps = plans.reduce((s, p) => s + p.steps.length, 0) / plans.length;

  console.log(`pairs: ${plans.length} in ${total.toFixed(1)} s${maxHours !== null ? ` (max ${maxHours} h each)` : ''}; plans reaching ${TARGET}: ${reaching} (${((100 * reaching) / plans.length).toFixed(1)}%), avg ${avgSteps.toFixed(1)} steps`);
  console.log(`recommendCredentials(first 5): p50 ${ms(percentile(recommendTimes, 50))}, p95 ${ms(percentile(recommendTimes, 95))}, max ${ms(Math.max(...recommendTimes))}`);
  console.log(`planPathway: p50 ${ms(percentile(planTimes, 50))}, p95 ${ms(percentile(planTimes, 95))}, max ${ms(Math.max(...planTimes))}`);
  console.log(`proven optimal: ${optimal}/${plans.length} (${((100 * optimal) / plans.length).toFixed(1)}%); solver status: ${[...statuses].map(([k, v]) => `${k} ${v}`).join(', ')}`);
  console.log(
    `hours saved by the optimal plan over greedy (both reaching the target, ${comparable.length} plans): ` +
      `avg ${(saved.reduce((s, x) => s + x, 0) / Math.max(1, saved.length)).toFixed(2)} h, worst case (most saved) ${Math.max(0, ...saved).toFixed(2)} h; ` +
      `greedy longer in ${improved.length} plans (avg ${(improved.reduce((s, x) => s + x, 0) / Math.max(1, improved.length)).toFixed(2)} h when it is); ` +
      `greedy missed a reachable target in ${greedyMissed}`,
  );
  const short = plans.filter((p) => !p.reachesTarget);
  if (short.length > 0) {
    const gains = short.map((p) => p.finalScore - p.greedy.finalScore);
    console.log(
      `plans short of the target (${short.length}): score above greedy's avg ${(gains.reduce((s, x) => s + x, 0) / gains.length).toFixed(4)}, ` +
        `max ${Math.max(...gains).toFixed(4)}; better than greedy in ${gains.filter((g) => g > 1e-9).length}`,
    );
  }
  const ok = percentile(recommendTimes, 50) <= 20 && percentile(planTimes, 50) <= 200 && optimal / plans.length >= 0.95;
  console.log(`targets (recommend p50 <= 20 ms, plan p50 <= 200 ms, optimal >= 95%): ${ok ? 'PASS' : 'FAIL'}`);
  if (!ok) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
