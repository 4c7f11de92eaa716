import { CETERMS, CLASS_TO_TYPE, COMPONENT_CLASSES, CTDL_CONTEXT_URL, PATHWAY_CLASS, QDATA, SCHEMA, SUPPORT_CLASSES } from './ctdl-vocabulary';

/**
 * The bundled CTDL JSON-LD context, written from the CTDL term list (https://credreg.net/ctdl/terms)
 * for the terms skillstack reads and writes; no npm package ships it and nothing is fetched.
 *
 * It serves both forms documents come in:
 *  - prefixed: `"ceterms:name": {"en": "…"}` with `@context` the Registry's URL (CTDL_CONTEXT_URL);
 *  - compact: `"name": "…"` with plain terms: every term is also defined without its prefix, and
 *    `id` / `type` alias `@id` / `@type`.
 * Language-tagged properties are language maps (`@container: @language`); properties whose values
 * are other resources are typed `@id`, so a plain string there is read as an IRI.
 */

/** Properties whose values are language maps (or plain strings). */
const LANGUAGE_TERMS = ['name', 'description', 'targetNodeName', 'targetNodeDescription', 'frameworkName', 'keyword', 'alternateName'];

/** Properties whose values are IRIs of other resources. */
const ID_TERMS = [
  'hasPart',
  'isPartOf',
  'ownedBy',
  'offeredBy',
  'targetCredential',
  'targetLearningOpportunity',
  'targetAssessment',
  'targetNode',
  'targetComponent',
  'proxyFor',
  'hasChild',
  'isChildOf',
  'hasDestinationComponent',
  'hasPathway',
  'isDestinationComponentOf',
  'precedes',
  'prerequisite',
  'subjectWebpage',
  'creditUnitType',
  'logicalOperator',
  'directCostType',
  'occupationType',
];

/** Other ceterms: properties (literal or embedded-node values). */
const PLAIN_TERMS = [
  'ctid',
  'codedNotation',
  'estimatedDuration',
  'exactDuration',
  'minimumDuration',
  'maximumDuration',
  'timeRequired',
  'estimatedCost',
  'commonCosts',
  'price',
  'currency',
  'costDetails',
  'creditValue',
  'creditUnitValue',
  'creditHourValue',
  'creditHourType',
  'renewalFrequency',
  'requires',
  'entryCondition',
  'recommends',
  'corequisite',
  'commonConditions',
  'alternativeCondition',
  'targetCompetency',
  'teaches',
  'assesses',
  'hasCondition',
  'requiredNumber',
  'componentCategory',
  'weight',
  'industryType',
];

/** schema: and qdata: terms used by credit values. */
const SCHEMA_TERMS = ['value', 'minValue', 'maxValue', 'unitText'];

function build(): Record<string, unknown> {
  const context: Record<string, unknown> = {
    '@version': 1.1,
    ceterms: CETERMS,
    schema: SCHEMA,
    qdata: QDATA,
    xsd: 'http://www.w3.org/2001/XMLSchema#',
    id: '@id',
    type: '@type',
  };
  const define = (term: string, definition: Record<string, unknown>) => {
    context[`ceterms:${term}`] = definition;
    context[term] = { '@id': `ceterms:${term}`, ...definition };
  };
  for (const term of LANGUAGE_TERMS) define(term, { '@container': '@language' });
  for (const term of ID_TERMS) define(term, { '@type': '@id' });
  for (const term of PLAIN_TERMS) define(term, {});
  for (const term of SCHEMA_TERMS) context[term] = { '@id': `schema:${term}` };
  const classes = [...Object.keys(CLASS_TO_TYPE), ...COMPONENT_CLASSES, ...SUPPORT_CLASSES, PATHWAY_CLASS];
  for (const cls of classes) context[cls] = `ceterms:${cls}`;
  context.QuantitativeValue = 'schema:QuantitativeValue';
  return context;
}

let cached: { '@context': Record<string, unknown> } | null = null;

/** The context document (`{"@context": {…}}`), built once. */
export function ctdlContextDocument(): { '@context': Record<string, unknown> } {
  cached ??= { '@context': build() };
  return cached;
}

/** The URLs documents name the CTDL context by; each resolves to the bundled document. */
export const CTDL_CONTEXT_URLS: readonly string[] = [
  CTDL_CONTEXT_URL,
  'http://credreg.net/ctdl/schema/context/json',
  'https://credreg.net/ctdlasn/schema/context/json',
  'http://credreg.net/ctdlasn/schema/context/json',
];
