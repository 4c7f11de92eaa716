import { FragmentDefinitionNode, Kind, OperationDefinitionNode, parse } from 'graphql';
import { containsNul, operationDepth } from './query-limits';

function depthOf(query: string): number {
  const doc = parse(query);
  const operation = doc.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  const fragments = new Map(doc.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]));
  return operationDepth(operation, fragments);
}

describe('operationDepth', () => {
  it.each([
    ['{ a }', 1],
    ['{ a { b } }', 2],
    ['{ a { b { c } } d }', 3],
    ['{ a { __typename } }', 1],
    ['{ __schema { types { fields { type { ofType { ofType { ofType { name } } } } } } } }', 0],
    ['{ a { ... on T { b { c } } } }', 3],
    ['{ a { ...F } } fragment F on T { b { ...G } } fragment G on T { c { d } }', 4],
    ['{ x: a { b } y: a { b { c { d } } } }', 4],
  ])('%s is %i deep', (query, depth) => {
    expect(depthOf(query)).toBe(depth);
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
