import { ComponentDraft, ConditionTree, CredentialDraft, CtdlDocument } from './ctdl-draft.types';
import { CtdlInputError } from './ctdl-input.error';
import { ctidInIri } from './ctdl-reader';
import { DEFAULT_HOURS } from './ctdl-vocabulary';
import { findCycle, orderAfter } from './graph-cycle';

/** A credential the document refers to without describing it, found in the catalogue. */
export interface ExistingCredential {
  id: string;
  hours: number;
  cost: number;
  currency: string | null;
}

/** A reference resolved: the n-th credential draft of the document, or a catalogue credential. */
export type Target = { draft: number } | { existing: string };

export interface PlannedCredential {
  draft: CredentialDraft;
  hours: number;
  cost: number;
  currency: string | null;
  components: Target[];
  requiredComponents: number | null;
  prerequisites: Target[];
}

export interface PlannedPathway {
  index: number;
  steps: Target[];
}

export interface CtdlImportPlan {
  credentials: PlannedCredential[];
  pathways: PlannedPathway[];
  warnings: string[];
}

const key = (t: Target): string => ('draft' in t ? `d${t.draft}` : `e${t.existing}`);

/**
 * Resolves the document's references (to its own drafts first, then to catalogue credentials via
 * `existing`), folds pathway structure into the credentials it names, and derives hours and cost:
 *  - hours: the resource's duration; else the sum of its parts' hours; else DEFAULT_HOURS by type
 *    (with a warning); calendar durations are converted at full-time rates (with a warning);
 *  - cost: its aggregate cost, or the sum of its cost profiles; else the sum of its parts' costs
 *    (when they share a currency); else 0 (with a warning);
 *  - a pathway component's condition over its children makes them the components of the
 *    credential it stands for (requiredComponents N when it says N of M); its other children become
 *    prerequisites; the template pathway lists the credentials, children before parents, taking
 *    the first alternatives of each condition.
 * Throws CtdlInputError for a cycle among parts or prerequisites, or a CTID used twice.
 */
