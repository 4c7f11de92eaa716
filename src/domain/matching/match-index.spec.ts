import fc from 'fast-check';
import { SkillGraph, SkillNode } from '../taxonomy/skill-graph';
import { SimilarityIndex } from '../taxonomy/similarity';
import { MS_PER_DAY } from './decay';
import { DEFAULT_MATCH_CONFIG, MatchConfig, resolveMatchConfig } from './match-config';
import { rankCandidates } from './match-engine';
import { MatchIndex } from './match-index';
import type { CandidateEvidence, EvidenceItem, RankCursor, RankOptions, RankResult, RankedCandidate, Requirement } from './match-types';

/*
 * The index must reproduce the pure engine exactly: same ids in the same order, the same
 * scores (bit for bit — it recomputes the final ones with the engine's arithmetic), the same
 * meetsMandatory, totalCount, hasNextPage and pagination via `after`, after any updates.
 */

const BASE = Date.UTC(2025, 5, 1);
const day = (d: number): Date => new Date(BASE + d * MS_PER_DAY);

// ---------------------------------------------------------------- arbitraries

interface World {
  skills: SkillNode[];
  broader: [string, string][];
  related: [string, string, number][];
}

const worldArb: fc.Arbitrary<World> = fc.integer({ min: 1, max: 8 }).chain((n) =>
  fc.record({
    skills: fc.tuple(
      ...Array.from({ length: n }, (_, i) =>
        fc.record({
          id: fc.constant(`k${i}`),
          category: fc.constantFrom('TECHNICAL' as const, 'DURABLE' as const),
          // tiny half-lives push decay exponents out of the fast path's range on purpose
          halfLifeMonths: fc.constantFrom(null, null, null, 0.01, 1, 12, 200),
        }),
      ),
    ),
    // child index > parent index keeps the broader graph a DAG
    broader:
      n < 2
        ? fc.constant([] as [string, string][])
        : fc.array(
            fc.integer({ min: 1, max: n - 1 }).chain((a) => fc.integer({ min: 0, max: a - 1 }).map((b) => [`k${a}`, `k${b}`] as [string, string])),
            { maxLength: 2 * n },
          ),
    related:
      n < 2
        ? fc.constant([] as [string, string, number][])
        : fc.array(
            fc
              .tuple(fc.integer({ min: 0, max: n - 1 }), fc.integer({ min: 1, max: n - 1 }), fc.oneof(fc.constantFrom(0.25, 0.5, 1), fc.double({ min: 0.01, max: 1, noNaN: true })))
              .map(([a, d, w]) => [`k${a}`, `k${(a + d) % n}`, w] as [string, string, number]),
            { maxLength: n },
          ),
  }),
);

const skillIdArb = (w: World): fc.Arbitrary<string> => fc.oneof({ weight: 9, arbitrary: fc.constantFrom(...w.skills.map((s) => s.id)) }, { weight: 1, arbitrary: fc.constant('unknown') });

let evSeq = 0;
const evidenceArb = (w: World): fc.Arbitrary<EvidenceItem> =>
  fc
    .record({
      skillId: skillIdArb(w),
      level: fc.integer({ min: 0, max: 5 }),
      source: fc.constantFrom('CREDENTIAL' as const, 'ASSESSMENT' as const, 'EXPERIENCE' as const, 'SELF_REPORTED' as const),
      verification: fc.constantFrom(undefined, 'VERIFIED' as const, 'UNVERIFIED' as const, 'FAILED' as const, 'REVOKED' as const),
      // integer days (many equalities with asOf / expiry) and sometimes a ms offset
      evDay: fc.integer({ min: -2000, max: 60 }),
      evMs: fc.oneof(fc.constant(0), fc.integer({ min: -MS_PER_DAY, max: MS_PER_DAY })),
      expires: fc.option(fc.integer({ min: 0, max: 1500 }), { nil: null }),
      credentialId: fc.option(fc.constantFrom('cr1', 'cr2'), { nil: null }),
    })
    .map((r) => {
      const evidencedAt = new Date(day(r.evDay).getTime() + r.evMs);
      const credential = r.source === 'CREDENTIAL';
      return {
        id: `e${++evSeq}`,
        skillId: r.skillId,
        level: r.level,
        evidencedAt,
        source: r.source,
        verification: credential ? r.verification : undefined,
        expiresAt: credential && r.expires !== null ? day(r.evDay + r.expires) : null,
        credentialId: credential ? r.credentialId : null,
      };
    });

const ID_POOL = ['a', 'b', 'c', 'aa', 'ab', 'B', 'Z', 'c1', 'c10', 'c2', 'é', 'x', 'y', 'z', '0', '00', 'a-b', 'ä', 'c3', 'c4', 'c5'];

