/**
 * Similarity calibrated on real ESCO profiles: `npm run bench:match-quality`.
 *
 *   node dist/bench/match-quality.bench.js [--esco ../shared/data/esco-v1.1.1] [--occupations 150] [--seed 13] [--grid] [--candidates]
 *
 * From the full ESCO v1.1.1 import (skills, knowledge, groups; broader hierarchy; skill-skill
 * relations weighted 0.8 essential / 0.5 optional, as the seed catalogue does), take occupations
 * OUTSIDE the ICT groups the demo seeds, from ISCO major groups 2, 3 and 7, with at least 5
 * essential skills (fixed seed; 150 by default: at 60 the better settings tie with the one-hop
 * scorer at MRR 0.983, too few cases to tell them apart). For each occupation O:
 *   - a job as createJobFromOccupation makes it (essential skills level 3 weight 1, optional ones
 *     level 3 weight 0.5);
 *   - a candidate N(O) who holds, for every essential skill, one narrower or related neighbour
 *     instead (never an essential skill of O), at level 3, fresh, assessed;
 *   - a candidate E(O) who holds every essential skill itself at level 3 (second test only).
 * Test 1 (the issue's): rank all N(·) for every job; mean reciprocal rank of N(O) for O's job
 *   (ties broken at random: the expected reciprocal rank over the tie).
 * Test 2 (exact beats neighbour): share of jobs where E(O) scores above N(O) and no requirement's
 *   neighbour reaches similarity 1 (fresh exact evidence at the level beats any neighbour; must be 100 %).
 * Test 3 (graded closeness, so that one gain is not another's loss): NDCG@10 of the ranking of all
 *   N(·), with relevance 3 for N(O), 2 for candidates of occupations in O's ISCO unit group (4 digits),
 *   1 in its minor group (3 digits), 0 otherwise.
 * Scorers: exact only (maxHops 0), the plain one-hop scorer (narrower 0.8, related 0.6, broader 0.5,
 * nothing further), the defaults in similarity-config.ts, and (with --grid) a grid of settings.
 * Coverage is the engine's: max sim × min(1, strength / level).
 */
import { join } from 'node:path';
import { DEFAULT_MATCH_CONFIG } from '../src/domain/matching/match-config';
import { rankCandidates } from '../src/domain/matching/match-engine';
import type { CandidateEvidence, Requirement } from '../src/domain/matching/match-types';
import { SkillGraph } from '../src/domain/taxonomy/skill-graph';
import { SimilarityEntry, SimilarityIndex, SimilarityLookup } from '../src/domain/taxonomy/similarity';
import { DEFAULT_SIMILARITY_CONFIG, SimilarityConfig } from '../src/domain/taxonomy/similarity-config';
import { RELATION_WEIGHTS, isIctOccupation } from '../src/cli/data-build/esco-catalogue';
import { EscoOccupation, loadEscoSource } from '../src/cli/data-build/esco-source';

/* eslint-disable @typescript-eslint/no-require-imports */
const { xoroshiro128plus } = require('pure-rand/generator/xoroshiro128plus') as { xoroshiro128plus: (seed: number) => { next(): number } };
const { uniformInt } = require('pure-rand/distribution/uniformInt') as { uniformInt: (rng: { next(): number }, from: number, to: number) => number };
/* eslint-enable @typescript-eslint/no-require-imports */

const log = (line: string): void => void process.stdout.write(`${line}\n`);
const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};

const ESCO_DIR = arg('esco') ?? join(process.cwd(), '..', 'shared', 'data', 'esco-v1.1.1');
const OCCUPATIONS = Number(arg('occupations') ?? 150);
const SEED = Number(arg('seed') ?? 13);
const GRID = process.argv.includes('--grid');
const AS_OF = new Date('2026-01-01T00:00:00Z');
const LEVEL = 3;

/** The plain one-hop scorer: narrower 0.8, related 0.6, broader 0.5, nothing further. */
class OneHop implements SimilarityLookup {
  private readonly cache = new Map<string, Map<string, SimilarityEntry>>();
  constructor(private readonly graph: SkillGraph) {}
  similarTo(id: string): ReadonlyMap<string, SimilarityEntry> {
    let m = this.cache.get(id);
    if (m) return m;
    m = new Map([[id, { sim: 1, via: 'EXACT' }]]);
    const put = (s: string, sim: number, via: SimilarityEntry['via']): void => {
      if (s !== id && (m!.get(s)?.sim ?? 0) < sim) m!.set(s, { sim, via });
    };
    if (this.graph.has(id)) {
      for (const s of this.graph.broaderOf(id)) put(s, 0.5, 'BROADER');
      for (const r of this.graph.relatedOf(id)) put(r.id, 0.6, 'RELATED');
      for (const s of this.graph.narrowerOf(id)) put(s, 0.8, 'NARROWER');
    }
    this.cache.set(id, m);
    return m;
  }
}

interface Case {
  occupation: EscoOccupation;
  requirements: Requirement[];
  neighbour: CandidateEvidence;
  exact: CandidateEvidence;
}

