import { SkillGraph, TaxonomyInput } from './skill-graph';
import { DEFAULT_SIMILARITY_CONFIG, PREVIOUS_SIMILARITY_CONFIG, relatedStep, resolveSimilarityConfig } from './similarity-config';
import { MatchVia, SimilarityIndex } from './similarity';

/*
 * Same hand-drawn taxonomy as skill-graph.spec.ts:
 *
 *          A
 *         / \
 *        B   C          broader edges point up (child → parent)
 *       / \   \
 *      D   E   F
 *      |
 *      G
 *
 *   related: D → H 0.5, B → I 1, I → B 0.2 (B↔I: max 1), H → J 1
 *
 * Defaults: narrower step 0.9, broader step 0.5, related step 0.5 + 0.3·w
 *   (w = 1 → 0.8, w = 0.5 → 0.65), floor 0.2, at most 3 hops.
 */
const TAXONOMY: TaxonomyInput = {
  skills: 'ABCDEFGHIJ'.split('').map((id) => ({ id, category: 'TECHNICAL' as const, halfLifeMonths: null })),
  broader: [
    ['B', 'A'],
    ['C', 'A'],
    ['D', 'B'],
    ['E', 'B'],
    ['F', 'C'],
    ['G', 'D'],
  ],
  related: [
    ['D', 'H', 0.5],
    ['B', 'I', 1],
    ['I', 'B', 0.2],
    ['H', 'J', 1],
  ],
};

type Row = [string, number, MatchVia];

describe('similarTo on the hand-drawn graph (defaults)', () => {
  const index = new SimilarityIndex(SkillGraph.fromTaxonomy(TAXONOMY), PREVIOUS_SIMILARITY_CONFIG);

  const cases: [string, Row[]][] = [
    [
      'B',
      [
        ['B', 1, 'EXACT'],
        ['D', 0.9, 'NARROWER'], // 1 down
        ['E', 0.9, 'NARROWER'],
        ['G', 0.81, 'NARROWER'], // 2 down: 0.9 × 0.9
        ['I', 0.8, 'RELATED'], // related w = 1: 0.5 + 0.3 × 1
        ['H', 0.585, 'RELATED'], // down to D 0.9 × related w 0.5 (0.65) = 0.585
        ['J', 0.468, 'RELATED'], // 0.585 × related w 1 (0.8) = 0.468 (3 hops)
        ['A', 0.5, 'BROADER'], // 1 up
        ['C', 0.45, 'RELATED'], // sibling: up 0.5 × down 0.9
        ['F', 0.405, 'RELATED'], // up 0.5 × down 0.9 × down 0.9
      ],
    ],
    [
      'G',
      [
        ['G', 1, 'EXACT'],
        ['D', 0.5, 'BROADER'], // 1 up
        ['B', 0.25, 'BROADER'], // 2 up; A at 3 up = 0.125 < floor → absent
        ['E', 0.225, 'RELATED'], // up, up, down: 0.25 × 0.9
        ['H', 0.325, 'RELATED'], // up 0.5 × related w 0.5 (0.65)
        ['J', 0.26, 'RELATED'], // 0.325 × 0.8
        ['I', 0.2, 'RELATED'], // up, up, related w 1: 0.25 × 0.8 = 0.2 = floor (kept: cut is strictly below)
      ],
    ],
    [
      'A',
      [
        ['A', 1, 'EXACT'],
        ['B', 0.9, 'NARROWER'],
        ['C', 0.9, 'NARROWER'],
        ['D', 0.81, 'NARROWER'],
        ['E', 0.81, 'NARROWER'],
        ['F', 0.81, 'NARROWER'],
        ['G', 0.729, 'NARROWER'], // 3 down
        ['I', 0.72, 'RELATED'], // down 0.9 × related 0.8
        ['H', 0.5265, 'RELATED'], // 0.81 × 0.65 (3 hops; J would be a 4th hop)
      ],
    ],
    [
      'J',
      [
        ['J', 1, 'EXACT'],
        ['H', 0.8, 'RELATED'], // related w 1
        ['D', 0.52, 'RELATED'], // 0.8 × 0.65
        ['B', 0.26, 'RELATED'], // 0.52 × up 0.5
        ['G', 0.468, 'RELATED'], // 0.52 × down 0.9
      ],
    ],
    [
      'H',
      [
        ['H', 1, 'EXACT'],
        ['D', 0.65, 'RELATED'], // related w 0.5
        ['J', 0.8, 'RELATED'], // related w 1
        ['G', 0.585, 'RELATED'], // 0.65 × down 0.9
        ['B', 0.325, 'RELATED'], // 0.65 × up 0.5
        ['E', 0.2925, 'RELATED'], // 0.325 × down 0.9
        ['I', 0.26, 'RELATED'], // 0.325 × related 0.8
        ['A', 0, 'NONE'], // 0.325 × up 0.5 = 0.1625 < floor
      ],
    ],
    ['nope', [['nope', 1, 'EXACT']]], // unknown required skill: only itself
  ];

  it.each(cases)('similarTo(%s)', (required, rows) => {
    const map = index.similarTo(required);
    const expected = rows.filter((r) => r[2] !== 'NONE');
    expect(map.size).toBe(expected.length);
    for (const [skill, sim, via] of expected) {
      const e = map.get(skill);
      expect(e?.via).toBe(via);
      expect(e?.sim).toBeCloseTo(sim, 12);
    }
    // rows marked NONE are absent
    for (const [skill] of rows.filter((r) => r[2] === 'NONE')) expect(map.get(skill)).toBeUndefined();
  });

  it('sim / via helpers', () => {
    expect([index.sim('D', 'B'), index.via('D', 'B'), index.sim('A', 'G'), index.via('A', 'G')]).toEqual([0.9, 'NARROWER', 0, 'NONE']);
  });
});

