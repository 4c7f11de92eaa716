import { SkillGraph, TaxonomyInput } from './skill-graph';

/*
 * Hand-drawn taxonomy (broader edges child → parent, related edges as stored):
 *
 *          A (DURABLE)
 *         / \
 *        B   C
 *       / \   \
 *      D   E   F
 *      |
 *      G (override 12 months)
 *
 *   related: D → H 0.5, B → I 1, I → B 0.2, H → J 1
 */
const TAXONOMY: TaxonomyInput = {
  skills: [
    { id: 'A', category: 'DURABLE', halfLifeMonths: null },
    { id: 'B', category: 'TECHNICAL', halfLifeMonths: null },
    { id: 'C', category: 'TECHNICAL', halfLifeMonths: null },
    { id: 'D', category: 'TECHNICAL', halfLifeMonths: null },
    { id: 'E', category: 'TECHNICAL', halfLifeMonths: null },
    { id: 'F', category: 'TECHNICAL', halfLifeMonths: null },
    { id: 'G', category: 'TECHNICAL', halfLifeMonths: 12 },
    { id: 'H', category: 'TECHNICAL', halfLifeMonths: null },
    { id: 'I', category: 'TECHNICAL', halfLifeMonths: null },
    { id: 'J', category: 'TECHNICAL', halfLifeMonths: null },
  ],
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

const build = (): SkillGraph => SkillGraph.fromTaxonomy(TAXONOMY);

describe('SkillGraph reads', () => {
  const g = build();

  it('counts', () => {
    expect([g.skillCount, g.broaderEdgeCount, g.relatedEdgeCount]).toEqual([10, 6, 4]);
  });

  it.each([
    ['A', [], ['B', 'C']],
    ['B', ['A'], ['D', 'E']],
    ['D', ['B'], ['G']],
    ['G', ['D'], []],
    ['H', [], []],
    ['nope', [], []],
  ])('%s: broaderOf %j, narrowerOf %j', (id, broader, narrower) => {
    expect(g.broaderOf(id)).toEqual(broader);
    expect(g.narrowerOf(id)).toEqual(narrower);
  });

  it.each([
    // both directions; B↔I stored twice (1 and 0.2): the larger weight
    ['B', [{ id: 'I', weight: 1 }]],
    ['I', [{ id: 'B', weight: 1 }]],
    ['D', [{ id: 'H', weight: 0.5 }]],
    ['H', [{ id: 'D', weight: 0.5 }, { id: 'J', weight: 1 }]],
    ['A', []],
  ])('relatedOf(%s)', (id, expected) => {
    expect(g.relatedOf(id)).toEqual(expected);
  });

  it.each([
    ['A', 60], // DURABLE default
    ['B', 30], // TECHNICAL default
    ['G', 12], // own override
  ])('halfLifeOf(%s) = %d', (id, hl) => {
    expect(g.halfLifeOf(id)).toBe(hl);
  });

  it('halfLifeOf throws for an unknown skill; category defaults are configurable', () => {
    expect(() => g.halfLifeOf('nope')).toThrow('unknown skill');
    const g2 = SkillGraph.fromTaxonomy(TAXONOMY, { categoryHalfLifeMonths: { TECHNICAL: 24 } });
    expect([g2.halfLifeOf('B'), g2.halfLifeOf('A'), g2.halfLifeOf('G')]).toEqual([24, 60, 12]);
  });

  it.each([
    // [child, parent, would create a cycle]
    ['A', 'A', true], // self loop
    ['A', 'B', true], // A is B's parent
    ['A', 'G', true], // A is an ancestor of G (G→D→B→A)
    ['B', 'G', true],
    ['G', 'A', false], // already an ancestor: a redundant edge, no cycle
    ['C', 'B', false], // sibling
    ['F', 'E', false],
    ['H', 'A', false],
    ['A', 'H', false],
    ['nope', 'A', false],
  ])('wouldCreateCycle(%s, %s) = %s', (child, parent, expected) => {
    expect(g.wouldCreateCycle(child, parent)).toBe(expected);
  });

  it.each([
    [0, ['B:0'], []],
    [
      1,
      ['B:0', 'A:1', 'D:1', 'E:1', 'I:1'],
      [
        { from: 'B', to: 'A', type: 'BROADER', weight: 1 },
        { from: 'D', to: 'B', type: 'BROADER', weight: 1 },
        { from: 'E', to: 'B', type: 'BROADER', weight: 1 },
        { from: 'B', to: 'I', type: 'RELATED', weight: 1 },
        { from: 'I', to: 'B', type: 'RELATED', weight: 0.2 },
      ],
    ],
    [
      2,
      ['B:0', 'A:1', 'D:1', 'E:1', 'I:1', 'C:2', 'G:2', 'H:2'],
      [
        { from: 'B', to: 'A', type: 'BROADER', weight: 1 },
        { from: 'C', to: 'A', type: 'BROADER', weight: 1 },
        { from: 'D', to: 'B', type: 'BROADER', weight: 1 },
        { from: 'E', to: 'B', type: 'BROADER', weight: 1 },
        { from: 'G', to: 'D', type: 'BROADER', weight: 1 },
        { from: 'B', to: 'I', type: 'RELATED', weight: 1 },
        { from: 'D', to: 'H', type: 'RELATED', weight: 0.5 },
        { from: 'I', to: 'B', type: 'RELATED', weight: 0.2 },
      ],
    ],
    // depth is clamped to 3: 9 == 3
    [9, ['B:0', 'A:1', 'D:1', 'E:1', 'I:1', 'C:2', 'G:2', 'H:2', 'F:3', 'J:3'], null],
  ])('neighborhood(B, %d)', (depth, nodes, edges) => {
    const n = g.neighborhood('B', depth);
    expect(n.nodes.map((x) => `${x.id}:${x.distance}`)).toEqual(nodes);
    if (edges !== null) expect(n.edges).toEqual(edges);
    else expect(n.edges).toHaveLength(10); // the whole graph: 6 broader + 4 related
  });

  it('neighborhood of an unknown skill is empty', () => {
    expect(g.neighborhood('nope', 2)).toEqual({ nodes: [], edges: [] });
  });
});

describe('SkillGraph mutations', () => {
  it('upsertSkill adds and updates, bumping the version', () => {
    const g = build();
    const v0 = g.version;
    g.upsertSkill({ id: 'K', category: 'DURABLE', halfLifeMonths: null });
    g.upsertSkill({ id: 'B', category: 'TECHNICAL', halfLifeMonths: 6 });
    expect([g.halfLifeOf('K'), g.halfLifeOf('B'), g.broaderOf('B'), g.version - v0]).toEqual([60, 6, ['A'], 2]);
  });

  it('setBroader replaces the parents', () => {
    const g = build();
    g.setBroader('D', ['C', 'E', 'C']);
    expect([g.broaderOf('D'), g.narrowerOf('B'), g.narrowerOf('C'), g.narrowerOf('E'), g.broaderEdgeCount]).toEqual([
      ['C', 'E'],
      ['E'],
      ['D', 'F'],
      ['D'],
      7, // 6 − D→B + D→C + D→E
    ]);
  });

  it.each([
    ['A', ['G']], // A is G's ancestor
    ['D', ['G']], // G is D's child
    ['D', ['D']],
    ['D', ['nope']],
  ])('setBroader(%s, %j) throws and changes nothing', (child, parents) => {
    const g = build();
    const v0 = g.version;
    expect(() => g.setBroader(child, parents)).toThrow();
    expect([g.broaderOf(child), g.version, g.broaderEdgeCount]).toEqual([TAXONOMY.broader.filter(([c]) => c === child).map(([, p]) => p), v0, 6]);
  });

  it('setRelated replaces the outgoing related edges only', () => {
    const g = build();
    g.setRelated('B', [
      { id: 'C', weight: 0.3 },
      { id: 'C', weight: 0.7 },
    ]);
    // B → I dropped, I → B (0.2) kept, B → C at the larger weight 0.7
    expect(g.relatedOf('B')).toEqual([
      { id: 'C', weight: 0.7 },
      { id: 'I', weight: 0.2 },
    ]);
    expect(g.relatedEdgeCount).toBe(4);
  });

  it.each([
    ['B', 'B', 0.5],
    ['B', 'C', 0],
    ['B', 'C', 1.5],
    ['B', 'nope', 0.5],
  ])('upsertRelated(%s, %s, %d) throws', (from, to, w) => {
    expect(() => build().upsertRelated(from, to, w)).toThrow();
  });

  it('upsertRelated / removeRelated', () => {
    const g = build();
    g.upsertRelated('C', 'E', 0.4);
    g.upsertRelated('C', 'E', 0.6);
    expect(g.relatedOf('E')).toEqual([{ id: 'C', weight: 0.6 }]);
    expect([g.removeRelated('C', 'E'), g.removeRelated('C', 'E'), g.relatedOf('E')]).toEqual([true, false, []]);
  });

  it('removeSkill drops the node and its edges', () => {
    const g = build();
    expect(g.removeSkill('D')).toBe(true);
    expect([g.has('D'), g.narrowerOf('B'), g.broaderOf('G'), g.relatedOf('H'), g.broaderEdgeCount, g.relatedEdgeCount]).toEqual([
      false,
      ['E'],
      [],
      [{ id: 'J', weight: 1 }],
      4, // D→B, G→D gone
      3, // D→H gone
    ]);
    expect(g.removeSkill('D')).toBe(false);
  });

  it('fromTaxonomy: cycles throw by default, or are skipped and reported', () => {
    const input: TaxonomyInput = { ...TAXONOMY, broader: [...TAXONOMY.broader, ['A', 'G']] };
    expect(() => SkillGraph.fromTaxonomy(input)).toThrow('cycle');
    const g = SkillGraph.fromTaxonomy(input, { skipCycles: true });
    expect([g.skippedBroaderEdges, g.broaderEdgeCount]).toEqual([[['A', 'G']], 6]);
  });

  it('fromTaxonomy: unknown ids and bad weights throw', () => {
    expect(() => SkillGraph.fromTaxonomy({ ...TAXONOMY, broader: [['A', 'Z']] })).toThrow('unknown skill Z');
    expect(() => SkillGraph.fromTaxonomy({ ...TAXONOMY, related: [['A', 'B', 0]] })).toThrow(RangeError);
  });
});

describe('SkillGraph scale', () => {
  it('builds 14,000 skills / 21,000 broader / 6,000 related edges at full-taxonomy scale', () => {
    // deterministic synthetic DAG: parents always have a smaller index
    let seed = 12345;
    const rnd = (n: number): number => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed % n;
    };
    const skills = Array.from({ length: 14000 }, (_, i) => ({
      id: `s${i}`,
      category: (i % 3 === 0 ? 'DURABLE' : 'TECHNICAL') as 'DURABLE' | 'TECHNICAL',
      halfLifeMonths: null,
    }));
    const broader: [string, string][] = [];
    const seen = new Set<string>();
    while (broader.length < 21000) {
      const c = 50 + rnd(13950);
      const p = rnd(c);
      const k = `${c}/${p}`;
      if (seen.has(k)) continue;
      seen.add(k);
      broader.push([`s${c}`, `s${p}`]);
    }
    const related: [string, string, number][] = [];
    while (related.length < 6000) {
      const a = rnd(14000);
      const b = rnd(14000);
      if (a !== b) related.push([`s${a}`, `s${b}`, (1 + rnd(100)) / 100]);
    }
    // build time is measured by bench/match-engine.bench.ts, not asserted here
    const g = SkillGraph.fromTaxonomy({ skills, broader, related });
    expect(g.skillCount).toBe(14000);
    expect(g.broaderEdgeCount).toBe(21000);
  });
});
