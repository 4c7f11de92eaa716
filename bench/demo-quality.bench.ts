/**
 * Rankings on the demo data, measured: `npm run bench:demo`.
 *
 *   node dist/bench/demo-quality.bench.js [--now 2026-12-01]
 *
 * Builds the seeded taxonomy and demo population exactly as `npm run seed` does (data/catalogue,
 * seed 42, the population size the seed uses), ranks every seeded job's top 20 with the pure engine
 * and reports, for the previous population generator (occupation profiles drawn at random) and the
 * current one (generated from the jobs), under the previous coverage formula
 * min(1, max sim × strength / level) and the current one max sim × min(1, strength / level):
 *   - requirement matches in the top 20 that cover more than their similarity (must be 0 now),
 *   - jobs (with mandatory requirements) whose top candidate meets them,
 *   - how many top-20 entries change when only the formula changes (same people),
 *   - per job, whether its ranking holds each demo archetype (current generator).
 * Every requirement match of the current ranking also gets its reason sentence (none may be empty).
 */
import { strengthAt, expiryMs } from '../src/domain/matching/decay';
import { DEFAULT_MATCH_CONFIG, confidenceOf } from '../src/domain/matching/match-config';
import { compareRanked, rankCandidates } from '../src/domain/matching/match-engine';
import { requirementReason } from '../src/domain/matching/match-reasons';
import type { CandidateEvidence, CandidateMatch, RankedCandidate, Requirement } from '../src/domain/matching/match-types';
import { SkillGraph } from '../src/domain/taxonomy/skill-graph';
import { SimilarityIndex } from '../src/domain/taxonomy/similarity';
import { PREVIOUS_SIMILARITY_CONFIG } from '../src/domain/taxonomy/similarity-config';
import { readCatalogue } from '../src/seed/catalogue-files';
import { DemoCandidate, generateDemoPopulation } from '../src/seed/demo-cohorts';
import { generatePopulation } from '../src/seed/demo-population';
import type { GeneratedCandidate, SeedJob } from '../src/seed/seed-data.types';
import { DEMO_CANDIDATES, DEMO_SEED } from '../src/seed/seed.service';

const log = (line: string): void => void process.stdout.write(`${line}\n`);
const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};

const NOW = new Date(arg('now') ?? '2026-12-01T00:00:00Z');
const TOP = 20;

const catalogue = readCatalogue();
const graph = SkillGraph.fromTaxonomy({
  skills: catalogue.skills.map((s) => ({ id: s.id, category: s.category, halfLifeMonths: null })),
  broader: catalogue.broader,
  related: catalogue.related,
});
const sim = new SimilarityIndex(graph);
const previousSim = new SimilarityIndex(graph, PREVIOUS_SIMILARITY_CONFIG);
const halfLife = (id: string): number => (graph.has(id) ? graph.halfLifeOf(id) : 30);
const names = new Map(catalogue.skills.map((s) => [s.id, s.name]));
const credentialNames = new Map(catalogue.credentials.map((c) => [c.id, c.name]));
const count = Math.max(DEMO_CANDIDATES, 4 * catalogue.jobs.length);

function toEvidence(c: GeneratedCandidate): CandidateEvidence {
  const earned = new Map(c.credentials.map((e) => [e.id, e]));
  return {
    id: c.id,
    discoverable: c.discoverable,
    evidence: c.evidence.map((e) => {
      const ec = e.earnedCredentialId ? earned.get(e.earnedCredentialId) : undefined;
      return {
        id: e.id,
        skillId: e.skillId,
        level: e.level,
        evidencedAt: e.evidencedAt,
        source: e.source,
        verification: ec?.verification ?? null,
        expiresAt: ec?.expiresAt ?? null,
        credentialId: ec?.credentialId ?? null,
      };
    }),
  };
}

interface Row extends RankedCandidate {
  /** per requirement: [coverage, sim, via] */
  reqs: [number, number, string][];
}

