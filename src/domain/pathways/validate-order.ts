import { OrderCredential, OrderViolation } from './pathway.types';

/**
 * The first prerequisite problem in a saved pathway, scanning the list in order: a credential
 * whose prerequisite is neither held nor earned earlier in the list (kind AFTER when it comes
 * later in the list, MISSING when it is absent). A stack listed as a step needs N of its
 * components earned first (the first unearned component is named). A stack that is not listed
 * counts as earned once N of its components and its prerequisites are, unless it has hours or
 * cost of its own (a capstone must be listed). Unknown credential ids have no prerequisites.
 * Null when the order is valid.
 */
export function findOrderViolation(
  orderedIds: readonly string[],
  catalogue: readonly OrderCredential[] | ReadonlyMap<string, OrderCredential>,
  heldIds: Iterable<string> = [],
): OrderViolation | null {
  const byId: ReadonlyMap<string, OrderCredential> = isMap(catalogue) ? catalogue : new Map(catalogue.map((c) => [c.id, c]));
  const lastIndex = new Map<string, number>();
  orderedIds.forEach((id, i) => lastIndex.set(id, i));
  const listed = new Set(orderedIds);
  const freeStacks = [...byId.values()].filter(
    (c) => (c.componentIds?.length ?? 0) > 0 && !listed.has(c.id) && !((c.hours ?? 0) > 0 || (c.cost ?? 0) > 0),
  );
  const earned = new Set(heldIds);
  closeStacks(earned, freeStacks);

  for (let i = 0; i < orderedIds.length; i++) {
    const id = orderedIds[i];
    if (earned.has(id)) continue;
    const c = byId.get(id);
    if (c) {
      const missing = c.prerequisiteIds.find((p) => !earned.has(p));
      if (missing !== undefined) return violation(id, missing, i, lastIndex);
      const components = c.componentIds ?? [];
      if (components.length > 0 && countEarned(components, earned) < required(c)) {
        const m = components.find((x) => !earned.has(x)) as string;
        return violation(id, m, i, lastIndex);
      }
    }
    earned.add(id);
    closeStacks(earned, freeStacks);
  }
  return null;
}

function violation(credentialId: string, prerequisiteId: string, position: number, lastIndex: ReadonlyMap<string, number>): OrderViolation {
  return { credentialId, prerequisiteId, kind: (lastIndex.get(prerequisiteId) ?? -1) > position ? 'AFTER' : 'MISSING' };
}

function closeStacks(earned: Set<string>, stacks: readonly OrderCredential[]): void {
  let changed = true;
  while (changed) {
    changed = false;
    for (const s of stacks) {
      if (earned.has(s.id)) continue;
      if (s.prerequisiteIds.every((p) => earned.has(p)) && countEarned(s.componentIds ?? [], earned) >= required(s)) {
        earned.add(s.id);
        changed = true;
      }
    }
  }
}

function required(c: OrderCredential): number {
  const m = c.componentIds?.length ?? 0;
  if (m === 0) return 0;
  return c.requiredComponents == null ? m : Math.max(1, Math.ceil(c.requiredComponents));
}

function countEarned(ids: readonly string[], earned: ReadonlySet<string>): number {
  let n = 0;
  for (const id of new Set(ids)) if (earned.has(id)) n++;
  return n;
}

function isMap(x: readonly OrderCredential[] | ReadonlyMap<string, OrderCredential>): x is ReadonlyMap<string, OrderCredential> {
  return !Array.isArray(x);
}
