/** Directed edge [from, to]. For "broader" edges: [child, parent]. */
export type Edge = readonly [string, string];

function adjacency(edges: readonly Edge[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [from, to] of edges) {
    const list = out.get(from);
    if (list) list.push(to);
    else out.set(from, [to]);
  }
  return out;
}

/** Returns one cycle as a node path (first node repeated at the end), or null if the graph is acyclic. */
export function findCycle(edges: readonly Edge[]): string[] | null {
  const out = adjacency(edges);
  const state = new Map<string, 'open' | 'done'>();
  for (const start of out.keys()) {
    if (state.has(start)) continue;
    // Iterative DFS: stack of [node, next child index]; `path` mirrors the open nodes.
    const stack: Array<[string, number]> = [[start, 0]];
    const path: string[] = [start];
    state.set(start, 'open');
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      const children = out.get(top[0]) ?? [];
      if (top[1] >= children.length) {
        state.set(top[0], 'done');
        stack.pop();
        path.pop();
        continue;
      }
      const child = children[top[1]++];
      const childState = state.get(child);
      if (childState === 'open') return [...path.slice(path.indexOf(child)), child];
      if (childState === undefined) {
        state.set(child, 'open');
        stack.push([child, 0]);
        path.push(child);
      }
    }
  }
  return null;
}

/** Throws with a readable cycle if `edges` contain one. */
export function assertAcyclic(edges: readonly Edge[], what: string, describe: (node: string) => string = (n) => n): void {
  const cycle = findCycle(edges);
  if (cycle) throw new Error(`${what} contains a cycle: ${cycle.map(describe).join(' -> ')}`);
}

/** All nodes reachable from `starts` (inclusive) following `next`. */
export function closure(starts: Iterable<string>, next: (node: string) => readonly string[]): Set<string> {
  const seen = new Set<string>();
  const stack = [...starts];
  while (stack.length > 0) {
    const node = stack.pop() as string;
    if (seen.has(node)) continue;
    seen.add(node);
    for (const neighbour of next(node)) if (!seen.has(neighbour)) stack.push(neighbour);
  }
  return seen;
}
