/**
 * Matching benchmark (plain script):  npx tsc && node dist/bench/match-engine.bench.js
 *
 * Synthetic, seeded (pure-rand xoroshiro128plus, seed 20260101) data:
 * - taxonomy: 3,000 skills (20 roots → 100 groups → 500 subgroups → 2,380 leaves), ~10 % of leaves
 *   with a second parent, 1,500 related edges;
 * - 100,000 candidates × 5–30 pieces of evidence (≈1.75 M postings), Zipf-popular skills, mixed
 *   sources / verification / expiry, dated over the 8 years before asOf; 5 % not discoverable;
 * - 10 jobs × 8–15 requirements (0–3 mandatory).
 * Reports build time, memory, rank top-20 p50/p95 (index), the pure engine's rankCandidates p50,
 * the floor (one bare pass over the postings the job touches) and the ratios; checks that the
 * index's top 20 equals the engine's (ids, order, scores bit for bit, meetsMandatory, totalCount).
 * Also times a SkillGraph build at ESCO scale (14,000 skills / 21,000 broader / 6,000 related).
 *
 * Env: BENCH_CANDIDATES (default 100000), BENCH_REPS (rank repetitions per job, default 40).
 */
import { fmtMb, fmtMs, heapAfterGc, percentile, timed } from './support/measure';
import { SkillGraph, SkillNode } from '../src/domain/taxonomy/skill-graph';
import { SimilarityIndex } from '../src/domain/taxonomy/similarity';
import { DAYS_PER_MONTH, MS_PER_DAY } from '../src/domain/matching/decay';
import { DEFAULT_MATCH_CONFIG } from '../src/domain/matching/match-config';
import { rankCandidates } from '../src/domain/matching/match-engine';
import { MatchIndex } from '../src/domain/matching/match-index';
import type { CandidateEvidence, EvidenceItem, EvidenceSource, Requirement, VerificationStatus } from '../src/domain/matching/match-types';