export function planCtdlImport(doc: CtdlDocument, existing: (ref: string) => ExistingCredential | null): CtdlImportPlan {
  const warnings = [...doc.warnings];
  const byRef = new Map<string, number>();
  doc.credentials.forEach((d, i) => {
    const names = [d.iri, d.ctid, d.iri ? ctidInIri(d.iri) : null].filter((x): x is string => x !== null);
    for (const n of names) {
      const seen = byRef.get(n);
      if (seen !== undefined && seen !== i) throw new CtdlInputError(d.path, `describes the same resource (${n}) as ${doc.credentials[seen].path}`);
      byRef.set(n, i);
    }
  });
  const unresolved = new Set<string>();
  const resolve = (ref: string, from: string): Target | null => {
    const own = byRef.get(ref) ?? (ctidInIri(ref) ? byRef.get(ctidInIri(ref) as string) : undefined);
    if (own !== undefined) return { draft: own };
    const found = existing(ref);
    if (found) return { existing: found.id };
    if (!unresolved.has(`${from}|${ref}`)) {
      unresolved.add(`${from}|${ref}`);
      warnings.push(`${from} refers to ${ref}, which is neither in the document nor in the catalogue; the reference was left out.`);
    }
    return null;
  };
  const resolveAll = (refs: readonly string[], from: string, self: number): Target[] => {
    const out: Target[] = [];
    const seen = new Set<string>();
    for (const ref of refs) {
      const t = resolve(ref, from);
      if (!t || ('draft' in t && t.draft === self) || seen.has(key(t))) continue;
      seen.add(key(t));
      out.push(t);
    }
    return out;
  };

  const components = doc.credentials.map((d, i) => resolveAll(d.parts, d.path, i));
  const required = doc.credentials.map((d) => d.requiredParts);
  const prerequisites = doc.credentials.map((d, i) => resolveAll(d.prerequisites, d.path, i));

  const pathways = doc.pathways.map((p, index) => {
    const steps: Target[] = [];
    const stepKeys = new Set<string>();
    const visited = new Set<string>();
    const addStep = (t: Target) => {
      if (!stepKeys.has(key(t))) {
        stepKeys.add(key(t));
        steps.push(t);
      }
    };
    const componentTarget = (c: ComponentDraft): Target | null => (c.proxyFor ? resolve(c.proxyFor, `${p.path} component "${c.name}"`) : null);
    const visit = (ref: string) => {
      if (visited.has(ref)) return;
      visited.add(ref);
      const c = doc.components.get(ref);
      if (!c) {
        warnings.push(`${p.path} names the component ${ref}, which the document does not describe; it was left out.`);
        return;
      }
      const self = componentTarget(c);
      if (!self) warnings.push(`${p.path}: the component "${c.name}" stands for no credential, course or program skillstack imports; it is not a step.`);
      const inCondition = new Set(c.condition ? leaves(c.condition) : []);
      const chosen = c.condition ? choose(c.condition) : [];
      for (const child of c.children.filter((r) => !inCondition.has(r))) visit(child);
      for (const leaf of chosen) visit(leaf);
      const credentialOf = (r: string) => {
        const cc = doc.components.get(r);
        return cc ? componentTarget(cc) : null;
      };
      if (self && 'draft' in self) {
        const i = self.draft;
        const prereqs = c.children.filter((r) => !inCondition.has(r)).map(credentialOf).filter((t): t is Target => t !== null);
        prerequisites[i] = dedupe([...prerequisites[i], ...prereqs], i);
        if (c.condition) {
          const stackTargets = leaves(c.condition).map(credentialOf).filter((t): t is Target => t !== null);
          components[i] = dedupe([...components[i], ...stackTargets], i);
          const simple = simpleCount(c.condition);
          const count = simple ?? minimumLeaves(c.condition);
          required[i] = count >= components[i].length ? null : count;
          if (simple === null) {
            const picked = chosen.map((r) => `"${doc.components.get(r)?.name ?? r}"`).join(', ');
            warnings.push(
              `${p.path}: the condition of "${c.name}" (${describe(c.condition, doc.components)}) cannot be expressed as a count of components; "${doc.credentials[i].name}" counts any ${count} of its ${components[i].length} components and the template pathway takes ${picked}.`,
            );
          }
        }
      }
      if (self) addStep(self);
    };
    for (const child of p.children.filter((r) => !p.destinations.includes(r))) visit(child);
    for (const d of p.destinations) visit(d);
    return { index, steps };
  });

  // cycles among the document's own parts and prerequisites
  const edges = (i: number) => [...components[i], ...prerequisites[i]].filter((t): t is { draft: number } => 'draft' in t).map((t) => t.draft);
  const cycle = findCycle(
    doc.credentials.map((_, i) => i),
    edges,
  );
  if (cycle) throw new CtdlInputError(doc.credentials[cycle[0]].path, `its parts and prerequisites form a cycle: ${cycle.map((i) => `"${doc.credentials[i].name}"`).join(' → ')}`);

  // hours and cost, parts first
  const hours: number[] = [];
  const cost: { amount: number; currency: string | null }[] = [];
  const existingOf = (t: Target) => ('existing' in t ? existingById.get(t.existing) : undefined);
  const existingById = new Map<string, ExistingCredential>();
  const remember = (refs: readonly string[]) => {
    for (const r of refs) {
      const e = existing(r);
      if (e) existingById.set(e.id, e);
    }
  };
  doc.credentials.forEach((d) => remember([...d.parts, ...d.prerequisites]));
  for (const c of doc.components.values()) if (c.proxyFor) remember([c.proxyFor]);
  const order = orderAfter(
    doc.credentials.map((_, i) => i),
    (i) => components[i].filter((t): t is { draft: number } => 'draft' in t).map((t) => t.draft),
  );
  for (const i of order) {
    const d = doc.credentials[i];
    const known: { hours: number; amount: number; currency: string | null }[] = [];
    for (const t of components[i]) {
      if ('draft' in t) known.push({ hours: hours[t.draft], ...cost[t.draft] });
      else {
        const e = existingOf(t);
        if (e) known.push({ hours: e.hours, amount: e.cost, currency: e.currency });
      }
    }
    const partCosts = known;
    if (d.duration) {
      hours[i] = d.duration.hours;
      if (d.duration.calendar) warnings.push(`${d.path}: its duration is in calendar time; ${d.duration.hours} hours assumes full-time study (8 h a day, 40 a week, 160 a month, 1,600 a year).`);
    } else if (known.length > 0) {
      hours[i] = known.reduce((s, p) => s + p.hours, 0);
    } else {
      hours[i] = DEFAULT_HOURS[d.type];
      warnings.push(
        d.unreadableDuration
          ? `${d.path}: its duration "${d.unreadableDuration}" gives no hours; the default for a ${d.type} (${hours[i]} h) was recorded.`
          : `${d.path} gives no duration; the default for a ${d.type} (${hours[i]} h) was recorded.`,
      );
    }
    if (d.cost) cost[i] = { amount: d.cost.amount, currency: d.cost.currency };
    else if (partCosts.length > 0 && partCosts.every((p) => p.currency === partCosts[0].currency)) {
      cost[i] = { amount: partCosts.reduce((s, p) => s + p.amount, 0), currency: partCosts[0].currency };
    } else {
      cost[i] = { amount: 0, currency: null };
      warnings.push(
        partCosts.length > 0 ? `${d.path} gives no cost and its parts' costs are in different currencies; 0 was recorded.` : `${d.path} gives no cost; 0 was recorded.`,
      );
    }
  }

  const credentials = doc.credentials.map((draft, i) => ({
    draft,
    hours: hours[i],
    cost: cost[i].amount,
    currency: cost[i].currency,
    components: components[i],
    requiredComponents: required[i] !== null && required[i]! < components[i].length ? required[i] : null,
    prerequisites: prerequisites[i].filter((t) => !components[i].some((c) => key(c) === key(t))),
  }));
  for (const [i, c] of credentials.entries()) {
    if (c.draft.requiredParts !== null && c.components.length < c.draft.parts.length) {
      warnings.push(`${doc.credentials[i].path}: some of its parts are unknown, so "${c.requiredComponents ?? 'all'}" of ${c.components.length} components are required.`);
    }
  }
  const ordered = pathways.map((p) => ({
    index: p.index,
    steps: orderAfter(p.steps, (t) => ('draft' in t ? [...credentials[t.draft].prerequisites, ...credentials[t.draft].components] : [])),
  }));
  return { credentials, pathways: ordered, warnings };
}