async function load(): Promise<{ graph: SkillGraph; cases: Case[]; pool: number }> {
  const source = await loadEscoSource(join(ESCO_DIR, 'esco-v1.1.1-classification-en-csv.zip'), join(ESCO_DIR, 'esco-v1.1.1-relations-csv.zip'));
  const ids = [...source.concepts.keys()];
  const related = new Map<string, [string, string, number]>();
  for (const r of source.skillRelations) {
    if (!source.concepts.has(r.fromUri) || !source.concepts.has(r.toUri) || r.fromUri === r.toUri) continue;
    const key = `${r.fromUri}|${r.toUri}`;
    const w = RELATION_WEIGHTS[r.relationType];
    if ((related.get(key)?.[2] ?? 0) < w) related.set(key, [r.fromUri, r.toUri, w]);
  }
  const graph = SkillGraph.fromTaxonomy(
    {
      skills: ids.map((id) => ({ id, category: 'TECHNICAL', halfLifeMonths: null })),
      broader: source.broader.filter((b) => source.concepts.has(b.childUri) && source.concepts.has(b.parentUri)).map((b) => [b.childUri, b.parentUri] as [string, string]),
      related: [...related.values()],
    },
    { skipCycles: true },
  );
  const essentialOf = new Map<string, string[]>();
  const optionalOf = new Map<string, string[]>();
  for (const r of source.occupationSkills) {
    if (!source.concepts.has(r.skillUri)) continue;
    const m = r.relationType === 'essential' ? essentialOf : optionalOf;
    const list = m.get(r.occupationUri) ?? [];
    if (!list.includes(r.skillUri)) list.push(r.skillUri);
    m.set(r.occupationUri, list);
  }
  const eligible = source.occupations
    .filter((o) => /^[237]/.test(o.iscoGroup) && !isIctOccupation(o.iscoGroup) && (essentialOf.get(o.uri)?.length ?? 0) >= 5)
    .sort((a, b) => (a.uri < b.uri ? -1 : 1));
  const rng = xoroshiro128plus(SEED);
  for (let i = eligible.length - 1; i > 0; i--) {
    const j = uniformInt(rng, 0, i);
    [eligible[i], eligible[j]] = [eligible[j], eligible[i]];
  }
  const cases: Case[] = [];
  for (const o of eligible) {
    if (cases.length >= OCCUPATIONS) break;
    const essential = [...(essentialOf.get(o.uri) ?? [])].sort();
    const optional = [...(optionalOf.get(o.uri) ?? [])].filter((s) => !essential.includes(s)).sort();
    const own = new Set(essential);
    const held: string[] = [];
    for (const s of essential) {
      const options = [...new Set([...graph.narrowerOf(s), ...graph.relatedOf(s).map((r) => r.id)])].filter((n) => !own.has(n)).sort();
      if (options.length > 0) held.push(options[uniformInt(rng, 0, options.length - 1)]);
    }
    // a neighbour for most essential skills (an occupation whose skills have none is not a test of neighbours)
    if (held.length < Math.ceil(essential.length * 0.6)) continue;
    const evidence = (skills: readonly string[], tag: string): CandidateEvidence['evidence'] =>
      skills.map((skillId, i) => ({ id: `${tag}${i}`, skillId, level: LEVEL, evidencedAt: AS_OF, source: 'ASSESSMENT' as const }));
    cases.push({
      occupation: o,
      requirements: [
        ...essential.map((skillId, i) => ({ id: `e${i}`, skillId, level: LEVEL, weight: 1, mandatory: false })),
        ...optional.map((skillId, i) => ({ id: `o${i}`, skillId, level: LEVEL, weight: 0.5, mandatory: false })),
      ],
      neighbour: { id: `N ${o.uri}`, evidence: evidence(held, 'n') },
      exact: { id: `E ${o.uri}`, evidence: evidence(essential, 'x') },
    });
  }
  return { graph, cases, pool: eligible.length };
}

interface Result {
  mrr: number;
  exactFirst: number;
  ndcg: number;
}

