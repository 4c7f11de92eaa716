import { ConditionTree } from './ctdl-draft.types';
import { CtdlInputError } from './ctdl-input.error';
import { choose, describe as describeTree, ExistingCredential, minimumLeaves, planCtdlImport, simpleCount } from './ctdl-plan';
import { readCtdlDocument } from './ctdl-reader';
import { course, id, lit, node } from './ctdl.fixtures';

const leaf = (ref: string): ConditionTree => ({ kind: 'component', ref });
const group = (required: number, ...children: ConditionTree[]): ConditionTree => ({ kind: 'group', name: null, required, children });

describe('condition trees', () => {
  it.each<[string, ConditionTree, number | null, number, string[]]>([
    ['2 of 3 components', group(2, leaf('a'), leaf('b'), leaf('c')), 2, 2, ['a', 'b']],
    ['all of 3', group(3, leaf('a'), leaf('b'), leaf('c')), 3, 3, ['a', 'b', 'c']],
    ['nested all-of groups', group(2, group(2, leaf('a'), leaf('b')), leaf('c')), 3, 3, ['a', 'b', 'c']],
    ['a OR (b AND c)', group(1, leaf('a'), group(2, leaf('b'), leaf('c'))), null, 1, ['a']],
    ['(a AND b) OR c', group(1, group(2, leaf('a'), leaf('b')), leaf('c')), null, 1, ['a', 'b']],
    ['2 of [a, b OR c, d]', group(2, leaf('a'), group(1, leaf('b'), leaf('c')), leaf('d')), null, 2, ['a', 'b']],
  ])('%s: simple count %s, fewest %s, chosen %s', (_what, tree, simple, fewest, chosen) => {
    expect(simpleCount(tree)).toBe(simple);
    expect(minimumLeaves(tree)).toBe(fewest);
    expect(choose(tree)).toEqual(chosen);
  });

  it('describes a tree with component names', () => {
    const names = new Map(['a', 'b', 'c'].map((r) => [r, { ref: r, name: r.toUpperCase(), proxyFor: null, children: [], condition: null }]));
    expect(describeTree(group(1, leaf('a'), group(2, leaf('b'), leaf('c'))), names)).toBe('1 of ["A", all of ["B", "C"]]');
  });
});

const plan = (graph: unknown[], existing: Record<string, ExistingCredential> = {}) => planCtdlImport(readCtdlDocument([{ '@graph': graph }]), (ref) => existing[ref] ?? null);
const hoursCost = (h: number | null, price: number | null, currency = 'USD') => ({
  ...(h === null ? {} : { estimatedDuration: node(null, null, { exactDuration: lit(`PT${h}H`) }) }),
  ...(price === null ? {} : { estimatedCost: node(null, null, { price: lit(price), currency: lit(currency) }) }),
});

describe('planCtdlImport: hours and cost', () => {
  it.each<[string, unknown[], { hours: number; cost: number; currency: string | null }, string[]]>([
    ['own duration and cost', [course(1, hoursCost(10, 99))], { hours: 10, cost: 99, currency: 'USD' }, []],
    [
      'a program: the sum of its parts',
      [course(1, { hasPart: [id('https://example.org/c2'), id('https://example.org/c3')] }, 'LearningProgram'), course(2, hoursCost(10, 100)), course(3, hoursCost(20, 50))],
      { hours: 30, cost: 150, currency: 'USD' },
      [],
    ],
    [
      'a program whose parts are in the catalogue',
      [course(1, { hasPart: [id('x:old')] }, 'LearningProgram')],
      { hours: 7, cost: 70, currency: 'EUR' },
      [],
    ],
    [
      'parts in two currencies: no cost',
      [course(1, { hasPart: [id('https://example.org/c2'), id('https://example.org/c3')] }, 'LearningProgram'), course(2, hoursCost(10, 100)), course(3, hoursCost(20, 50, 'EUR'))],
      { hours: 30, cost: 0, currency: null },
      ["@graph[0] (ceterms:LearningProgram \"Course 1\") gives no cost and its parts' costs are in different currencies; 0 was recorded."],
    ],
    [
      'nothing given: defaults',
      [course(1, {}, 'Badge')],
      { hours: 10, cost: 0, currency: null },
      ['the resource (ceterms:Badge "Course 1") gives no duration; the default for a BADGE (10 h) was recorded.', 'the resource (ceterms:Badge "Course 1") gives no cost; 0 was recorded.'],
    ],
  ])('%s', (_what, graph, expected, warnings) => {
    const result = plan(graph, { 'x:old': { id: 'old', hours: 7, cost: 70, currency: 'EUR' } });
    expect(result.credentials[0]).toMatchObject(expected);
    expect(result.warnings).toEqual(warnings);
  });
});

