import { CTDL_CONTEXT_URL, CatalogueType, LEARNING_OPPORTUNITY_CLASSES, TYPE_TO_CLASS } from './ctdl-vocabulary';
import { hoursDuration } from './iso-duration';

/** A credential's own fields as CTDL reads and writes them; `T` is its type (the catalogue's, or text as stored). */
export interface CtdlCredentialFields<T extends string = CatalogueType> {
  id: string;
  name: string;
  issuer: string;
  type: T;
  hours: number;
  cost: number;
  currency: string | null;
  validityMonths: number | null;
  academicCredits: number | null;
  requiredComponents: number | null;
  description: string | null;
  ctid: string | null;
  externalId: string | null;
  ctdlClass: string | null;
}

/** A catalogue credential with what an export writes about it. */
export interface ExportCredential extends CtdlCredentialFields {
  componentIds: string[];
  prerequisiteIds: string[];
  skills: { uri: string | null; name: string; level: number }[];
}

const OWN_IRI = 'urn:skillstack:credential:';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The @id an export gives a credential: its external id, else a urn naming its skillstack id. */
export function exportIri(c: Pick<ExportCredential, 'id' | 'externalId'>): string {
  return c.externalId ?? OWN_IRI + c.id;
}

/** The CTID an export gives a credential: its own, else `ce-` and its skillstack id. */
export function exportCtid(c: Pick<ExportCredential, 'id' | 'ctid'>): string {
  return c.ctid ?? `ce-${c.id}`;
}

/** The skillstack id an exported @id or CTID was derived from (`urn:skillstack:credential:<id>`, `ce-<id>`), else null. */
export function derivedCredentialId(value: string): string | null {
  const tail = value.startsWith(OWN_IRI) ? value.slice(OWN_IRI.length) : value.startsWith('ce-') ? value.slice(3) : null;
  return tail && UUID.test(tail) ? tail.toLowerCase() : null;
}

const lang = (value: string) => ({ en: value });

/**
 * The credentials as one CTDL JSON-LD document (prefixed form, the Registry's context URL, an
 * @graph): each credential with its class (the one it was imported as, else TYPE_TO_CLASS), CTID,
 * name, description, issuing organisation, duration (hours as PTnH), cost profile (price and
 * currency), credit value, renewal frequency, competencies (ceterms:weight = level / 5), parts
 * (hasPart, with a condition "any N of the M parts" when requiredComponents is set) and
 * prerequisites (a requires condition naming them). Organisations are blank nodes.
 */
export function exportCtdl(credentials: readonly ExportCredential[]): Record<string, unknown> {
  const byId = new Map(credentials.map((c) => [c.id, c]));
  const orgs = new Map<string, string>();
  const orgOf = (issuer: string) => {
    if (!orgs.has(issuer)) orgs.set(issuer, `_:organization-${orgs.size + 1}`);
    return orgs.get(issuer) as string;
  };
  const graph: Record<string, unknown>[] = credentials.map((c) => {
    const cls = c.ctdlClass ?? TYPE_TO_CLASS[c.type];
    const learning = LEARNING_OPPORTUNITY_CLASSES.has(cls);
    const ref = (id: string) => exportIri(byId.get(id) ?? { id, externalId: null });
    const node: Record<string, unknown> = {
      '@id': exportIri(c),
      '@type': `ceterms:${cls}`,
      'ceterms:ctid': exportCtid(c),
      'ceterms:name': lang(c.name),
    };
    if (c.description) node['ceterms:description'] = lang(c.description);
    node[learning ? 'ceterms:offeredBy' : 'ceterms:ownedBy'] = [orgOf(c.issuer)];
    node['ceterms:estimatedDuration'] = [{ '@type': 'ceterms:DurationProfile', 'ceterms:exactDuration': hoursDuration(c.hours) }];
    const price: Record<string, unknown> = { '@type': 'ceterms:CostProfile', 'ceterms:price': c.cost };
    if (c.currency) price['ceterms:currency'] = c.currency;
    node['ceterms:estimatedCost'] = [price];
    if (c.academicCredits !== null) node['ceterms:creditValue'] = [{ '@type': 'schema:QuantitativeValue', 'schema:value': c.academicCredits }];
    if (c.validityMonths !== null) node['ceterms:renewalFrequency'] = `P${c.validityMonths}M`;
    const competencies = c.skills.map((s) => {
      const a: Record<string, unknown> = { '@type': 'ceterms:CredentialAlignmentObject', 'ceterms:targetNodeName': lang(s.name), 'ceterms:weight': s.level / 5 };
      if (s.uri) a['ceterms:targetNode'] = s.uri;
      return a;
    });
    const requires: Record<string, unknown>[] = [];
    if (competencies.length && learning) node['ceterms:teaches'] = competencies;
    else if (competencies.length) requires.push({ '@type': 'ceterms:ConditionProfile', 'ceterms:description': lang('Competencies this credential attests'), 'ceterms:targetCompetency': competencies });
    if (c.componentIds.length) {
      node['ceterms:hasPart'] = c.componentIds.map(ref);
      if (c.requiredComponents !== null) {
        requires.push({
          '@type': 'ceterms:ConditionProfile',
          'ceterms:description': lang(`Complete any ${c.requiredComponents} of the ${c.componentIds.length} parts`),
          ...targetsOf(c.componentIds, byId, ref),
        });
      }
    }
    if (c.prerequisiteIds.length) {
      requires.push({ '@type': 'ceterms:ConditionProfile', 'ceterms:description': lang('Held before this can be earned'), ...targetsOf(c.prerequisiteIds, byId, ref) });
    }
    if (requires.length) node['ceterms:requires'] = requires;
    return node;
  });
  for (const [issuer, id] of orgs) graph.push({ '@id': id, '@type': 'ceterms:CredentialOrganization', 'ceterms:name': lang(issuer) });
  return { '@context': CTDL_CONTEXT_URL, '@graph': graph };
}

/** targetLearningOpportunity for courses and programs, targetCredential for the others. */
function targetsOf(ids: readonly string[], byId: ReadonlyMap<string, ExportCredential>, ref: (id: string) => string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const id of ids) {
    const cls = byId.get(id)?.ctdlClass ?? '';
    const property = LEARNING_OPPORTUNITY_CLASSES.has(cls) ? 'ceterms:targetLearningOpportunity' : 'ceterms:targetCredential';
    (out[property] ??= []).push(ref(id));
  }
  return out;
}
