import { SkillGraph } from '../taxonomy/skill-graph';
import { SimilarityIndex } from '../taxonomy/similarity';
import { PREVIOUS_SIMILARITY_CONFIG } from '../taxonomy/similarity-config';
import { DAYS_PER_MONTH, MS_PER_DAY } from './decay';
import { DEFAULT_MATCH_CONFIG, resolveMatchConfig } from './match-config';
import { matchCandidate, rankCandidates, skillGap, skillProfile } from './match-engine';
import type { CandidateEvidence, EvidenceItem, EvidenceSource, Requirement, VerificationStatus } from './match-types';

/*
 * Taxonomy for these tests:
 *
 *   prog (DURABLE, 60)        comm (DURABLE, 60)   sql, rust (TECHNICAL, 30)   go (TECHNICAL, override 12)
 *    /      \
 *   js      py                related: node → js, weight 1
 *   |
 *   ts
 *
 * similarTo(js): js 1 EXACT, ts 0.9 NARROWER, node 0.8 RELATED (0.5 + 0.3 × 1),
 *                prog 0.5 BROADER, py 0.45 RELATED (up 0.5 × down 0.9).
 */
const graph = SkillGraph.fromTaxonomy({
  skills: [
    { id: 'prog', category: 'DURABLE', halfLifeMonths: null },
    { id: 'js', category: 'TECHNICAL', halfLifeMonths: null },
    { id: 'ts', category: 'TECHNICAL', halfLifeMonths: null },
    { id: 'node', category: 'TECHNICAL', halfLifeMonths: null },
    { id: 'py', category: 'TECHNICAL', halfLifeMonths: null },
    { id: 'comm', category: 'DURABLE', halfLifeMonths: null },
    { id: 'sql', category: 'TECHNICAL', halfLifeMonths: null },
    { id: 'go', category: 'TECHNICAL', halfLifeMonths: 12 },
    { id: 'rust', category: 'TECHNICAL', halfLifeMonths: null },
  ],
  broader: [
    ['js', 'prog'],
    ['ts', 'js'],
    ['py', 'prog'],
  ],
  related: [['node', 'js', 1]],
});
const sim = new SimilarityIndex(graph, PREVIOUS_SIMILARITY_CONFIG); // the worked examples below use these factors
const halfLife = (id: string): number => graph.halfLifeOf(id);

const AS_OF = new Date('2026-01-01T00:00:00Z');
const T = AS_OF.getTime();
/** `m` months (of 30.436875 days) before asOf */
const ago = (m: number): Date => new Date(T - m * DAYS_PER_MONTH * MS_PER_DAY);
const DAY = MS_PER_DAY;

let seq = 0;
function ev(
  skillId: string,
  level: number,
  source: EvidenceSource = 'ASSESSMENT',
  at: Date = AS_OF,
  extra: { verification?: VerificationStatus; expiresAt?: Date | null; credentialId?: string; id?: string } = {},
): EvidenceItem {
  return { id: extra.id ?? `e${++seq}`, skillId, level, evidencedAt: at, source, ...extra };
}
function req(skillId: string, level: number, weight = 1, mandatory = false, id = `r-${skillId}`): Requirement {
  return { id, skillId, level, weight, mandatory };
}
const cand = (id: string, evidence: EvidenceItem[], discoverable = true): CandidateEvidence => ({ id, evidence, discoverable });

