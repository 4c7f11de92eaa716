import { CtdlInputError } from './ctdl-input.error';
import { CETERMS, NAMESPACE_ALIASES } from './ctdl-vocabulary';

/** A node of an expanded JSON-LD document: full IRIs as keys, every value an array. */
export type ExpandedNode = { '@id'?: string; '@type'?: string[] } & Record<string, unknown>;

type ValueObject = { '@value'?: unknown; '@language'?: string; '@id'?: string; '@type'?: unknown };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function normaliseIri(iri: string): string {
  for (const [from, to] of NAMESPACE_ALIASES) if (iri.startsWith(from)) return to + iri.slice(from.length);
  return iri;
}

/**
 * Rewrites the old http: CTDL / schema.org namespaces to the https: ones, in keys and @type values.
 * Copy on write: a node (or list) with nothing to rewrite is returned as it is.
 */
export function normaliseNamespaces(value: unknown): unknown {
  if (Array.isArray(value)) {
    let out: unknown[] | null = null;
    for (let i = 0; i < value.length; i++) {
      const v = normaliseNamespaces(value[i]);
      if (v !== value[i]) (out ??= value.slice())[i] = v;
    }
    return out ?? value;
  }
  if (!isObject(value)) return value;
  let changed = false;
  const entries: [string, unknown][] = [];
  for (const [key, v] of Object.entries(value)) {
    let k = key;
    let nv = v;
    if (key === '@type') nv = Array.isArray(v) ? v.map((t) => (typeof t === 'string' ? normaliseIri(t) : t)) : typeof v === 'string' ? normaliseIri(v) : v;
    else if (key !== '@value' && key !== '@id' && key !== '@language') {
      k = key.startsWith('@') ? key : normaliseIri(key);
      nv = normaliseNamespaces(v);
    }
    if (key === '@type' && Array.isArray(v) && Array.isArray(nv) && nv.every((t, i) => t === v[i])) nv = v;
    if (k !== key || nv !== v) changed = true;
    entries.push([k, nv]);
  }
  return changed ? Object.fromEntries(entries) : value;
}

/** The local name of a ceterms: IRI (`https://purl.org/ctdl/terms/Course` → `Course`), or null. */
export function ctdlLocalName(iri: string): string | null {
  return iri.startsWith(CETERMS) ? iri.slice(CETERMS.length) : null;
}

/** Values of a property: always an array. */
export function values(node: ExpandedNode, property: string): unknown[] {
  const v = node[property];
  return Array.isArray(v) ? v : v === undefined ? [] : [v];
}

/** Embedded nodes (objects that are not plain values) of a property. */
export function nodes(node: ExpandedNode, property: string): ExpandedNode[] {
  return values(node, property).filter((v): v is ExpandedNode => isObject(v) && !('@value' in v));
}

/** IRIs a property refers to: `{"@id": …}` references and embedded nodes with an @id. */
export function refs(node: ExpandedNode, property: string): string[] {
  const out: string[] = [];
  for (const v of values(node, property)) {
    if (isObject(v) && typeof v['@id'] === 'string') out.push(v['@id']);
    else if (isObject(v) && typeof v['@value'] === 'string') out.push(v['@value']);
  }
  return out;
}

const LANGUAGE_PREFERENCE = (lang: string | undefined): number => {
  if (lang === undefined) return 1;
  const l = lang.toLowerCase();
  if (l === 'en') return 0;
  if (l.startsWith('en-')) return 0.5;
  return 2;
};

/**
 * A text property, from a plain string or a language map: English first (`en`, then `en-*`), then
 * an untagged string, then the first other language. Null when absent or blank.
 */
export function text(node: ExpandedNode, property: string): string | null {
  const candidates = values(node, property)
    .filter((v): v is ValueObject => isObject(v) && '@value' in v && typeof v['@value'] === 'string' && (v['@value'] as string).trim() !== '')
    .map((v, i) => ({ value: (v['@value'] as string).trim(), rank: LANGUAGE_PREFERENCE(v['@language']), i }));
  if (candidates.length === 0) return null;
  candidates.sort((a, b) => a.rank - b.rank || a.i - b.i);
  return candidates[0].value;
}

/** A number property (a JSON number or a numeric string); null when absent; an error when not a number. */
export function number(node: ExpandedNode, property: string, path: string): number | null {
  const [first] = values(node, property);
  if (first === undefined) return null;
  const raw = isObject(first) ? first['@value'] : first;
  const n = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : NaN;
  if (!Number.isFinite(n)) throw new CtdlInputError(path, `${shortName(property)} is not a number: ${JSON.stringify(raw)}`);
  return n;
}

/** A literal string property (no language preference). */
export function literal(node: ExpandedNode, property: string): string | null {
  for (const v of values(node, property)) {
    const raw = isObject(v) ? (v['@value'] ?? v['@id']) : v;
    if (typeof raw === 'string' && raw.trim() !== '') return raw.trim();
  }
  return null;
}

/** `ceterms:name` for a ceterms: IRI, the IRI otherwise: for messages. */
export function shortName(iri: string): string {
  const local = ctdlLocalName(iri);
  return local !== null ? `ceterms:${local}` : iri;
}

/** The ceterms: local names of a node's types. */
export function classesOf(node: ExpandedNode): string[] {
  return (node['@type'] ?? []).map((t) => (typeof t === 'string' ? ctdlLocalName(t) : null)).filter((t): t is string => t !== null);
}

/**
 * Every node with an @id, top-level or embedded, by @id (the first full description wins; later
 * ones add the properties it lacks), plus the top-level nodes in document order.
 */
export function indexNodes(expanded: readonly unknown[]): { byId: Map<string, ExpandedNode>; topLevel: ExpandedNode[] } {
  const byId = new Map<string, ExpandedNode>();
  const topLevel: ExpandedNode[] = [];
  const visit = (node: ExpandedNode) => {
    const id = node['@id'];
    if (typeof id === 'string' && Object.keys(node).some((k) => k !== '@id')) {
      const seen = byId.get(id);
      if (!seen) byId.set(id, node);
      else for (const [k, v] of Object.entries(node)) if (!(k in seen)) seen[k] = v;
    }
    for (const [key, v] of Object.entries(node)) {
      if (key.startsWith('@')) continue;
      for (const child of Array.isArray(v) ? v : [v]) if (isObject(child) && !('@value' in child)) visit(child as ExpandedNode);
    }
  };
  for (const item of expanded) {
    if (!isObject(item)) continue;
    const graph = item['@graph'];
    const members = Array.isArray(graph) ? graph.filter(isObject) : [item];
    for (const m of members) {
      topLevel.push(m as ExpandedNode);
      visit(m as ExpandedNode);
    }
  }
  return { byId, topLevel };
}