const populationArb = (w: World): fc.Arbitrary<CandidateEvidence[]> =>
  fc.uniqueArray(fc.constantFrom(...ID_POOL), { maxLength: 16 }).chain((ids) =>
    fc.tuple(...ids.map((id) => fc.record({ id: fc.constant(id), evidence: fc.array(evidenceArb(w), { maxLength: 6 }), discoverable: fc.boolean() })))
      .map((cs) => cs as CandidateEvidence[]),
  );

const requirementsArb = (w: World): fc.Arbitrary<Requirement[]> =>
  fc.array(
    fc.record({
      id: fc.constant('r'),
      skillId: skillIdArb(w),
      level: fc.integer({ min: 1, max: 5 }),
      weight: fc.oneof(fc.constantFrom(0.5, 1, 2, 3.3), fc.double({ min: 0.01, max: 10, noNaN: true })),
      mandatory: fc.boolean(),
    }),
    { maxLength: 5 },
  ).map((rs) => rs.map((r, i) => ({ ...r, id: `r${i}` })));

const asOfArb = fc.oneof(
  fc.integer({ min: -400, max: 80 }).map(day), // integer days: hits evidence dates and expiries exactly
  fc.integer({ min: -400 * MS_PER_DAY, max: 80 * MS_PER_DAY }).map((ms) => new Date(BASE + ms)),
);

const configArb: fc.Arbitrary<MatchConfig> = fc.oneof(
  { weight: 3, arbitrary: fc.constant(DEFAULT_MATCH_CONFIG) },
  { weight: 1, arbitrary: fc.constantFrom(0, 0.5, 1).map((t) => resolveMatchConfig({ mandatoryThreshold: t })) },
);

const minScoreArb = fc.oneof(fc.constant(null), fc.constantFrom(0, 0.25, 0.45, 0.5, 1), fc.double({ min: -0.1, max: 1.1, noNaN: true }));

// ---------------------------------------------------------------- helpers

function setup(w: World, config: MatchConfig, compactEagerly: boolean, maxScore: boolean | 'force' = true, impactOrderMin?: number) {
  const graph = SkillGraph.fromTaxonomy(w);
  const sim = new SimilarityIndex(graph);
  const halfLife = (id: string): number => (graph.has(id) ? graph.halfLifeOf(id) : 30);
  // "eager": compaction after every removal, to exercise that path; maxScore false: only the checkpoint pruning
  const index = new MatchIndex({ halfLife, config, maxScore, impactOrderMin, ...(compactEagerly ? { minDeadPerList: 0, minDeadOrdinals: 0 } : {}) });
  return { graph, sim, halfLife, index };
}

const strip = (r: RankResult<RankedCandidate>) => ({
  items: r.items.map((m) => ({ candidateId: m.candidateId, score: m.score, meetsMandatory: m.meetsMandatory })),
  totalCount: r.totalCount,
  hasNextPage: r.hasNextPage,
});

function expectSame(
  ctx: ReturnType<typeof setup>,
  population: CandidateEvidence[],
  requirements: Requirement[],
  asOf: Date,
  config: MatchConfig,
  options: RankOptions,
): void {
  const job = { requirements };
  const expected = strip(rankCandidates(population, job, ctx.sim, ctx.halfLife, asOf, config, options));
  const actual = strip(ctx.index.rank(job, ctx.sim, asOf, options));
  expect(actual).toEqual(expected); // scores compared with Object.is: bit-identical
}

/** Walk every page of size `first` with `after` = last item; index and engine must agree page by page. */
function expectSamePages(ctx: ReturnType<typeof setup>, population: CandidateEvidence[], requirements: Requirement[], asOf: Date, config: MatchConfig, first: number, minScore: number | null): void {
  let after: RankCursor | null = null;
  for (let guard = 0; guard < 50; guard++) {
    const options: RankOptions = { first, after, minScore };
    expectSame(ctx, population, requirements, asOf, config, options);
    const page = ctx.index.rank({ requirements }, ctx.sim, asOf, options);
    if (!page.hasNextPage || page.items.length === 0) return;
    after = page.items[page.items.length - 1];
  }
}

const RUNS = Number(process.env.MATCH_INDEX_RUNS ?? 250);

// ---------------------------------------------------------------- properties

