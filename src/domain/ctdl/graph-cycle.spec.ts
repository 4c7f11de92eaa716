import { findCycle, orderAfter } from './graph-cycle';

const graph = (edges: Record<string, string[]>) => (n: string) => edges[n] ?? [];

describe('findCycle', () => {
  it.each<[string, Record<string, string[]>, string[], string[] | null]>([
    ['no edges', {}, ['a', 'b'], null],
    ['a chain', { a: ['b'], b: ['c'] }, ['a'], null],
    ['a diamond', { a: ['b', 'c'], b: ['d'], c: ['d'] }, ['a'], null],
    ['a self loop', { a: ['a'] }, ['a'], ['a', 'a']],
    ['a three-cycle reached from outside', { x: ['a'], a: ['b'], b: ['c'], c: ['a'] }, ['x'], ['a', 'b', 'c', 'a']],
  ])('%s', (_what, edges, starts, cycle) => expect(findCycle(starts, graph(edges))).toEqual(cycle));

  it('follows a 100,000-long chain without overflowing the stack', () => {
    const next = (n: number) => (n < 100_000 ? [n + 1] : [0]);
    expect(findCycle([0], next)?.length).toBe(100_002);
  });
});

describe('orderAfter', () => {
  it.each<[string, string[], Record<string, string[]>, string[]]>([
    ['already in order', ['a', 'b', 'c'], { c: ['b'], b: ['a'] }, ['a', 'b', 'c']],
    ['reversed chain', ['c', 'b', 'a'], { c: ['b'], b: ['a'] }, ['a', 'b', 'c']],
    ['dependencies outside the list are ignored', ['b', 'a'], { b: ['z'], a: [] }, ['b', 'a']],
    ['independent nodes keep their order', ['x', 'c', 'y', 'a'], { c: ['a'] }, ['x', 'a', 'c', 'y']],
  ])('%s', (_what, ordered, edges, expected) => expect(orderAfter(ordered, graph(edges))).toEqual(expected));
});