describe('coverage of one requirement: js level 4', () => {
  const job = { requirements: [req('js', 4)] };
  it.each([
    // [case, evidence, coverage, via, decay]
    ['exact, fresh', [ev('js', 4)], 1, 'EXACT', 1], // 1 × 4 × 1 / 4
    ['exact, above level is capped', [ev('js', 5)], 1, 'EXACT', 1], // min(1, 5/4)
    ['narrower', [ev('ts', 4)], 0.9, 'NARROWER', 1], // 0.9 × 4 / 4
    ['narrower above level: never more than its sim', [ev('ts', 5)], 0.9, 'NARROWER', 1], // 0.9 × min(1, 5/4)
    ['broader above level', [ev('prog', 5)], 0.5, 'BROADER', 1], // 0.5 × min(1, 5/4)
    ['sibling above level', [ev('py', 5)], 0.45, 'RELATED', 1], // 0.45 × min(1, 5/4) (was 0.5625 under min(1, sim × strength / level))
    ['fresh exact at level beats every neighbour', [ev('ts', 5), ev('node', 5), ev('js', 4), ev('prog', 5)], 1, 'EXACT', 1],
    ['decayed exact below a fresh neighbour', [ev('js', 4, 'ASSESSMENT', ago(60)), ev('ts', 5)], 0.9, 'NARROWER', 1], // 0.25 < 0.9
    ['related (weight 1)', [ev('node', 4)], 0.8, 'RELATED', 1], // 0.8 × 4 / 4
    ['broader', [ev('prog', 4)], 0.5, 'BROADER', 1], // 0.5 × 4 / 4
    ['sibling', [ev('py', 4)], 0.45, 'RELATED', 1], // 0.45 × 4 / 4
    ['unrelated', [ev('comm', 5)], 0, 'NONE', 0],
    ['one half-life (30 months)', [ev('js', 4, 'ASSESSMENT', ago(30))], 0.5, 'EXACT', 0.5], // 4 × 0.5 / 4
    ['two half-lives', [ev('js', 4, 'ASSESSMENT', ago(60))], 0.25, 'EXACT', 0.25], // 4 × 0.25 / 4
    ['narrower, one half-life', [ev('ts', 4, 'ASSESSMENT', ago(30))], 0.45, 'NARROWER', 0.5], // 0.9 × 4 × 0.5 / 4
    ['dated 1 ms after asOf', [ev('js', 4, 'ASSESSMENT', new Date(T + 1))], 0, 'NONE', 0],
    ['dated exactly at asOf', [ev('js', 4, 'ASSESSMENT', AS_OF)], 1, 'EXACT', 1],
    ['credential expiring on the instant asOf', [ev('js', 4, 'CREDENTIAL', new Date(T - DAY), { expiresAt: AS_OF })], 0, 'NONE', 0],
    ['credential expiring 1 ms after asOf', [ev('js', 4, 'CREDENTIAL', AS_OF, { expiresAt: new Date(T + 1) })], 1, 'EXACT', 1],
    ['credential expired the day before', [ev('js', 4, 'CREDENTIAL', ago(1), { expiresAt: new Date(T - DAY) })], 0, 'NONE', 0],
    ['revoked credential', [ev('js', 4, 'CREDENTIAL', AS_OF, { verification: 'REVOKED' })], 0, 'NONE', 0],
    ['best of several: exact 2 (decayed) vs narrower 3.6', [ev('js', 4, 'ASSESSMENT', ago(30)), ev('ts', 4)], 0.9, 'NARROWER', 1],
  ] as const)('%s', (_name, evidence, coverage, via, decay) => {
    const m = matchCandidate(cand('c', [...evidence]), job, sim, halfLife, AS_OF);
    const r = m.requirements[0];
    expect(r.coverage).toBeCloseTo(coverage, 12);
    expect(r.via).toBe(via);
    expect(r.decay).toBeCloseTo(decay, 12);
    expect(m.score).toBeCloseTo(coverage, 12); // one requirement: score = coverage
  });
});

describe('confidence per source: comm level 5 against evidence comm level 5 at asOf', () => {
  const job = { requirements: [req('comm', 5)] };
  it.each([
    ['CREDENTIAL', 'VERIFIED', 1], // 5 × 1 / 5
    ['CREDENTIAL', undefined, 1], // catalogue award
    ['CREDENTIAL', 'UNVERIFIED', 0.6], // 5 × 0.6 / 5
    ['CREDENTIAL', 'FAILED', 0],
    ['CREDENTIAL', 'REVOKED', 0],
    ['ASSESSMENT', undefined, 1],
    ['EXPERIENCE', undefined, 0.9], // 5 × 0.9 / 5
    ['SELF_REPORTED', undefined, 0.6], // 5 × 0.6 / 5
  ] as const)('%s %s → coverage %d', (source, verification, coverage) => {
    const e = ev('comm', 5, source, AS_OF, verification === undefined ? {} : { verification });
    expect(matchCandidate(cand('c', [e]), job, sim, halfLife, AS_OF).requirements[0].coverage).toBeCloseTo(coverage, 12);
  });

  it('confidence is configurable', () => {
    const config = resolveMatchConfig({ confidence: { SELF_REPORTED: 0.4 } });
    const m = matchCandidate(cand('c', [ev('comm', 5, 'SELF_REPORTED')]), job, sim, halfLife, AS_OF, config);
    expect(m.requirements[0].coverage).toBeCloseTo(0.4, 12); // 5 × 0.4 / 5
  });
});