describe('MatchIndex ≡ rankCandidates (property)', () => {
  it('same ranking, scores, totalCount and pages', () => {
    fc.assert(
      fc.property(
        worldArb.chain((w) => fc.tuple(fc.constant(w), populationArb(w), requirementsArb(w))),
        asOfArb,
        configArb,
        fc.integer({ min: 0, max: 5 }),
        minScoreArb,
        ([w, population, requirements], asOf, config, first, minScore) => {
          const ctx = setup(w, config, first % 2 === 0);
          for (const c of population) ctx.index.upsertCandidate(c.id, c.discoverable !== false, c.evidence);
          expectSame(ctx, population, requirements, asOf, config, { first: 100, minScore });
          expectSamePages(ctx, population, requirements, asOf, config, Math.max(1, first), minScore);
          expectSame(ctx, population, requirements, asOf, config, { first, minScore });
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('any cursor, even one that is not a ranked item', () => {
    fc.assert(
      fc.property(
        worldArb.chain((w) => fc.tuple(fc.constant(w), populationArb(w), requirementsArb(w))),
        asOfArb,
        fc.record({ candidateId: fc.constantFrom(...ID_POOL, ''), score: fc.constantFrom(0, 0.25, 0.5, 1, 0.45), meetsMandatory: fc.boolean() }),
        fc.integer({ min: 0, max: 4 }),
        minScoreArb,
        ([w, population, requirements], asOf, cursor, first, minScore) => {
          const ctx = setup(w, DEFAULT_MATCH_CONFIG, false);
          for (const c of population) ctx.index.upsertCandidate(c.id, c.discoverable !== false, c.evidence);
          expectSame(ctx, population, requirements, asOf, DEFAULT_MATCH_CONFIG, { first, after: cursor, minScore });
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('larger populations (the top-k bound prunes most candidates)', () => {
    fc.assert(
      fc.property(
        worldArb.chain((w) =>
          fc.tuple(
            fc.constant(w),
            fc.array(fc.tuple(fc.array(evidenceArb(w), { maxLength: 5 }), fc.boolean()), { minLength: 50, maxLength: 300 }),
            requirementsArb(w),
          ),
        ),
        asOfArb,
        fc.integer({ min: 0, max: 12 }),
        minScoreArb,
        fc.boolean(),
        ([w, rows, requirements], asOf, first, minScore, maxScore) => {
          const ctx = setup(w, DEFAULT_MATCH_CONFIG, first % 2 === 1, maxScore);
          const population = rows.map(([evidence, hidden], i) => ({ id: `c${i}`, evidence, discoverable: !hidden || i % 3 !== 0 }));
          for (const c of population) ctx.index.upsertCandidate(c.id, c.discoverable, c.evidence);
          expectSame(ctx, population, requirements, asOf, DEFAULT_MATCH_CONFIG, { first, minScore });
          expectSamePages(ctx, population, requirements, asOf, DEFAULT_MATCH_CONFIG, Math.max(5, first), minScore);
        },
      ),
      { numRuns: Math.max(10, Math.floor(RUNS / 5)) },
    );
  });

  // many similar skills per requirement (deep broader chains, siblings, related), more requirements:
  // the MaxScore pass (list upper bounds, cuts, posting skips, survivors' records) does the work
  const richWorldArb: fc.Arbitrary<World> = fc.integer({ min: 6, max: 24 }).chain((n) =>
    fc.record({
      skills: fc.constant(Array.from({ length: n }, (_, i): SkillNode => ({ id: `k${i}`, category: i % 3 === 0 ? 'DURABLE' : 'TECHNICAL', halfLifeMonths: [null, 6, 24, 200][i % 4] }))),
      broader: fc.constant(Array.from({ length: n - 1 }, (_, i): [string, string] => [`k${i + 1}`, `k${Math.floor(i / 3)}`])),
      related: fc.array(
        fc.tuple(fc.integer({ min: 0, max: n - 1 }), fc.integer({ min: 1, max: n - 1 }), fc.constantFrom(0.25, 0.5, 0.9)).map(([a, d, wt]) => [`k${a}`, `k${(a + d) % n}`, wt] as [string, string, number]),
        { maxLength: n },
      ),
    }),
  );
  const richRequirementsArb = (w: World): fc.Arbitrary<Requirement[]> =>
    fc
      .array(
        fc.record({
          id: fc.constant('r'),
          skillId: skillIdArb(w),
          level: fc.integer({ min: 1, max: 5 }),
          weight: fc.oneof(fc.constantFrom(0.5, 1, 2, 3), fc.double({ min: 0.01, max: 10, noNaN: true })),
          mandatory: fc.oneof({ weight: 3, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
        }),
        { minLength: 1, maxLength: 10 },
      )
      .map((rs) => rs.map((r, i) => ({ ...r, id: `r${i}` })));

  it('many similar skills per requirement: MaxScore pass ≡ engine ≡ checkpoint pruning', () => {
    fc.assert(
      fc.property(
        richWorldArb.chain((w) =>
          fc.tuple(fc.constant(w), fc.array(fc.array(evidenceArb(w), { minLength: 1, maxLength: 8 }), { minLength: 30, maxLength: 400 }), richRequirementsArb(w)),
        ),
        asOfArb,
        configArb,
        fc.integer({ min: 0, max: 12 }),
        ([w, rows, requirements], asOf, config, first) => {
          // 'force': no cost-based give-up (and both ways of computing the survivors' records);
          // impact order on every list (sorted part read down to the cut, unsorted tail in place)
          const ctx = setup(w, config, first % 2 === 1, 'force', first % 3 === 0 ? 0 : 4);
          const plain = new MatchIndex({ halfLife: ctx.halfLife, config, maxScore: false });
          const population = rows.map((evidence, i) => ({ id: `c${String(i).padStart(3, '0')}`, evidence, discoverable: i % 7 !== 3 }));
          for (const c of population) {
            ctx.index.upsertCandidate(c.id, c.discoverable, c.evidence);
            plain.upsertCandidate(c.id, c.discoverable, c.evidence);
          }
          // some updates, so tombstones and new ordinals are in the lists
          for (let i = 0; i < population.length; i += 5) {
            const c = population[i];
            ctx.index.upsertCandidate(c.id, c.discoverable, c.evidence);
            plain.upsertCandidate(c.id, c.discoverable, c.evidence);
          }
          expectSame(ctx, population, requirements, asOf, config, { first });
          expect(strip(plain.rank({ requirements }, ctx.sim, asOf, { first }))).toEqual(strip(ctx.index.rank({ requirements }, ctx.sim, asOf, { first })));
          expectSame(ctx, population, requirements, asOf, config, { first: first + 20 });
          // updates after a rank: impact orders with unsorted tails, rebuilt ones, compacted lists
          const updated = population.map((c, i) => (i % 4 === 1 ? { ...c, evidence: population[(i * 7) % population.length].evidence } : c));
          const current = population.slice();
          for (let i = 1; i < updated.length; i += 4) {
            const c = updated[i];
            current[i] = c;
            ctx.index.upsertCandidate(c.id, c.discoverable, c.evidence);
            if (i % 3 === 0) expectSame(ctx, current, requirements, asOf, config, { first });
          }
          expectSame(ctx, updated, requirements, asOf, config, { first });
          // new candidates with the strongest evidence (level 5, dated asOf) on a third of the skills:
          // list maxima grow, and empty lists fill, after the lists' bounds were cached by the ranks above
          const strong = w.skills
            .filter((_, i) => i % 3 === first % 3)
            .map((s, i) => ({ id: `z${String(i).padStart(3, '0')}`, discoverable: true, evidence: [{ id: `z${i}`, skillId: s.id, level: 5, evidencedAt: asOf, source: 'ASSESSMENT' as const }] }));
          for (const c of strong) ctx.index.upsertCandidate(c.id, c.discoverable, c.evidence);
          expectSame(ctx, [...updated, ...strong], requirements, asOf, config, { first });
          // the cached bounds serve a slightly later asOf (reuse window), and are rebuilt for an earlier or a much later one
          for (const shift of [20 * 60_000, -20 * 60_000, 400 * 86_400_000, -400 * 86_400_000]) {
            expectSame(ctx, [...updated, ...strong], requirements, new Date(asOf.getTime() + shift), config, { first });
          }
        },
      ),
      { numRuns: Math.max(10, Math.floor(RUNS / 3)) },
    );
  });

  type Op =
    | { kind: 'upsert'; id: string; discoverable: boolean; evidence: EvidenceItem[] }
    | { kind: 'remove'; id: string }
    | { kind: 'discoverable'; id: string; value: boolean }
    | { kind: 'compact' };

  const opsArb = (w: World): fc.Arbitrary<Op[]> =>
    fc.array(
      fc.oneof(
        { weight: 4, arbitrary: fc.record({ kind: fc.constant('upsert' as const), id: fc.constantFrom(...ID_POOL), discoverable: fc.boolean(), evidence: fc.array(evidenceArb(w), { maxLength: 6 }) }) },
        { weight: 2, arbitrary: fc.record({ kind: fc.constant('remove' as const), id: fc.constantFrom(...ID_POOL) }) },
        { weight: 2, arbitrary: fc.record({ kind: fc.constant('discoverable' as const), id: fc.constantFrom(...ID_POOL), value: fc.boolean() }) },
        { weight: 1, arbitrary: fc.constant({ kind: 'compact' as const }) },
      ),
      { maxLength: 25 },
    );

  it('stays equal through upserts, removals, discoverability changes and compaction', () => {
    fc.assert(
      fc.property(
        worldArb.chain((w) => fc.tuple(fc.constant(w), populationArb(w), requirementsArb(w), opsArb(w))),
        asOfArb,
        fc.boolean(),
        fc.integer({ min: 1, max: 4 }),
        minScoreArb,
        fc.boolean(),
        ([w, population, requirements, ops], asOf, eager, first, minScore, force) => {
          // force: the MaxScore pass on every first page (impact orders from 4 postings), so that its
          // per-map cache of list bounds is exercised across updates
          const ctx = setup(w, DEFAULT_MATCH_CONFIG, eager, force ? 'force' : true, force ? 4 : undefined);
          const model = new Map<string, CandidateEvidence>();
          for (const c of population) {
            ctx.index.upsertCandidate(c.id, c.discoverable !== false, c.evidence);
            model.set(c.id, c);
          }
          ops.forEach((op, i) => {
            if (op.kind === 'upsert') {
              ctx.index.upsertCandidate(op.id, op.discoverable, op.evidence);
              model.set(op.id, { id: op.id, evidence: op.evidence, discoverable: op.discoverable });
            } else if (op.kind === 'remove') {
              expect(ctx.index.removeCandidate(op.id)).toBe(model.delete(op.id));
            } else if (op.kind === 'discoverable') {
              const c = model.get(op.id);
              expect(ctx.index.setDiscoverable(op.id, op.value)).toBe(c !== undefined);
              if (c) model.set(op.id, { ...c, discoverable: op.value });
            } else {
              ctx.index.compact();
            }
            if (i % 5 === 4) expectSame(ctx, [...model.values()], requirements, asOf, DEFAULT_MATCH_CONFIG, { first, minScore });
          });
          ctx.index.checkConsistency();
          expect(ctx.index.size).toBe(model.size);
          expectSamePages(ctx, [...model.values()], requirements, asOf, DEFAULT_MATCH_CONFIG, first, minScore);
        },
      ),
      { numRuns: RUNS },
    );
  });
});

// ---------------------------------------------------------------- examples

describe('MatchIndex examples', () => {
  const world: World = {
    skills: [
      { id: 'js', category: 'TECHNICAL', halfLifeMonths: null },
      { id: 'ts', category: 'TECHNICAL', halfLifeMonths: null },
      { id: 'comm', category: 'DURABLE', halfLifeMonths: null },
    ],
    broader: [['ts', 'js']],
    related: [],
  };
  const AS_OF = day(0);
  const e = (skillId: string, level: number, at = AS_OF): EvidenceItem => ({ id: `${skillId}${level}${at.getTime()}`, skillId, level, evidencedAt: at, source: 'ASSESSMENT' });

  it('ranks with exact scores, skips non-discoverable candidates, and follows updates', () => {
    const ctx = setup(world, DEFAULT_MATCH_CONFIG, false);
    const job = { requirements: [{ id: 'r1', skillId: 'js', level: 4, weight: 1, mandatory: true }] };
    ctx.index.upsertCandidate('ann', true, [e('js', 4)]); // 1
    ctx.index.upsertCandidate('bob', true, [e('ts', 4)]); // 0.85 × min(1, 4 / 4) = 0.85
    ctx.index.upsertCandidate('cat', false, [e('js', 5)]); // hidden
    ctx.index.upsertCandidate('dan', true, []); // 0, fails the mandatory requirement
    const r1 = ctx.index.rank(job, ctx.sim, AS_OF, { first: 10 });
    expect(strip(r1)).toEqual({
      items: [
        { candidateId: 'ann', score: 1, meetsMandatory: true },
        { candidateId: 'bob', score: 0.85, meetsMandatory: true },
        { candidateId: 'dan', score: 0, meetsMandatory: false },
      ],
      totalCount: 3,
      hasNextPage: false,
    });
    ctx.index.setDiscoverable('cat', true);
    ctx.index.upsertCandidate('ann', true, [e('js', 2)]); // 2 / 4 = 0.5 < 0.6: fails now
    ctx.index.removeCandidate('dan');
    expect(strip(ctx.index.rank(job, ctx.sim, AS_OF, { first: 10 })).items.map((i) => [i.candidateId, i.score, i.meetsMandatory])).toEqual([
      ['cat', 1, true],
      ['bob', 0.85, true],
      ['ann', 0.5, false],
    ]);
    expect(ctx.index.stats()).toMatchObject({ candidates: 3, discoverable: 3, postings: 3, deadPostings: 1 });
    ctx.index.compact();
    expect(ctx.index.stats()).toMatchObject({ candidates: 3, ordinals: 3, postings: 3, deadPostings: 0 });
  });

  it('a neighbour never covers more than its similarity, in every pass (MaxScore forced, impact orders from 4 postings)', () => {
    // 30 candidates with narrower ts evidence at levels 1..5 above a level-2 requirement, 10 with exact js
    // at level 1..2: under min(1, sim × strength / level) every ts ≥ 3 would cover 1; now 0.85 at most,
    // and the exact ones at level 2 come first. The list bounds' order differs by level (ts first at level 4).
    for (const maxScore of ['force', false] as const) {
      const ctx = setup(world, DEFAULT_MATCH_CONFIG, true, maxScore, 4);
      const cands: CandidateEvidence[] = [];
      for (let i = 0; i < 40; i++) {
        const id = `c${String(i).padStart(2, '0')}`;
        const evidence = i < 30 ? [e('ts', 1 + (i % 5))] : [e('js', 1 + (i % 2))];
        ctx.index.upsertCandidate(id, true, evidence);
        cands.push({ id, evidence });
      }
      for (const level of [2, 4]) {
        const job = { requirements: [{ id: 'r1', skillId: 'js', level, weight: 1, mandatory: false }] };
        const got = ctx.index.rank(job, ctx.sim, AS_OF, { first: 8 });
        expect(strip(got)).toEqual(strip(rankCandidates(cands, job, ctx.sim, ctx.halfLife, AS_OF, DEFAULT_MATCH_CONFIG, { first: 8 })));
        expect(Math.max(...got.items.filter((it) => Number(it.candidateId.slice(1)) < 30).map((it) => it.score))).toBeLessThanOrEqual(0.85);
      }
      const top = ctx.index.rank({ requirements: [{ id: 'r1', skillId: 'js', level: 2, weight: 1, mandatory: false }] }, ctx.sim, AS_OF, { first: 5 });
      expect(top.items.map((it) => [it.candidateId, it.score])).toEqual([
        ['c31', 1],
        ['c33', 1],
        ['c35', 1],
        ['c37', 1],
        ['c39', 1],
      ]);
    }
  });

  it('picks up half-life changes of the taxonomy', () => {
    const ctx = setup(world, DEFAULT_MATCH_CONFIG, false);
    const job = { requirements: [{ id: 'r1', skillId: 'js', level: 4, weight: 1, mandatory: false }] };
    const thirtyMonthsAgo = new Date(AS_OF.getTime() - 30 * 30.436875 * MS_PER_DAY);
    ctx.index.upsertCandidate('ann', true, [e('js', 4, thirtyMonthsAgo)]);
    expect(ctx.index.rank(job, ctx.sim, AS_OF, { first: 1 }).items[0].score).toBe(0.5); // 4 × 0.5 / 4
    ctx.graph.upsertSkill({ id: 'js', category: 'TECHNICAL', halfLifeMonths: 15 });
    expect(ctx.index.rank(job, ctx.sim, AS_OF, { first: 1 }).items[0].score).toBe(0.25); // 4 × 0.5^(30/15) / 4
  });

  it('ranks as the engine through removals, compaction, renumbering and half-life changes once impact orders exist', () => {
    // 40 candidates with js evidence of levels 1..5 (impact orders from 4 postings, MaxScore forced), then
    // the strongest ones removed, others upserted stronger, the index compacted (ordinals renumbered)
    // and js's half-life changed: every ranking equals the engine's
    const ctx = setup(world, DEFAULT_MATCH_CONFIG, true, 'force', 4);
    const job = { requirements: [{ id: 'r1', skillId: 'js', level: 5, weight: 1, mandatory: false }] };
    const model = new Map<string, CandidateEvidence>();
    const put = (id: string, evidence: EvidenceItem[]): void => {
      ctx.index.upsertCandidate(id, true, evidence);
      model.set(id, { id, evidence });
    };
    for (let i = 0; i < 40; i++) put(`c${String(i).padStart(2, '0')}`, [e('js', 1 + (i % 5), day(-i))]);
    const check = (): void => {
      for (const first of [1, 3]) expectSame(ctx, [...model.values()], job.requirements, AS_OF, DEFAULT_MATCH_CONFIG, { first });
      ctx.index.checkConsistency();
    };
    check();
    for (const id of ['c04', 'c09', 'c14', 'c19', 'c24', 'c29']) {
      ctx.index.removeCandidate(id);
      model.delete(id);
    }
    check();
    put('c00', [e('js', 5)]);
    put('c01', [e('ts', 5)]);
    check();
    ctx.index.compact();
    check();
    ctx.graph.upsertSkill({ id: 'js', category: 'TECHNICAL', halfLifeMonths: 1 });
    check();
  });

  it('keeps the pool copies of la in step when a half-life becomes known or changes', () => {
    // js's half-life is unknown (the lookup throws) while ann's evidence is added, known when bob's is:
    // ann's la is computed then, and again when the half-life changes
    let known: number | null = null;
    const graph = SkillGraph.fromTaxonomy(world);
    const sim = new SimilarityIndex(graph);
    const halfLife = (id: string): number => {
      if (id === 'js' && known === null) throw new Error('unknown half-life');
      return id === 'js' ? (known as number) : 30;
    };
    const index = new MatchIndex({ halfLife, config: DEFAULT_MATCH_CONFIG });
    const year = new Date(AS_OF.getTime() - 12 * 30.436875 * MS_PER_DAY);
    index.upsertCandidate('ann', true, [e('js', 4, year), e('comm', 2)]);
    known = 12;
    index.upsertCandidate('bob', true, [e('js', 3)]);
    index.checkConsistency();
    const job = { requirements: [{ id: 'r1', skillId: 'js', level: 4, weight: 1, mandatory: false }] };
    expect(strip(index.rank(job, sim, AS_OF, { first: 2 })).items.map((i) => [i.candidateId, i.score])).toEqual([
      ['bob', 0.75],
      ['ann', 0.5], // 4 × 0.5^(12 / 12) / 4
    ]);
    known = 6;
    index.refreshHalfLives();
    index.checkConsistency();
    expect(strip(index.rank(job, sim, AS_OF, { first: 2 })).items.map((i) => [i.candidateId, i.score])).toEqual([
      ['bob', 0.75],
      ['ann', 0.25], // 4 × 0.5^(12 / 6) / 4
    ]);
  });

  it('does not reuse list bounds cached at a later asOf for an earlier one', () => {
    // ts (narrower than js) decays fast, js slowly: 5 years on, the ts list's bound is tiny, but at the
    // evidence date ann's ts evidence beats everyone's js evidence
    const w: World = { ...world, skills: [{ id: 'js', category: 'TECHNICAL', halfLifeMonths: 120 }, { id: 'ts', category: 'TECHNICAL', halfLifeMonths: 6 }, world.skills[2]] };
    const ctx = setup(w, DEFAULT_MATCH_CONFIG, false, 'force', 1);
    const job = { requirements: [{ id: 'r1', skillId: 'js', level: 5, weight: 1, mandatory: false }] };
    const evidenceDay = day(0);
    const later = day(5 * 365);
    ctx.index.upsertCandidate('ann', true, [e('ts', 5, evidenceDay)]);
    for (const id of ['bob', 'cat', 'dan']) ctx.index.upsertCandidate(id, true, [e('js', 3, evidenceDay)]);
    const population = [
      { id: 'ann', evidence: [e('ts', 5, evidenceDay)] },
      ...['bob', 'cat', 'dan'].map((id) => ({ id, evidence: [e('js', 3, evidenceDay)] })),
    ];
    expectSame(ctx, population, job.requirements, later, DEFAULT_MATCH_CONFIG, { first: 1 });
    expect(ctx.index.rank(job, ctx.sim, later, { first: 1 }).items[0].candidateId).toBe('bob');
    expectSame(ctx, population, job.requirements, evidenceDay, DEFAULT_MATCH_CONFIG, { first: 1 });
    expect(ctx.index.rank(job, ctx.sim, evidenceDay, { first: 1 }).items[0].candidateId).toBe('ann');
  });

  it('bounds the same lists per required level (a skill required at level 5, then at level 1)', () => {
    // zed and zoe have ts 5 (0.9 × 5 = 4.5), bob, cat and dan js 1: at level 5 the ts list bounds coverage
    // by 0.9 and the js list by 0.2; at level 1 both by 1, and everyone ties at 1 (bob first by id)
    const ctx = setup(world, DEFAULT_MATCH_CONFIG, false, 'force', 1);
    const population = [
      ...['zed', 'zoe'].map((id) => ({ id, evidence: [e('ts', 5)] })),
      ...['bob', 'cat', 'dan'].map((id) => ({ id, evidence: [e('js', 1)] })),
    ];
    for (const c of population) ctx.index.upsertCandidate(c.id, true, c.evidence);
    const at = (level: number): Requirement[] => [{ id: 'r1', skillId: 'js', level, weight: 1, mandatory: false }];
    expectSame(ctx, population, at(5), AS_OF, DEFAULT_MATCH_CONFIG, { first: 1 });
    expect(ctx.index.rank({ requirements: at(5) }, ctx.sim, AS_OF, { first: 1 }).items[0].candidateId).toBe('zed');
    expectSame(ctx, population, at(1), AS_OF, DEFAULT_MATCH_CONFIG, { first: 1 });
    expect(ctx.index.rank({ requirements: at(1) }, ctx.sim, AS_OF, { first: 1 }).items[0].candidateId).toBe('bob');
  });

  it('prunes: after a selective mandatory requirement only the candidates meeting it are followed', () => {
    const ctx = setup(world, DEFAULT_MATCH_CONFIG, false, false);
    const withMaxScore = setup(world, DEFAULT_MATCH_CONFIG, false);
    const population: CandidateEvidence[] = [];
    // 60 candidates meet the mandatory js requirement (js 3 ≥ 0.6 × 4 = 2.4), 140 do not (js 1); all have comm
    for (let i = 0; i < 200; i++) {
      const evidence = [e('js', i < 60 ? 3 : 1), e('comm', 1 + (i % 5))];
      population.push({ id: `p${String(i).padStart(3, '0')}`, evidence });
      ctx.index.upsertCandidate(`p${String(i).padStart(3, '0')}`, true, evidence);
      withMaxScore.index.upsertCandidate(`p${String(i).padStart(3, '0')}`, true, evidence);
    }
    const job = {
      requirements: [
        { id: 'r1', skillId: 'comm', level: 5, weight: 1, mandatory: false },
        { id: 'r2', skillId: 'js', level: 4, weight: 1, mandatory: true },
      ],
    };
    const expected = rankCandidates(population, job, ctx.sim, ctx.halfLife, AS_OF, DEFAULT_MATCH_CONFIG, { first: 10 });
    expect(strip(ctx.index.rank(job, ctx.sim, AS_OF, { first: 10 }))).toEqual(strip(expected));
    // the mandatory requirement is processed first; 60 ≥ 11 candidates surely meet it → closed after it
    expect(ctx.index.lastRank).toMatchObject({ touched: 200, closedAfter: 1, survivors: 60 });
    // MaxScore pass: only js ≥ 0.6 × 4 can meet (js lists: ub 1 > cut); comm postings ≤ its cut are skipped
    expect(strip(withMaxScore.index.rank(job, withMaxScore.sim, AS_OF, { first: 10 }))).toEqual(strip(expected));
    expect(withMaxScore.index.lastRank.survivors).toBeLessThanOrEqual(60);
    const forced = setup(world, DEFAULT_MATCH_CONFIG, false, 'force');
    for (const c of population) forced.index.upsertCandidate(c.id, true, c.evidence);
    expect(strip(forced.index.rank(job, forced.sim, AS_OF, { first: 10 }))).toEqual(strip(expected));
    expect(forced.index.lastRank.closedAfter).toBe(0);
    expect(forced.index.lastRank.survivors).toBeLessThanOrEqual(60);
  });

  it('does not close while an unseen candidate can still overtake', () => {
    /*
     * js level 5 weight 3 (processed first), comm level 1 weight 2; W = 5.
     * a, b: js 3 → coverage 3/5 = 0.6 → after js: partial 3·0.6/5 = 0.36 (θ for first = 1 is 0.36)
     * c: only comm 1 → coverage 1 → final 2/5 = 0.4 > 0.36: c is first.
     * Checkpoint after js (remaining 2/5 = 0.4 < 1/2): an unseen candidate may still reach 0.4 ≥ θ → not closed.
     */
    const ctx = setup(world, DEFAULT_MATCH_CONFIG, false, false);
    const population: CandidateEvidence[] = [
      { id: 'a', evidence: [e('js', 3)] },
      { id: 'b', evidence: [e('js', 3)] },
      { id: 'c', evidence: [e('comm', 1)] },
    ];
    for (const c of population) ctx.index.upsertCandidate(c.id, true, c.evidence);
    const job = {
      requirements: [
        { id: 'r1', skillId: 'js', level: 5, weight: 3, mandatory: false },
        { id: 'r2', skillId: 'comm', level: 1, weight: 2, mandatory: false },
      ],
    };
    const r = ctx.index.rank(job, ctx.sim, AS_OF, { first: 1 });
    expect(r.items.map((i) => [i.candidateId, i.score])).toEqual([['c', 0.4]]);
    expect(ctx.index.lastRank.closedAfter).toBeNull();
    expect(strip(r)).toEqual(strip(rankCandidates(population, job, ctx.sim, ctx.halfLife, AS_OF, DEFAULT_MATCH_CONFIG, { first: 1 })));
  });

  it('memoryBytes is positive and grows with postings', () => {
    const ctx = setup(world, DEFAULT_MATCH_CONFIG, false);
    const before = ctx.index.memoryBytes();
    for (let i = 0; i < 2000; i++) ctx.index.upsertCandidate(`c${i}`, true, [e('js', 3), e('ts', 2)]);
    // at least 29 bytes per posting
    expect(ctx.index.memoryBytes() - before).toBeGreaterThan(4000 * 29);
  });
});