function evaluate(cases: readonly Case[], sim: SimilarityLookup): Result {
  const neighbours = cases.map((c) => c.neighbour);
  const halfLife = (): number => 30;
  let rr = 0;
  let exactFirst = 0;
  let ndcg = 0;
  for (const c of cases) {
    const job = { requirements: c.requirements };
    const ranked = rankCandidates(neighbours, job, sim, halfLife, AS_OF, DEFAULT_MATCH_CONFIG, { first: neighbours.length }).items;
    const mine = ranked.find((m) => m.candidateId === c.neighbour.id)!;
    const better = ranked.filter((m) => m.score > mine.score).length;
    const ties = ranked.filter((m) => m.score === mine.score).length; // including itself
    let sum = 0;
    for (let r = better + 1; r <= better + ties; r++) sum += 1 / r;
    rr += sum / ties;
    const both = rankCandidates([c.exact, c.neighbour], job, sim, halfLife, AS_OF, DEFAULT_MATCH_CONFIG, { first: 2 }).items;
    const neighbourBelowOne = c.requirements.every((r) => [...sim.similarTo(r.skillId)].every(([id, e]) => id === r.skillId || e.sim < 1));
    if (both[0]?.candidateId === c.exact.id && both[0].score > both[1].score && neighbourBelowOne) exactFirst++;
    // graded closeness by ISCO group
    const rel = (id: string): number => {
      if (id === c.neighbour.id) return 3;
      const other = cases.find((x) => x.neighbour.id === id)!.occupation.iscoGroup;
      const g = c.occupation.iscoGroup;
      return other === g ? 2 : other.slice(0, 3) === g.slice(0, 3) ? 1 : 0;
    };
    const gains = ranked.map((m) => rel(m.candidateId));
    const dcg = (xs: number[]): number => xs.slice(0, 10).reduce((s, g, i) => s + (2 ** g - 1) / Math.log2(i + 2), 0);
    ndcg += dcg(gains) / dcg([...gains].sort((a, b) => b - a));
  }
  return { mrr: rr / cases.length, exactFirst: exactFirst / cases.length, ndcg: ndcg / cases.length };
}

const fmt = (r: Result): string => `MRR ${r.mrr.toFixed(4)}  exact beats neighbour ${(100 * r.exactFirst).toFixed(0)} %  NDCG@10 (ISCO grades) ${r.ndcg.toFixed(4)}`;

/** The defaults before this benchmark (walks of 3 hops, siblings at 0.45, floor 0.2). */
const PREVIOUS: SimilarityConfig = { narrowerStep: 0.9, relatedMin: 0.5, relatedMax: 0.8, broaderStep: 0.5, floor: 0.2, maxHops: 3 };
const CANDIDATES: SimilarityConfig[] = [
  { narrowerStep: 0.9, relatedMin: 0.6, relatedMax: 0.8, broaderStep: 0.4, floor: 0.5, maxHops: 2 },
  { narrowerStep: 0.95, relatedMin: 0.6, relatedMax: 0.8, broaderStep: 0.4, floor: 0.5, maxHops: 3 },
  { narrowerStep: 0.9, relatedMin: 0.6, relatedMax: 0.8, broaderStep: 0.4, floor: 0.5, maxHops: 1 },
];

async function main(): Promise<void> {
  const started = Date.now();
  const { graph, cases, pool } = await load();
  const groups = new Map<string, number>();
  for (const c of cases) groups.set(c.occupation.iscoGroup[0], (groups.get(c.occupation.iscoGroup[0]) ?? 0) + 1);
  log(
    `ESCO v1.1.1: ${graph.skillCount} concepts, ${graph.broaderEdgeCount} broader, ${graph.relatedEdgeCount} related edges; ` +
      `${cases.length} occupations (of ${pool} eligible; ISCO major group ${[...groups].map(([g, n]) => `${g}: ${n}`).join(', ')}), seed ${SEED}, ` +
      `${(cases.reduce((s, c) => s + c.neighbour.evidence.length, 0) / cases.length).toFixed(1)} neighbour skills per candidate`,
  );
  const rows: [string, Result][] = [
    ['exact only          ', evaluate(cases, new SimilarityIndex(graph, { maxHops: 0 }))],
    ['one-hop (0.8/0.6/0.5)', evaluate(cases, new OneHop(graph))],
    ['previous defaults   ', evaluate(cases, new SimilarityIndex(graph, PREVIOUS))],
    ['defaults            ', evaluate(cases, new SimilarityIndex(graph))],
  ];
  if (process.argv.includes('--candidates')) for (const c of CANDIDATES) rows.push([JSON.stringify(c), evaluate(cases, new SimilarityIndex(graph, c))]);
  for (const [name, r] of rows) log(`${name}  ${fmt(r)}`);
  log(`defaults: ${JSON.stringify(DEFAULT_SIMILARITY_CONFIG)}`);
  if (GRID) {
    const results: [SimilarityConfig, Result][] = [];
    for (const maxHops of [1, 2, 3])
      for (const narrowerStep of [0.85, 0.9, 0.95])
        for (const [relatedMin, relatedMax] of [[0.5, 0.8], [0.6, 0.8]])
          for (const broaderStep of [0.4, 0.5])
            for (const floor of [0.2, 0.35, 0.5, 0.55]) {
              if (broaderStep > relatedMin || relatedMax >= narrowerStep) continue;
              const config = { narrowerStep, relatedMin, relatedMax, broaderStep, floor, maxHops };
              results.push([config as SimilarityConfig, evaluate(cases, new SimilarityIndex(graph, config))]);
            }
    results.sort((a, b) => b[1].mrr - a[1].mrr || b[1].ndcg - a[1].ndcg);
    log(`grid: ${results.length} settings, best 15 by MRR:`);
    for (const [c, r] of results.slice(0, 15)) log(`  ${JSON.stringify(c)}  ${fmt(r)}`);
  }
  log(`${((Date.now() - started) / 1000).toFixed(1)} s`);
}

void main();