describe('half-life per skill', () => {
  it.each([
    ['go', 12, 0.5], // own override 12: 4 × 0.5 / 4
    ['comm', 30, Math.SQRT1_2], // DURABLE 60: 0.5^(30/60)
    ['sql', 30, 0.5], // TECHNICAL 30
  ])('%s at %d months', (skill, age, coverage) => {
    const m = matchCandidate(cand('c', [ev(skill, 4, 'ASSESSMENT', ago(age))]), { requirements: [req(skill, 4)] }, sim, halfLife, AS_OF);
    expect(m.requirements[0].coverage).toBeCloseTo(coverage, 12);
    expect(m.requirements[0].decay).toBeCloseTo(coverage, 12);
  });
});

describe('explanation', () => {
  it('reports the evidence behind the coverage, its credential and date', () => {
    const e1 = ev('ts', 5, 'CREDENTIAL', ago(30), { credentialId: 'cred-ts', id: 'x1' });
    const e2 = ev('js', 2, 'SELF_REPORTED', AS_OF, { id: 'x2' });
    // ts: 0.9 × 5 × 1 × 0.5 = 2.25; js: 1 × 2 × 0.6 × 1 = 1.2 → ts wins, coverage 2.25 / 4 = 0.5625
    const r = matchCandidate(cand('c', [e2, e1]), { requirements: [req('js', 4)] }, sim, halfLife, AS_OF).requirements[0];
    expect(r).toMatchObject({
      requirementId: 'r-js',
      skillId: 'js',
      via: 'NARROWER',
      matchedSkillId: 'ts',
      evidenceId: 'x1',
      credentialId: 'cred-ts',
      evidencedAt: e1.evidencedAt,
    });
    expect([r.coverage, r.strength, r.decay, r.sim]).toEqual([
      expect.closeTo(0.5625, 12),
      expect.closeTo(2.5, 12), // 5 × 1 × 0.5
      expect.closeTo(0.5, 12),
      0.9,
    ]);
  });

  it('NONE has null fields and decay 0', () => {
    const r = matchCandidate(cand('c', []), { requirements: [req('js', 4)] }, sim, halfLife, AS_OF).requirements[0];
    expect(r).toEqual({
      requirementId: 'r-js',
      skillId: 'js',
      coverage: 0,
      via: 'NONE',
      sim: 0,
      matchedSkillId: null,
      evidenceId: null,
      credentialId: null,
      strength: 0,
      decay: 0,
      evidencedAt: null,
    });
  });

  it.each([
    // equal sim × strength: better via first, then later evidencedAt, then smaller id
    ['EXACT beats NARROWER at equal value (4 × 0.9 = 0.9 × 4)', [ev('ts', 4, 'ASSESSMENT', AS_OF, { id: 'a' }), ev('js', 4, 'EXPERIENCE', AS_OF, { id: 'b' })], 'b'],
    // 4 × 0.5 (30 months, hl 30) = 2 = 2 × 1 (today)
    ['later evidencedAt wins', [ev('js', 4, 'ASSESSMENT', ago(30), { id: 'a' }), ev('js', 2, 'ASSESSMENT', AS_OF, { id: 'b' })], 'b'],
    ['smaller id wins', [ev('js', 4, 'ASSESSMENT', AS_OF, { id: 'z' }), ev('js', 4, 'CREDENTIAL', AS_OF, { id: 'y' })], 'y'],
  ])('tie: %s', (_name, evidence, winner) => {
    const m = matchCandidate(cand('c', evidence), { requirements: [req('js', 4)] }, sim, halfLife, AS_OF);
    expect(m.requirements[0].evidenceId).toBe(winner);
  });
});