describe('planCtdlImport: references', () => {
  it('resolves to the document first (by @id, CTID or a Registry IRI ending in the CTID), then the catalogue, else warns', () => {
    const result = plan(
      [
        course(1, {
          ...hoursCost(1, 1),
          entryCondition: node(null, null, { targetLearningOpportunity: [id('https://credentialengineregistry.org/resources/ce-00000000-0000-4000-8000-000000000002'), id('x:old'), id('x:gone')] }),
        }),
        course(2, hoursCost(1, 1)),
      ],
      { 'x:old': { id: 'old', hours: 1, cost: 1, currency: null } },
    );
    expect(result.credentials[0].prerequisites).toEqual([{ draft: 1 }, { existing: 'old' }]);
    expect(result.warnings).toEqual(['@graph[0] (ceterms:Course "Course 1") refers to x:gone, which is neither in the document nor in the catalogue; the reference was left out.']);
  });

  it('refuses a cycle of prerequisites', () => {
    const graph = [
      course(1, { ...hoursCost(1, 1), entryCondition: node(null, null, { targetLearningOpportunity: id('https://example.org/c2') }) }),
      course(2, { ...hoursCost(1, 1), entryCondition: node(null, null, { targetLearningOpportunity: id('https://example.org/c1') }) }),
    ];
    expect(() => plan(graph)).toThrow(new CtdlInputError('@graph[0] (ceterms:Course "Course 1")', 'its parts and prerequisites form a cycle: "Course 1" → "Course 2" → "Course 1"'));
  });

  it('refuses two resources with the same CTID', () => {
    const twin = course(2, { ...hoursCost(1, 1), ctid: lit('ce-00000000-0000-4000-8000-000000000001') });
    expect(() => plan([course(1, hoursCost(1, 1)), twin])).toThrow(
      new CtdlInputError('@graph[1] (ceterms:Course "Course 2")', 'describes the same resource (ce-00000000-0000-4000-8000-000000000001) as @graph[0] (ceterms:Course "Course 1")'),
    );
  });
});

describe('planCtdlImport: pathways', () => {
  const component = (ref: string, cls: string, props: Record<string, unknown>) => node(ref, cls, { name: lit(ref.slice(2)), ...props });
  const pathway = (destination: string) => node('x:pathway', 'Pathway', { ctid: lit('ce-p'), name: lit('P'), hasDestinationComponent: id(destination) });

  it('N of M over child components: the destination credential stacks from them; other children are prerequisites; steps children first', () => {
    const result = plan([
      pathway('x:dest'),
      component('x:dest', 'CredentialComponent', {
        proxyFor: id('https://example.org/c1'),
        hasChild: [id('x:pre'), id('x:a'), id('x:b'), id('x:c')],
        hasCondition: node(null, 'ComponentCondition', { requiredNumber: lit(2), targetComponent: [id('x:a'), id('x:b'), id('x:c')] }),
      }),
      component('x:pre', 'CredentialComponent', { proxyFor: id('https://example.org/c5') }),
      ...['a', 'b', 'c'].map((x, i) => component(`x:${x}`, 'CourseComponent', { proxyFor: id(`https://example.org/c${i + 2}`) })),
      ...[1, 2, 3, 4, 5].map((n) => course(n, hoursCost(n, n))),
    ]);
    expect(result.credentials[0]).toMatchObject({ components: [{ draft: 1 }, { draft: 2 }, { draft: 3 }], requiredComponents: 2, prerequisites: [{ draft: 4 }] });
    expect(result.pathways).toEqual([{ index: 0, steps: [{ draft: 4 }, { draft: 1 }, { draft: 2 }, { draft: 0 }] }]);
    expect(result.warnings).toEqual([]);
  });

  it('an OR of alternatives: the stack counts the fewest components, the template takes the first alternative, one warning', () => {
    const result = plan([
      pathway('x:dest'),
      component('x:dest', 'CredentialComponent', {
        proxyFor: id('https://example.org/c1'),
        hasCondition: node(null, null, {
          name: lit('a or (b and c)'),
          logicalOperator: id('logicalOperator:Or'),
          targetComponent: id('x:a'),
          hasCondition: node(null, null, { targetComponent: [id('x:b'), id('x:c')] }),
        }),
      }),
      ...['a', 'b', 'c'].map((x, i) => component(`x:${x}`, 'CourseComponent', { proxyFor: id(`https://example.org/c${i + 2}`) })),
      ...[1, 2, 3, 4].map((n) => course(n, hoursCost(n, n))),
    ]);
    expect(result.credentials[0]).toMatchObject({ requiredComponents: 1 });
    expect(result.credentials[0].components).toHaveLength(3);
    expect(result.pathways[0].steps).toEqual([{ draft: 1 }, { draft: 0 }]);
    expect(result.warnings).toEqual([
      '@graph[0] (ceterms:Pathway "P"): the condition of "dest" (1 of ["a", all of ["b", "c"]]) cannot be expressed as a count of components; "Course 1" counts any 1 of its 3 components and the template pathway takes "a".',
    ]);
  });
});
