import { ct } from './ctdl-vocabulary';

/** Builders of expanded JSON-LD (what jsonld.expand returns) for the specs. */
export const lit = (value: string | number, language?: string) => (language ? { '@value': value, '@language': language } : { '@value': value });
export const id = (iri: string) => ({ '@id': iri });

type Props = Record<string, unknown>;

/** A node: `@id`, `@type` ceterms:<cls>, and ceterms:<key> properties (values wrapped in arrays). */
export function node(iri: string | null, cls: string | null, props: Props = {}): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (iri) out['@id'] = iri;
  if (cls) out['@type'] = [ct(cls)];
  for (const [k, v] of Object.entries(props)) out[k.includes('://') ? k : ct(k)] = Array.isArray(v) ? v : [v];
  return out;
}

/** A course with an identity and a name, plus props. */
export const course = (n: number, props: Props = {}, cls = 'Course') =>
  node(`https://example.org/c${n}`, cls, { ctid: lit(`ce-00000000-0000-4000-8000-${String(n).padStart(12, '0')}`), name: lit(`Course ${n}`), ...props });