describe('score, mandatory and ranking', () => {
  /*
   * Job: js level 4, weight 2, mandatory; comm level 3, weight 1.  Σ weight = 3.
   *   c1: js 4 ASSESSMENT (1), comm 3 ASSESSMENT (1)        → score (2·1 + 1·1)/3 = 1,       meets
   *   c2: js 2 SELF_REPORTED (1.2/4 = 0.3 < 0.6), comm 3 (1) → score (2·0.3 + 1)/3 = 0.5333…, fails
   *   c3: js 3 EXPERIENCE (2.7/4 = 0.675 ≥ 0.6)               → score (2·0.675)/3 = 0.45,    meets
   *   c0: same as c3                                          → 0.45, meets (tie: c0 before c3)
   *   c4: nothing                                             → 0, fails
   *   c5: like c1 but not discoverable                        → never ranked
   * Order: c1, c0, c3 (meet mandatory), then c2 (higher score but fails), c4.
   */
  const job = { requirements: [req('js', 4, 2, true), req('comm', 3, 1)] };
  const candidates = [
    cand('c3', [ev('js', 3, 'EXPERIENCE')]),
    cand('c2', [ev('js', 2, 'SELF_REPORTED'), ev('comm', 3)]),
    cand('c5', [ev('js', 4), ev('comm', 3)], false),
    cand('c1', [ev('js', 4), ev('comm', 3)]),
    cand('c4', []),
    cand('c0', [ev('js', 3, 'EXPERIENCE')]),
  ];
  const rank = (o: Parameters<typeof rankCandidates>[6]) => rankCandidates(candidates, job, sim, halfLife, AS_OF, DEFAULT_MATCH_CONFIG, o);
  const summary = (r: ReturnType<typeof rank>) => r.items.map((m) => [m.candidateId, Number(m.score.toFixed(12)), m.meetsMandatory]);

  it('orders meetsMandatory first, then score desc, then id asc', () => {
    const r = rank({ first: 10 });
    expect(summary(r)).toEqual([
      ['c1', 1, true],
      ['c0', 0.45, true],
      ['c3', 0.45, true],
      ['c2', 0.533333333333, false],
      ['c4', 0, false],
    ]);
    expect([r.totalCount, r.hasNextPage]).toEqual([5, false]);
  });

  it.each([
    // [first, after (id of an item of the full ranking), minScore, ids, totalCount, hasNextPage]
    [2, null, null, ['c1', 'c0'], 5, true],
    [2, 'c0', null, ['c3', 'c2'], 5, true],
    [2, 'c2', null, ['c4'], 5, false],
    [2, 'c4', null, [], 5, false],
    [0, null, null, [], 5, true],
    [10, null, 0.5, ['c1', 'c2'], 2, false], // 1 and 0.5333 ≥ 0.5
    // c0, c3: 3 × 0.9 = 2.7, / 4 = 0.675, × 2 = 1.35, / 3 = 0.45 — also exactly the double 0.45, so included
    [1, null, 0.45, ['c1'], 4, true],
  ])('first %d after %s minScore %s', (first, afterId, minScore, ids, total, hasNext) => {
    const full = rank({ first: 10 }).items;
    const after = afterId === null ? null : full.find((m) => m.candidateId === afterId);
    const r = rank({ first, after, minScore });
    expect([r.items.map((m) => m.candidateId), r.totalCount, r.hasNextPage]).toEqual([ids, total, hasNext]);
  });

  it('cursor taken from a previous page', () => {
    const p1 = rank({ first: 2 });
    const last = p1.items[p1.items.length - 1];
    expect(rank({ first: 2, after: last }).items.map((m) => m.candidateId)).toEqual(['c3', 'c2']);
  });

  it('an empty requirement list: score 0, everyone meets mandatory, order by id', () => {
    const r = rankCandidates(candidates, { requirements: [] }, sim, halfLife, AS_OF, DEFAULT_MATCH_CONFIG, { first: 10 });
    expect(summary(r)).toEqual([
      ['c0', 0, true],
      ['c1', 0, true],
      ['c2', 0, true],
      ['c3', 0, true],
      ['c4', 0, true],
    ]);
  });

  it('the mandatory threshold is configurable', () => {
    // threshold 0.3: c2's js coverage 0.3 now meets → c2 (0.5333) ranks before c0/c3 (0.45)
    const r = rankCandidates(candidates, job, sim, halfLife, AS_OF, resolveMatchConfig({ mandatoryThreshold: 0.3 }), { first: 3 });
    expect(r.items.map((m) => m.candidateId)).toEqual(['c1', 'c2', 'c0']);
  });

  it('rejects bad input', () => {
    expect(() => rank({ first: -1 })).toThrow(RangeError);
    expect(() => matchCandidate(cand('c', []), { requirements: [req('js', 0)] }, sim, halfLife, AS_OF)).toThrow(RangeError);
  });
});