function dedupe(targets: readonly Target[], self: number): Target[] {
  const seen = new Set<string>();
  return targets.filter((t) => {
    if (('draft' in t && t.draft === self) || seen.has(key(t))) return false;
    seen.add(key(t));
    return true;
  });
}

/** The components a condition tree mentions, in order. */
export function leaves(tree: ConditionTree): string[] {
  return tree.kind === 'component' ? [tree.ref] : [...new Set(tree.children.flatMap(leaves))];
}

/** N when the tree is "N of these components" (or nested "all of" groups), null otherwise. */
export function simpleCount(tree: ConditionTree): number | null {
  if (tree.kind === 'component') return 1;
  const allOf = (t: ConditionTree): boolean => t.kind === 'component' || (t.required === t.children.length && t.children.every(allOf));
  if (allOf(tree)) return leaves(tree).length;
  if (tree.children.every((c) => c.kind === 'component')) return tree.required;
  return null;
}

/** The fewest components that satisfy the tree. */
export function minimumLeaves(tree: ConditionTree): number {
  if (tree.kind === 'component') return 1;
  const costs = tree.children.map(minimumLeaves).sort((a, b) => a - b);
  return costs.slice(0, tree.required).reduce((s, x) => s + x, 0);
}

/** One way to satisfy the tree: the first N children of each group, in document order. */
export function choose(tree: ConditionTree): string[] {
  if (tree.kind === 'component') return [tree.ref];
  return [...new Set(tree.children.slice(0, tree.required).flatMap(choose))];
}

/** "2 of [A, 1 of [B, C]]". */
export function describe(tree: ConditionTree, components: ReadonlyMap<string, ComponentDraft>): string {
  if (tree.kind === 'component') return `"${components.get(tree.ref)?.name ?? tree.ref}"`;
  const inner = tree.children.map((c) => describe(c, components)).join(', ');
  if (tree.required === tree.children.length) return `all of [${inner}]`;
  return `${tree.required} of [${inner}]`;
}