describe('ordering NARROWER > RELATED > BROADER at equal distance, every weight', () => {
  // chains R –k steps– X of a single kind
  const weights = [1e-9, 0.01, 0.2, 0.5, 0.99, 1];
  const chain = (kind: 'down' | 'up' | 'related', hops: number, w: number): number => {
    const skills = Array.from({ length: hops + 1 }, (_, i) => ({ id: `n${i}`, category: 'TECHNICAL' as const, halfLifeMonths: null }));
    const broader: [string, string][] = [];
    const related: [string, string, number][] = [];
    for (let i = 0; i < hops; i++) {
      if (kind === 'down') broader.push([`n${i + 1}`, `n${i}`]); // n(i+1) narrower than n(i)
      if (kind === 'up') broader.push([`n${i}`, `n${i + 1}`]);
      if (kind === 'related') related.push([`n${i}`, `n${i + 1}`, w]);
    }
    return new SimilarityIndex(SkillGraph.fromTaxonomy({ skills, broader, related }), PREVIOUS_SIMILARITY_CONFIG).sim(`n${hops}`, 'n0');
  };

  it.each(weights.flatMap((w) => [1, 2, 3].map((h) => [w, h] as const)))('w = %d, %d hop(s)', (w, hops) => {
    const n = chain('down', hops, w);
    const r = chain('related', hops, w);
    const b = chain('up', hops, w);
    // exact expectations: 0.9^h, (0.5 + 0.3w)^h, 0.5^h — each cut to 0 below 0.2
    const cut = (x: number): number => (x >= 0.2 ? x : 0);
    expect(n).toBeCloseTo(cut(0.9 ** hops), 12);
    expect(r).toBeCloseTo(cut((0.5 + 0.3 * w) ** hops), 12);
    expect(b).toBeCloseTo(cut(0.5 ** hops), 12);
    expect(n).toBeGreaterThan(r);
    if (b > 0) expect(r).toBeGreaterThan(b);
    else expect(r).toBeGreaterThanOrEqual(b);
  });
});

describe('via rule and tie precedence', () => {
  it('an exact tie between an UP-only walk and a mixed walk reports RELATED (precedence NARROWER, RELATED, BROADER)', () => {
    // narrowerStep 1: X → child C (1) → C's other parent P (0.5) = 0.5 = X → P directly (up, 0.5)
    const g = SkillGraph.fromTaxonomy({
      skills: ['X', 'C', 'P'].map((id) => ({ id, category: 'TECHNICAL' as const, halfLifeMonths: null })),
      broader: [
        ['C', 'X'],
        ['C', 'P'],
        ['X', 'P'],
      ],
      related: [],
    });
    const idx = new SimilarityIndex(g, { ...PREVIOUS_SIMILARITY_CONFIG, narrowerStep: 1, relatedMax: 0.9 });
    expect(idx.similarTo('X').get('P')).toEqual({ sim: 0.5, via: 'RELATED' });
    expect(idx.similarTo('X').get('C')).toEqual({ sim: 1, via: 'NARROWER' });
  });

  it('the best walk wins even if longer: a 2-hop narrower (0.81) beats a 1-hop related of weight 0.5 (0.65)', () => {
    const g = SkillGraph.fromTaxonomy({
      skills: ['R', 'M', 'L'].map((id) => ({ id, category: 'TECHNICAL' as const, halfLifeMonths: null })),
      broader: [
        ['M', 'R'],
        ['L', 'M'],
      ],
      related: [['R', 'L', 0.5]],
    });
    expect(new SimilarityIndex(g, PREVIOUS_SIMILARITY_CONFIG).similarTo('R').get('L')).toEqual({ sim: 0.9 * 0.9, via: 'NARROWER' });
  });
});