describe('skill gap', () => {
  /*
   * Job: sql 3 w1, go 3 w2, comm 3 w1, rust 5 w3, node 2 w1.
   *   sql : no evidence                                  → MISSING,     coverage 0,   shortfall 1
   *   go  : credential go 5, expired yesterday           → EXPIRED,     coverage 0,   shortfall 2
   *   comm: comm 4 ASSESSMENT 60 months ago (hl 60)       → strength 2, coverage 2/3; fresh 4 ≥ 3 → DECAYED, shortfall 1/3
   *   rust: rust 3 ASSESSMENT today                       → coverage 3/5 = 0.6; fresh 3 < 5 → BELOW_LEVEL, shortfall 3 × 0.4 = 1.2
   *   node: node 2 today                                  → coverage 1, no gap
   * score = (0 + 0 + 2/3 + 3·0.6 + 1) / 8 = (0.6667 + 1.8 + 1) / 8 = 0.4333…
   * order by shortfall: go 2, rust 1.2, sql 1, comm 0.333
   */
  it('reasons and order', () => {
    const job = { requirements: [req('sql', 3, 1), req('go', 3, 2), req('comm', 3, 1), req('rust', 5, 3), req('node', 2, 1)] };
    const c = cand('c', [
      ev('go', 5, 'CREDENTIAL', ago(6), { expiresAt: new Date(T - DAY) }),
      ev('comm', 4, 'ASSESSMENT', ago(60)),
      ev('rust', 3),
      ev('node', 2),
    ]);
    const g = skillGap(c, job, sim, halfLife, AS_OF);
    expect(g.gaps.map((x) => [x.skillId, x.reason, Number(x.coverage.toFixed(12)), Number(x.shortfall.toFixed(12))])).toEqual([
      ['go', 'EXPIRED', 0, 2],
      ['rust', 'BELOW_LEVEL', 0.6, 1.2],
      ['sql', 'MISSING', 0, 1],
      ['comm', 'DECAYED', 0.666666666667, 0.333333333333],
    ]);
    expect(g.score).toBeCloseTo((2 / 3 + 1.8 + 1) / 8, 12);
  });

  // requirement sql level 3 against these pieces of evidence
  it.each([
    ['nothing', [], 'MISSING'],
    ['only future evidence', [ev('sql', 5, 'ASSESSMENT', new Date(T + DAY))], 'MISSING'],
    ['only a revoked credential', [ev('sql', 5, 'CREDENTIAL', AS_OF, { verification: 'REVOKED' })], 'MISSING'],
    ['expiry on the instant asOf', [ev('sql', 5, 'CREDENTIAL', ago(1), { expiresAt: AS_OF })], 'EXPIRED'],
    ['expired + revoked', [ev('sql', 5, 'CREDENTIAL', ago(1), { expiresAt: AS_OF }), ev('sql', 5, 'CREDENTIAL', AS_OF, { verification: 'FAILED' })], 'EXPIRED'],
    // a live self-report (1 × 3 × 0.6 = 1.8 < 3) takes precedence over an expired credential
    ['expired + weak live', [ev('sql', 5, 'CREDENTIAL', ago(1), { expiresAt: AS_OF }), ev('sql', 3, 'SELF_REPORTED')], 'BELOW_LEVEL'],
    // 3 × 1 at 30 months = 1.5 (coverage 0.5); fresh 3 ≥ 3
    ['exactly at level, decayed', [ev('sql', 3, 'ASSESSMENT', ago(30))], 'DECAYED'],
    // fresh 2.7 (3 × 0.9) < 3 even without decay
    ['experience at level', [ev('sql', 3, 'EXPERIENCE', ago(30))], 'BELOW_LEVEL'],
    // weak fresh (1.8) + strong decayed (5 at 2 half-lives = 1.25): the strong one fresh would be 5 ≥ 3
    ['strong decayed + weak fresh', [ev('sql', 5, 'ASSESSMENT', ago(60)), ev('sql', 3, 'SELF_REPORTED')], 'DECAYED'],
  ])('%s → %s', (_name, evidence, reason) => {
    const g = skillGap(cand('c', evidence), { requirements: [req('sql', 3)] }, sim, halfLife, AS_OF);
    expect(g.gaps.map((x) => x.reason)).toEqual([reason]);
  });

  it('via the taxonomy: narrower evidence that would be enough fresh is DECAYED', () => {
    // ts 5 → js: 0.9 × 5 = 4.5 ≥ 4 fresh; 30 months later 2.25 → coverage 0.5625
    const g = skillGap(cand('c', [ev('ts', 5, 'ASSESSMENT', ago(30))]), { requirements: [req('js', 4)] }, sim, halfLife, AS_OF);
    expect(g.gaps).toEqual([{ requirementId: 'r-js', skillId: 'js', coverage: expect.closeTo(0.5625, 12), weight: 1, shortfall: expect.closeTo(0.4375, 12), reason: 'DECAYED' }]);
  });

  it('a fresh neighbour at the level is BELOW_LEVEL (it is not the skill), a decayed one DECAYED', () => {
    const fresh = skillGap(cand('c', [ev('ts', 5)]), { requirements: [req('js', 4)] }, sim, halfLife, AS_OF);
    expect(fresh.gaps).toEqual([{ requirementId: 'r-js', skillId: 'js', coverage: 0.9, weight: 1, shortfall: expect.closeTo(0.1, 12), reason: 'BELOW_LEVEL' }]);
  });

  it('the sibling case of the issue: similarity 0.45 × strength 4.48 at level 2 covers 0.45, not 1', () => {
    // py → js is a sibling (0.45); ASSESSMENT 5 decayed to 4.48 ≈ 5 × 0.5^(months / 30)
    const months = 30 * Math.log2(5 / 4.48);
    const m = matchCandidate(cand('c', [ev('py', 5, 'ASSESSMENT', ago(months))]), { requirements: [req('js', 2, 1, true)] }, sim, halfLife, AS_OF);
    expect(m.requirements[0]).toMatchObject({ via: 'RELATED', sim: 0.45, coverage: 0.45 });
    expect(m.requirements[0].strength).toBeCloseTo(4.48, 10);
    expect(m.meetsMandatory).toBe(false);
  });

  it('no gaps when everything is covered', () => {
    expect(skillGap(cand('c', [ev('sql', 3)]), { requirements: [req('sql', 3)] }, sim, halfLife, AS_OF).gaps).toEqual([]);
  });
});

