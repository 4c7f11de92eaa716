import { buildSchema, getIntrospectionQuery, Kind, OperationDefinitionNode, parse } from 'graphql';
import { ComplexityEstimator } from 'graphql-query-complexity';
import { measureOperation, OperationMeasure } from './operation-measure';
import { complexityEstimator, containsNul } from './query-limits';

const schema = buildSchema(`
  type Query { a: Skill x: Skill list(first: Int): [Skill] rankCandidates(first: Int): [Skill] u: U }
  type Mutation { m: Skill }
  type Skill { b: Skill c: Skill d: Skill name: String narrower: [Skill] }
  type V { name: String more: Skill }
  union U = Skill | V
`);

function measure(query: string, variables?: Record<string, unknown>, estimator: ComplexityEstimator = complexityEstimator): OperationMeasure {
  const doc = parse(query);
  const operation = doc.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  return measureOperation(schema, doc, operation, variables, estimator);
}

/** `fragment F<i> on Skill { ...F<i-1> ...F<i-1> }`, `levels` deep: 2^levels fields once expanded. */
function doubling(levels: number): string {
  const fragments = [`fragment F0 on Skill { name b { name } }`];
  for (let i = 1; i <= levels; i++) fragments.push(`fragment F${i} on Skill { ...F${i - 1} ...F${i - 1} }`);
  return `{ a { ...F${levels} } } ${fragments.join(' ')}`;
}

describe('measureOperation: depth', () => {
  it.each([
    ['{ a { name } }', 2],
    ['{ a { b { c { name } } } x { name } }', 4],
    ['{ a { __typename } }', 1],
    ['{ a { ... on Skill { b { name } } } }', 3],
    ['{ a { ...F } } fragment F on Skill { b { ...G } } fragment G on Skill { c { name } }', 4],
    ['{ p: a { name } q: a { b { c { d { name } } } } }', 5],
    ['{ a @skip(if: true) { b { c { name } } } x { name } }', 2],
    // introspection counts, but the ofType wrapper chain adds no level
    ['{ __schema { types { fields { type { ofType { ofType { ofType { name } } } } } } } }', 5],
    ['{ __schema { types { fields { type { fields { type { name } } } } } } }', 7],
  ])('%s is %i deep', (query, depth) => {
    expect(measure(query).depth).toBe(depth);
  });
});

describe('measureOperation: complexity, aliases, root fields', () => {
  it.each<[string, Record<string, unknown> | undefined, Partial<OperationMeasure>]>([
    ['{ a { name } }', undefined, { complexity: 2, aliases: 0, rootFields: 1 }],
    ['{ list(first: 7) { name } }', undefined, { complexity: 1 + 7 * 1 }],
    ['query($n: Int) { list(first: $n) { name } }', { n: 30 }, { complexity: 1 + 30 }],
    ['{ rankCandidates(first: 10) { name } }', undefined, { complexity: 50 + 10 }],
    ['{ a { narrower { name } } }', undefined, { complexity: 1 + (1 + 10) }],
    ['{ p: a { name } q: a { name } r: x { n: name } }', undefined, { complexity: 6, aliases: 4, rootFields: 3 }],
    ['{ ...R ...R } fragment R on Query { p: a { name } x { name } }', undefined, { complexity: 8, aliases: 2, rootFields: 4 }],
    // a union costs its most expensive member, as graphql-query-complexity counts
    ['{ u { ... on Skill { b { name } } ... on V { more { b { name } } } } }', undefined, { complexity: 1 + 3 }],
    // introspection is priced like any field
    ['{ __schema { types { name fields { name } } } }', undefined, { complexity: 1 + (1 + (1 + (1 + 10))) }],
  ])('%s', (query, variables, expected) => {
    expect(measure(query, variables)).toMatchObject(expected);
  });

  it('measures the doubling fragments 30 levels deep in one step per field node: 2^30 fields priced, not walked', () => {
    let calls = 0;
    const counting: ComplexityEstimator = (args) => {
      calls++;
      return complexityEstimator(args);
    };
    const m = measure(doubling(30), undefined, counting);
    expect(m.depth).toBe(3);
    expect(m.complexity).toBe(1 + 2 ** 30 * 3);
    expect(calls).toBe(4); // a, F0's name, b and b's name: each once
  });

  it('prices the standard introspection query (GraphiQL) within the budget, a fan-out through introspection over it', () => {
    const standard = measure(getIntrospectionQuery());
    expect(standard.depth).toBeLessThanOrEqual(10);
    expect(standard.complexity).toBeLessThan(5000);
    const fanOut = measure('{ __schema { types { fields { type { fields { type { fields { type { fields { name } } } } } } } } } }');
    expect(fanOut.complexity).toBeGreaterThan(5000);
  });
});

describe('containsNul', () => {
  it.each<[string, unknown, boolean]>([
    ['{ a(s: "fine") }', {}, false],
    ['{ a(s: "bad\\u0000") }', {}, true],
    ['query($s: String) { a(s: $s) }', { s: 'fine' }, false],
    ['query($s: String) { a(s: $s) }', { s: 'bad\u0000' }, true],
    ['query($s: [In]) { a(s: $s) }', { s: [{ deep: { er: ['x', 'y\u0000'] } }] }, true],
  ])('%s with %j: %s', (query, variables, expected) => {
    expect(containsNul(parse(query), variables)).toBe(expected);
  });
});
