import { findCycle } from '../data-build/graph-checks';

/** [childId, parentId] */
export type BroaderEdge = readonly [string, string];

export interface AcyclicSelection {
  /** Incoming edges to write, deduplicated, in input order. */
  kept: BroaderEdge[];
  /** Incoming edges that would close a cycle (with `existing` and the edges kept before them), or self loops. */
  skipped: BroaderEdge[];
}

/**
 * Keeps the broader hierarchy a DAG: adds `incoming` edges, in input order, to a graph that already
 * holds `existing` (the edges in the database) and skips every edge that would close a cycle. When
 * the union is acyclic (the usual case) one linear check suffices.
 */
export function selectAcyclicEdges(existing: readonly BroaderEdge[], incoming: readonly BroaderEdge[]): AcyclicSelection {
  const seen = new Set<string>();
  const unique: BroaderEdge[] = [];
  const skipped: BroaderEdge[] = [];
  for (const edge of incoming) {
    const key = `${edge[0]}|${edge[1]}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (edge[0] === edge[1]) skipped.push(edge);
    else unique.push(edge);
  }
  if (findCycle([...existing, ...unique]) === null) return { kept: unique, skipped };

  const parents = new Map<string, string[]>();
  const link = (child: string, parent: string): void => {
    const list = parents.get(child);
    if (list) list.push(parent);
    else parents.set(child, [parent]);
  };
  for (const [child, parent] of existing) link(child, parent);
  const kept: BroaderEdge[] = [];
  for (const edge of unique) {
    const [child, parent] = edge;
    if (reaches(parents, parent, child)) {
      skipped.push(edge);
      continue;
    }
    link(child, parent);
    kept.push(edge);
  }
  return { kept, skipped };
}

/** Whether `target` is `from` or one of its ancestors. */
function reaches(parents: Map<string, string[]>, from: string, target: string): boolean {
  const stack = [from];
  const visited = new Set<string>();
  while (stack.length > 0) {
    const node = stack.pop() as string;
    if (node === target) return true;
    if (visited.has(node)) continue;
    visited.add(node);
    for (const parent of parents.get(node) ?? []) if (!visited.has(parent)) stack.push(parent);
  }
  return false;
}