/** The previous formula, min(1, max sim × strength / level), with the engine's tie rules otherwise. */
function rankV1(people: readonly CandidateEvidence[], reqs: readonly Requirement[], sims: SimilarityIndex): Row[] {
  const asOfMs = NOW.getTime();
  const rows: Row[] = [];
  for (const c of people) {
    if (c.discoverable === false) continue;
    let num = 0;
    let den = 0;
    let meets = true;
    const out: [number, number, string][] = [];
    for (const r of reqs) {
      const m = sims.similarTo(r.skillId);
      let best = 0;
      let bestSim = 0;
      let bestVia = 'NONE';
      for (const e of c.evidence) {
        const s = m.get(e.skillId);
        if (!s) continue;
        const st = strengthAt(e.level, confidenceOf(DEFAULT_MATCH_CONFIG, e.source, e.verification), e.evidencedAt.getTime(), expiryMs(e.expiresAt), asOfMs, halfLife(e.skillId));
        const raw = s.sim * st;
        if (raw > best) {
          best = raw;
          bestSim = s.sim;
          bestVia = s.via;
        }
      }
      const cov = Math.min(1, best / r.level);
      out.push([cov, bestSim, bestVia]);
      num += r.weight * cov;
      den += r.weight;
      if (r.mandatory && !(cov >= DEFAULT_MATCH_CONFIG.mandatoryThreshold)) meets = false;
    }
    rows.push({ candidateId: c.id, score: den > 0 ? num / den : 0, meetsMandatory: meets, reqs: out });
  }
  return rows.sort(compareRanked).slice(0, TOP);
}

function rankV2(people: readonly CandidateEvidence[], reqs: readonly Requirement[], sims: SimilarityIndex): { rows: Row[]; matches: CandidateMatch[] } {
  const ranked = rankCandidates(people, { requirements: reqs }, sims, halfLife, NOW, DEFAULT_MATCH_CONFIG, { first: TOP });
  return {
    matches: ranked.items,
    rows: ranked.items.map((m) => ({ ...m, reqs: m.requirements.map((q): [number, number, string] => [q.coverage, q.sim, q.via]) })),
  };
}

function requirementsOf(job: SeedJob): Requirement[] {
  return job.requirements.map((r, i) => ({ id: `${job.id}:${i}`, skillId: r.skillId, level: r.level, weight: r.weight, mandatory: r.mandatory }));
}

interface Stats {
  matches: number;
  overSim: number;
  jobsWithMandatory: number;
  topMeets: number;
}

function stats(rankings: ReadonlyMap<string, Row[]>): Stats {
  const s: Stats = { matches: 0, overSim: 0, jobsWithMandatory: 0, topMeets: 0 };
  for (const job of catalogue.jobs) {
    const rows = rankings.get(job.id) as Row[];
    for (const row of rows) {
      for (const [cov, similarity, via] of row.reqs) {
        s.matches++;
        if (via !== 'EXACT' && via !== 'NONE' && cov > similarity + 1e-12) s.overSim++;
      }
    }
    if (job.requirements.some((r) => r.mandatory)) {
      s.jobsWithMandatory++;
      if (rows[0]?.meetsMandatory) s.topMeets++;
    }
  }
  return s;
}

/** Top-20 entries (position, candidate) that differ between two rankings, summed over jobs; and the jobs whose top candidate changed. */
function changes(a: ReadonlyMap<string, Row[]>, b: ReadonlyMap<string, Row[]>): { entries: number; newPeople: number; topChanged: number } {
  let entries = 0;
  let newPeople = 0;
  let topChanged = 0;
  for (const job of catalogue.jobs) {
    const x = a.get(job.id) as Row[];
    const y = b.get(job.id) as Row[];
    const before = new Set(x.map((r) => r.candidateId));
    for (let i = 0; i < Math.max(x.length, y.length); i++) if (x[i]?.candidateId !== y[i]?.candidateId) entries++;
    for (const r of y) if (!before.has(r.candidateId)) newPeople++;
    if (x[0]?.candidateId !== y[0]?.candidateId) topChanged++;
  }
  return { entries, newPeople, topChanged };
}

