/**
 * A cycle in a directed graph, as the list of nodes on it (first repeated at the end), or null.
 * Iterative depth-first search, so deep chains do not overflow the stack.
 */
export function findCycle<K>(starts: Iterable<K>, next: (node: K) => readonly K[]): K[] | null {
  const state = new Map<K, 1 | 2>(); // 1: on the current path, 2: done
  for (const start of starts) {
    if (state.has(start)) continue;
    const stack: { node: K; i: number }[] = [{ node: start, i: 0 }];
    state.set(start, 1);
    while (stack.length) {
      const top = stack[stack.length - 1];
      const edges = next(top.node);
      if (top.i < edges.length) {
        const child = edges[top.i++];
        const s = state.get(child);
        if (s === 1) {
          const from = stack.findIndex((f) => f.node === child);
          return [...stack.slice(from).map((f) => f.node), child];
        }
        if (s === undefined) {
          state.set(child, 1);
          stack.push({ node: child, i: 0 });
        }
      } else {
        state.set(top.node, 2);
        stack.pop();
      }
    }
  }
  return null;
}

/**
 * The nodes in an order where every node comes after those it points to (`before(node)` lists
 * the nodes that must come first), keeping the given order otherwise. Nodes outside `ordered`
 * are ignored; assumes no cycle.
 */
export function orderAfter<K>(ordered: readonly K[], before: (node: K) => readonly K[]): K[] {
  const members = new Set(ordered);
  const done = new Set<K>();
  const out: K[] = [];
  const place = (node: K) => {
    const frame = (n: K) => ({ node: n, deps: before(n).filter((d) => members.has(d)), i: 0 });
    const stack = [frame(node)];
    const onPath = new Set<K>([node]);
    while (stack.length) {
      const top = stack[stack.length - 1];
      if (top.i < top.deps.length) {
        const d = top.deps[top.i++];
        if (done.has(d) || onPath.has(d)) continue;
        onPath.add(d);
        stack.push(frame(d));
      } else {
        stack.pop();
        onPath.delete(top.node);
        done.add(top.node);
        out.push(top.node);
      }
    }
  };
  for (const node of ordered) if (!done.has(node)) place(node);
  return out;
}