describe('SimilarityIndex cache', () => {
  it('returns the same map until the graph changes, then recomputes', () => {
    const g = SkillGraph.fromTaxonomy(TAXONOMY);
    const idx = new SimilarityIndex(g, PREVIOUS_SIMILARITY_CONFIG);
    const m1 = idx.similarTo('B');
    expect(idx.similarTo('B')).toBe(m1);
    expect(idx.cacheSize).toBe(1);
    g.upsertRelated('B', 'F', 1);
    const m2 = idx.similarTo('B');
    expect(m2).not.toBe(m1);
    // F: before 0.405 via the sibling path, now related w = 1 → 0.8
    expect([m1.get('F')?.sim, m2.get('F')]).toEqual([0.5 * 0.9 * 0.9, { sim: 0.8, via: 'RELATED' }]);
    expect(idx.cacheSize).toBe(1);
  });
});

describe('similarity config', () => {
  it('defaults are documented in one place', () => {
    // calibrated on ESCO by npm run bench:match-quality (see similarity-config.ts)
    expect(DEFAULT_SIMILARITY_CONFIG).toEqual({ narrowerStep: 0.85, relatedMin: 0.6, relatedMax: 0.8, broaderStep: 0.4, floor: 0.35, maxHops: 2 });
    expect(relatedStep(DEFAULT_SIMILARITY_CONFIG, 0.5)).toBeCloseTo(0.7, 15);
    expect(resolveSimilarityConfig()).toEqual(DEFAULT_SIMILARITY_CONFIG);
  });

  it('the defaults on a small taxonomy: 2 hops, siblings and two broader steps cut by the floor', () => {
    const g = SkillGraph.fromTaxonomy({
      skills: ['P', 'A', 'B', 'A1', 'A11', 'R', 'GP'].map((id) => ({ id, category: 'TECHNICAL' as const, halfLifeMonths: null })),
      broader: [['A', 'P'], ['B', 'P'], ['A1', 'A'], ['A11', 'A1'], ['P', 'GP']],
      related: [['A', 'R', 0.8]],
    });
    const m = new SimilarityIndex(g).similarTo('A');
    expect([...m.entries()].sort()).toEqual([
      ['A', { sim: 1, via: 'EXACT' }],
      ['A1', { sim: 0.85, via: 'NARROWER' }],
      ['A11', { sim: 0.85 * 0.85, via: 'NARROWER' }],
      ['P', { sim: 0.4, via: 'BROADER' }],
      ['R', { sim: 0.6 + 0.2 * 0.8, via: 'RELATED' }],
    ]); // B (sibling 0.4 × 0.85 = 0.34) and GP (0.16) below the floor 0.35
  });

  it.each([
    [{ broaderStep: 0.65 }], // broader above relatedMin
    [{ relatedMax: 0.95 }], // related above narrower
    [{ relatedMin: 0.8 }], // relatedMin = relatedMax
    [{ narrowerStep: 1.1 }],
    [{ floor: 0 }],
    [{ maxHops: 1.5 }],
  ])('rejects %j', (o) => {
    expect(() => resolveSimilarityConfig(o)).toThrow(RangeError);
  });

  it('maxHops and floor are honoured', () => {
    const g = SkillGraph.fromTaxonomy(TAXONOMY);
    const one = new SimilarityIndex(g, { ...PREVIOUS_SIMILARITY_CONFIG, maxHops: 1 }).similarTo('B');
    expect([...one.keys()].sort()).toEqual(['A', 'B', 'D', 'E', 'I']);
    const high = new SimilarityIndex(g, { ...PREVIOUS_SIMILARITY_CONFIG, floor: 0.85 }).similarTo('B');
    expect([...high.keys()].sort()).toEqual(['B', 'D', 'E']);
  });
});