function main(): void {
  log(`demo data: ${catalogue.jobs.length} jobs, ${count} candidates (seed ${DEMO_SEED}), asOf ${NOW.toISOString()}, top ${TOP}`);
  const previous = generatePopulation({ count, seed: DEMO_SEED, now: NOW, catalogue }).candidates.map(toEvidence);
  const generated = generateDemoPopulation({ count, seed: DEMO_SEED, now: NOW, catalogue }).candidates;
  const current = generated.map(toEvidence);
  const table: [string, Map<string, Row[]>][] = [];
  const v2Matches = new Map<string, CandidateMatch[]>();
  for (const [label, people, formula, sims] of [
    ['before: previous population, formula and similarity  ', previous, 1, previousSim],
    ['previous population, current formula                 ', previous, 2, previousSim],
    ['previous population, current formula and similarity  ', previous, 2, sim],
    ['after: current population, formula and similarity    ', current, 2, sim],
    ['(current population, previous formula and similarity)', current, 1, previousSim],
  ] as const) {
    const rankings = new Map<string, Row[]>();
    for (const job of catalogue.jobs) {
      const reqs = requirementsOf(job);
      if (formula === 1) rankings.set(job.id, rankV1(people, reqs, sims));
      else {
        const r = rankV2(people, reqs, sims);
        rankings.set(job.id, r.rows);
        if (people === current) v2Matches.set(job.id, r.matches);
      }
    }
    table.push([label, rankings]);
    const s = stats(rankings);
    log(`${label}: matches covering more than their similarity ${s.overSim} of ${s.matches}; top candidate meets the mandatory requirements in ${s.topMeets} of ${s.jobsWithMandatory} jobs`);
  }
  for (const [label, a, b] of [
    ['the formula alone (previous population)            ', 0, 1],
    ['formula and similarity (previous population)       ', 0, 2],
    ['formula and similarity (current population)        ', 4, 3],
  ] as const) {
    const c = changes(table[a][1], table[b][1]);
    log(`${label}: ${c.entries} of ${catalogue.jobs.length * TOP} top-20 positions hold another candidate, ${c.newPeople} candidates enter a top 20, the top candidate changes in ${c.topChanged} jobs`);
  }

  // reasons for every requirement match of the current rankings
  let reasons = 0;
  let empty = 0;
  const byId = new Map(generated.map((c) => [c.id, c]));
  for (const job of catalogue.jobs) {
    for (const m of v2Matches.get(job.id) as CandidateMatch[]) {
      const c = byId.get(m.candidateId) as DemoCandidate;
      const evidence = new Map(current.find((x) => x.id === c.id)?.evidence.map((e) => [e.id, e]));
      m.requirements.forEach((q, i) => {
        const e = q.evidenceId ? evidence.get(q.evidenceId) : undefined;
        const text = requirementReason({
          requiredSkill: names.get(q.skillId) ?? q.skillId,
          requiredLevel: job.requirements[i].level,
          via: q.via,
          coverage: q.coverage,
          evidence:
            e && q.evidencedAt
              ? {
                  skill: names.get(e.skillId) ?? e.skillId,
                  level: e.level,
                  evidencedAt: q.evidencedAt,
                  decay: q.decay,
                  similarity: q.sim,
                  strength: q.strength,
                  source: e.source,
                  credential: e.credentialId ? (credentialNames.get(e.credentialId) ?? null) : null,
                  verification: e.verification ?? null,
                }
              : null,
          gap: q.coverage >= 1 ? null : q.via === 'NONE' ? 'MISSING' : 'BELOW_LEVEL',
        });
        reasons++;
        if (!text.trim()) empty++;
      });
    }
  }
  log(`reasons: ${reasons} requirement matches, ${empty} without a sentence`);

  // archetypes per job in the current population (whole ranking, not only the top 20)
  const all = new Map<string, CandidateMatch[]>();
  let complete = 0;
  const missing: string[] = [];
  for (const job of catalogue.jobs) {
    const ranked = rankCandidates(current, { requirements: requirementsOf(job) }, sim, halfLife, NOW, DEFAULT_MATCH_CONFIG, { first: current.length }).items;
    all.set(job.id, ranked);
    const mine = generated.filter((c) => c.jobId === job.id && c.discoverable);
    const kinds = new Set(mine.map((c) => c.archetype));
    const full = mine.filter((c) => c.archetype === 'FULL').map((c) => ranked.find((m) => m.candidateId === c.id));
    const fullMeets = full.some((m) => m?.meetsMandatory && m.score >= 0.8);
    if (kinds.size === 4 && fullMeets) complete++;
    else missing.push(`${job.title} (${[...kinds].join(', ')}${fullMeets ? '' : '; no fully qualified candidate meets the mandatory requirements with score ≥ 0.8'})`);
  }
  log(`jobs with a discoverable fully qualified (meets mandatory, score ≥ 0.8), partly qualified, lapsed and neighbouring candidate: ${complete} of ${catalogue.jobs.length}`);
  for (const m of missing) log(`  incomplete: ${m}`);
}

main();