describe('skill profile', () => {
  it('one entry per skill: its strongest evidence at asOf', () => {
    const evidence = [
      ev('js', 3, 'ASSESSMENT', ago(30), { id: 'p1' }), // 3 × 1 × 0.5 = 1.5
      ev('js', 2, 'SELF_REPORTED', AS_OF, { id: 'p2' }), // 2 × 0.6 = 1.2
      ev('go', 5, 'CREDENTIAL', ago(12), { id: 'p3', expiresAt: new Date(T - DAY), credentialId: 'cred-go' }), // expired: 0
      ev('comm', 4, 'EXPERIENCE', new Date(T + DAY), { id: 'p4' }), // future: not in the profile
      ev('comm', 2, 'EXPERIENCE', ago(60), { id: 'p5' }), // 2 × 0.9 × 0.5 (hl 60) = 0.9
    ];
    const p = skillProfile(evidence, halfLife, AS_OF);
    expect(p.map((s) => [s.skillId, s.level, Number(s.strength.toFixed(12)), s.source, s.evidenceId, s.lastEvidencedAt.toISOString()])).toEqual([
      ['js', 3, 1.5, 'ASSESSMENT', 'p1', AS_OF.toISOString()], // last evidenced: p2 today
      ['comm', 2, 0.9, 'EXPERIENCE', 'p5', ago(60).toISOString()],
      ['go', 5, 0, 'CREDENTIAL', 'p3', ago(12).toISOString()],
    ]);
    expect(p[2].credentialId).toBe('cred-go');
  });
});