// pure-rand 8 only publishes sub-path exports, which TypeScript's "node" resolution cannot type
interface Rng {
  next(): number;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { xoroshiro128plus } = require('pure-rand/generator/xoroshiro128plus') as { xoroshiro128plus(seed: number): Rng };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { uniformInt } = require('pure-rand/distribution/uniformInt') as { uniformInt(rng: Rng, from: number, to: number): number };


const N_CANDIDATES = Number(process.env.BENCH_CANDIDATES ?? 100_000);
const REPS = Number(process.env.BENCH_REPS ?? 40);
const AS_OF = new Date('2026-01-01T00:00:00Z');
const rng = xoroshiro128plus(20260101);
const int = (a: number, b: number): number => uniformInt(rng, a, b);
const unit = (): number => uniformInt(rng, 0, 0x3fffffff) / 0x40000000;


// ------------------------------------------------------------------ 0. taxonomy at ESCO scale
{
  const skills: SkillNode[] = Array.from({ length: 14_000 }, (_, i) => ({ id: `esco${i}`, category: i % 4 === 0 ? 'DURABLE' : 'TECHNICAL', halfLifeMonths: null }));
  const broader: [string, string][] = [];
  const seen = new Set<string>();
  while (broader.length < 21_000) {
    const c = int(60, 13_999);
    const p = int(0, c - 1);
    if (seen.has(`${c}/${p}`)) continue;
    seen.add(`${c}/${p}`);
    broader.push([`esco${c}`, `esco${p}`]);
  }
  const related: [string, string, number][] = [];
  for (let i = 0; i < 6_000; i++) {
    const a = int(0, 13_999);
    const b = (a + int(1, 13_998)) % 14_000;
    related.push([`esco${a}`, `esco${b}`, int(1, 100) / 100]);
  }
  const h0 = heapAfterGc();
  const [g, t] = timed(() => SkillGraph.fromTaxonomy({ skills, broader, related }));
  const h1 = heapAfterGc();
  console.log(`taxonomy build (14,000 skills / ${g.broaderEdgeCount} broader / ${g.relatedEdgeCount} related): ${fmtMs(t)} (target < 2000 ms), heap +${fmtMb(h1 - h0)}`);
}

// ------------------------------------------------------------------ 1. synthetic taxonomy (3,000 skills)
const skills: SkillNode[] = [];
const broader: [string, string][] = [];
const related: [string, string, number][] = [];
const leaves: string[] = [];
{
  const add = (id: string, durable: boolean): void => {
    skills.push({ id, category: durable ? 'DURABLE' : 'TECHNICAL', halfLifeMonths: unit() < 0.05 ? int(6, 120) : null });
  };
  const subgroups: string[] = [];
  for (let r = 0; r < 20; r++) {
    const root = `root${r}`;
    add(root, r < 4);
    for (let g = 0; g < 5; g++) {
      const group = `${root}.g${g}`;
      add(group, r < 4);
      broader.push([group, root]);
      for (let s = 0; s < 5; s++) {
        const sub = `${group}.s${s}`;
        add(sub, r < 4);
        broader.push([sub, group]);
        subgroups.push(sub);
      }
    }
  }
  for (let i = 0; i < 2380; i++) {
    const sub = subgroups[i % subgroups.length];
    const leaf = `${sub}.l${Math.floor(i / subgroups.length)}`;
    add(leaf, sub.startsWith('root0') || sub.startsWith('root1.') || sub.startsWith('root2') || sub.startsWith('root3'));
    broader.push([leaf, sub]);
    if (unit() < 0.1) {
      const other = subgroups[int(0, subgroups.length - 1)];
      if (other !== sub) broader.push([leaf, other]);
    }
    leaves.push(leaf);
  }
  for (let i = 0; i < 1500; i++) {
    const a = leaves[int(0, leaves.length - 1)];
    const b = leaves[int(0, leaves.length - 1)];
    if (a !== b) related.push([a, b, int(10, 100) / 100]);
  }
}
const [graph, graphMs] = timed(() => SkillGraph.fromTaxonomy({ skills, broader, related }));
const sim = new SimilarityIndex(graph);
const halfLife = (id: string): number => graph.halfLifeOf(id);
console.log(`bench taxonomy: ${graph.skillCount} skills, ${graph.broaderEdgeCount} broader, ${graph.relatedEdgeCount} related (built in ${fmtMs(graphMs)})`);

// Zipf(0.9) popularity over a shuffled skill list (leaves mostly, some subgroups)
const popular: string[] = [...leaves, ...skills.filter((s) => s.id.split('.').length === 3).map((s) => s.id)];
for (let i = popular.length - 1; i > 0; i--) {
  const j = int(0, i);
  [popular[i], popular[j]] = [popular[j], popular[i]];
}
const cum = new Float64Array(popular.length);
{
  let acc = 0;
  for (let i = 0; i < popular.length; i++) cum[i] = acc += 1 / Math.pow(i + 1, 0.9);
}
function popularSkill(): string {
  const x = unit() * cum[cum.length - 1];
  let lo = 0;
  let hi = cum.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cum[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return popular[lo];
}

// ------------------------------------------------------------------ 2. candidates
const SOURCES: EvidenceSource[] = ['CREDENTIAL', 'ASSESSMENT', 'EXPERIENCE', 'SELF_REPORTED'];
const SOURCE_CUM = [0.3, 0.55, 0.85, 1];
const MONTH_MS = DAYS_PER_MONTH * MS_PER_DAY;
const candidates: CandidateEvidence[] = [];
let evidenceCount = 0;
const [, genMs] = timed(() => {
  for (let c = 0; c < N_CANDIDATES; c++) {
    const n = int(5, 30);
    const evidence: EvidenceItem[] = [];
    for (let k = 0; k < n; k++) {
      const u = unit();
      const source = SOURCES[SOURCE_CUM.findIndex((x) => u < x)];
      const evidencedAt = new Date(AS_OF.getTime() - unit() * 96 * MONTH_MS);
      let verification: VerificationStatus | undefined;
      let expiresAt: Date | null = null;
      let credentialId: string | null = null;
      if (source === 'CREDENTIAL') {
        const v = unit();
        verification = v < 0.85 ? 'VERIFIED' : v < 0.95 ? 'UNVERIFIED' : 'REVOKED';
        if (unit() < 0.6) expiresAt = new Date(evidencedAt.getTime() + int(12, 48) * MONTH_MS);
        credentialId = `cred${int(0, 499)}`;
      }
      evidence.push({ id: `e${c}_${k}`, skillId: popularSkill(), level: int(1, 5), evidencedAt, source, verification, expiresAt, credentialId });
    }
    evidenceCount += n;
    candidates.push({ id: `cand${String(c).padStart(6, '0')}`, evidence, discoverable: unit() >= 0.05 });
  }
});
console.log(`candidates: ${N_CANDIDATES} with ${evidenceCount} pieces of evidence (generated in ${fmtMs(genMs)})`);

// ------------------------------------------------------------------ 3. jobs
const jobs: { requirements: Requirement[] }[] = [];
for (let j = 0; j < 10; j++) {
  const n = int(8, 15);
  const nMand = int(0, 3);
  const used = new Set<string>();
  const requirements: Requirement[] = [];
  while (requirements.length < n) {
    const skillId = popularSkill();
    if (used.has(skillId)) continue;
    used.add(skillId);
    requirements.push({ id: `j${j}r${requirements.length}`, skillId, level: int(2, 5), weight: int(1, 3), mandatory: requirements.length < nMand });
  }
  jobs.push({ requirements });
}

// ------------------------------------------------------------------ 4. index build
const h0 = heapAfterGc();
const index = new MatchIndex({ halfLife, config: DEFAULT_MATCH_CONFIG });
const [, buildMs] = timed(() => {
  for (const c of candidates) index.upsertCandidate(c.id, c.discoverable !== false, c.evidence);
});
const h1 = heapAfterGc();
const [, compactMs] = timed(() => index.compact());
const h2 = heapAfterGc();
const st = index.stats();
console.log(`index build: ${fmtMs(buildMs)} for ${st.candidates} candidates / ${st.postings} postings (FAILED/REVOKED evidence is not stored); compact(): ${fmtMs(compactMs)}`);
console.log(`index memory: memoryBytes ${fmtMb(index.memoryBytes())} after compact (target ≤ 100 MB); heap delta ${fmtMb(h1 - h0)} before compact, ${fmtMb(h2 - h0)} after`);

// ------------------------------------------------------------------ 5. similarity maps
let simSizes = 0;
let touchedPostings = 0;
{
  const [, simMs] = timed(() => {
    for (const job of jobs) for (const r of job.requirements) simSizes += sim.similarTo(r.skillId).size;
  });
  const nReq = jobs.reduce((a, j) => a + j.requirements.length, 0);
  // postings per job (the floor's work)
  const postingsOf = new Map<string, number>();
  for (const c of candidates) for (const e of c.evidence) postingsOf.set(e.skillId, (postingsOf.get(e.skillId) ?? 0) + 1);
  for (const job of jobs) for (const r of job.requirements) for (const s of sim.similarTo(r.skillId).keys()) touchedPostings += postingsOf.get(s) ?? 0;
  console.log(
    `similarity: ${nReq} requirements, avg ${(simSizes / nReq).toFixed(1)} similar skills each (computed once in ${fmtMs(simMs)}); ` +
      `avg ${Math.round(touchedPostings / jobs.length)} postings touched per job`,
  );
}

// ------------------------------------------------------------------ 6. correctness + engine timing
const engineTimes: number[] = [];
let identical = 0;
for (const job of jobs) {
  const [expected, t] = timed(() => rankCandidates(candidates, job, sim, halfLife, AS_OF, DEFAULT_MATCH_CONFIG, { first: 20 }));
  engineTimes.push(t);
  const actual = index.rank(job, sim, AS_OF, { first: 20 });
  const same =
    actual.totalCount === expected.totalCount &&
    actual.items.length === expected.items.length &&
    actual.items.every((a, i) => a.candidateId === expected.items[i].candidateId && Object.is(a.score, expected.items[i].score) && a.meetsMandatory === expected.items[i].meetsMandatory);
  if (same) identical++;
  else console.log('MISMATCH', JSON.stringify({ expected: expected.items.slice(0, 3).map((m) => [m.candidateId, m.score]), actual: actual.items.slice(0, 3) }));
}
console.log(`top 20 identical to the pure engine (ids, order, scores bit for bit, meetsMandatory, totalCount): ${identical}/${jobs.length} jobs`);

// ------------------------------------------------------------------ 7. timings
const rankTimes: number[] = [];
const rankCpu: number[] = [];
const floorTimes: number[] = [];
const floorCpu: number[] = [];
let sink = 0;
for (let w = 0; w < 3; w++) for (const job of jobs) sink += index.rank(job, sim, AS_OF, { first: 20 }).totalCount + index.scanFloor(job, sim, AS_OF);
const perJob: string[] = [];
for (const job of jobs) {
  const mine: number[] = [];
  const floors: number[] = [];
  for (let r = 0; r < REPS; r++) {
    const [a, t1, c1] = timed(() => index.rank(job, sim, AS_OF, { first: 20 }));
    const [b, t2, c2] = timed(() => index.scanFloor(job, sim, AS_OF));
    sink += a.items.length + b;
    rankTimes.push(t1);
    rankCpu.push(c1);
    floorTimes.push(t2);
    floorCpu.push(c2);
    mine.push(c1);
    floors.push(c2);
  }
  index.rank(job, sim, AS_OF, { first: 20 });
  const d = index.lastRank;
  const nMand = job.requirements.filter((r) => r.mandatory).length;
  perJob.push(
    `  ${job.requirements.length} reqs (${nMand} mandatory): CPU p50 ${fmtMs(percentile(mine, 50))} vs floor ${fmtMs(percentile(floors, 50))}; ` +
      `touched ${d.touched}, closed after req ${d.closedAfter ?? '-'}, survivors ${d.survivors}, exact recomputations ${d.exactEvaluations}`,
  );
}
const rankP50 = percentile(rankTimes, 50);
const floorP50 = percentile(floorTimes, 50);
const engineP50 = percentile(engineTimes, 50);
console.log(`index rank top 20: wall p50 ${fmtMs(rankP50)}, p95 ${fmtMs(percentile(rankTimes, 95))}; CPU p50 ${fmtMs(percentile(rankCpu, 50))}, p95 ${fmtMs(percentile(rankCpu, 95))} over ${rankTimes.length} runs (target p50 ≤ 4 ms, ideally < 2 ms)`);
console.log('  per job:');
for (const line of perJob) console.log(line);
console.log(`floor (one bare pass over the postings each job touches): wall p50 ${fmtMs(floorP50)}, p95 ${fmtMs(percentile(floorTimes, 95))}; CPU p50 ${fmtMs(percentile(floorCpu, 50))}`);
console.log(`index / floor: ${(rankP50 / floorP50).toFixed(2)}× (wall p50), ${(percentile(rankCpu, 50) / percentile(floorCpu, 50)).toFixed(2)}× (CPU p50)`);
console.log(`pure engine rankCandidates: wall p50 ${fmtMs(engineP50)} over ${engineTimes.length} runs → the index is ${(engineP50 / rankP50).toFixed(0)}× faster`);

// a later page (via after) and a minScore query, medians of REPS runs
{
  const job = jobs[0];
  const p1 = index.rank(job, sim, AS_OF, { first: 100 });
  const after = p1.items[99];
  const page: number[] = [];
  const minS: number[] = [];
  let total = 0;
  for (let r = 0; r < REPS; r++) {
    page.push(timed(() => index.rank(job, sim, AS_OF, { first: 20, after }))[1]);
    const [res, t] = timed(() => index.rank(job, sim, AS_OF, { first: 20, minScore: 0.3 }));
    minS.push(t);
    total = res.totalCount;
  }
  console.log(`job 0: page 6 (after the 100th): wall p50 ${fmtMs(percentile(page, 50))}; minScore 0.3: wall p50 ${fmtMs(percentile(minS, 50))} (totalCount ${total} of ${p1.totalCount})`);
}
if (sink === -1) console.log(sink);
