import { CompetencyRef, ComponentDraft, ConditionTree, CredentialDraft, CtdlDocument, OccupationRef, PathwayDraft } from './ctdl-draft.types';
import { classesOf, ExpandedNode, indexNodes, literal, nodes, normaliseNamespaces, number, refs, text } from './ctdl-graph';
import { CtdlInputError } from './ctdl-input.error';
import { CLASS_TO_TYPE, COMPETENCY_LEVEL, COMPONENT_CLASSES, ct, NAMESPACE_ALIASES, PATHWAY_CLASS, QDATA, SCHEMA, SUPPORT_CLASSES } from './ctdl-vocabulary';
import { durationHours, durationMonths } from './iso-duration';

const NUMBER_WORDS: Readonly<Record<string, number>> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, any: 1, either: 1 };

/** "2 of the 3 courses", "any one of", "two of the following": N, or null when the text says no count. */
export function countOf(description: string | null): number | null {
  if (!description) return null;
  const m = /\b(\d+|one|two|three|four|five|six|seven|eight|nine|ten|any|either)\s+(?:\(\d+\)\s+)?(?:of|out of)\b/i.exec(description);
  if (!m) return null;
  const word = m[1].toLowerCase();
  return /^\d+$/.test(word) ? Number(word) : NUMBER_WORDS[word];
}

const isBlank = (id: string | undefined): boolean => id === undefined || id.startsWith('_:');

/** The CTID at the end of a Registry IRI (`…/resources/ce-…`), lower-cased. */
export function ctidInIri(iri: string): string | null {
  const m = /(ce-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i.exec(iri);
  return m ? m[1].toLowerCase() : null;
}

/**
 * Reads an expanded JSON-LD document (jsonld.expand output) into drafts: every credential, course
 * and learning program (CLASS_TO_TYPE), every pathway and pathway component. Throws
 * CtdlInputError naming the resource and what is wrong; things skillstack does not model become
 * warnings (one sentence each). `legacyNamespaces: false` skips rewriting the old http: namespaces
 * (see mayUseLegacyNamespaces).
 */
export function readCtdlDocument(expanded: readonly unknown[], options: { legacyNamespaces?: boolean } = {}): CtdlDocument {
  const { byId, topLevel } = indexNodes((options.legacyNamespaces === false ? expanded : normaliseNamespaces(expanded)) as unknown[]);
  const warnings: string[] = [];
  const credentials: CredentialDraft[] = [];
  const pathways: PathwayDraft[] = [];
  const components = new Map<string, ComponentDraft>();
  const resolve = (node: ExpandedNode): ExpandedNode => (typeof node['@id'] === 'string' ? (byId.get(node['@id']) ?? node) : node);
  const seenCredential = new Set<ExpandedNode>();

  const visitTop = (node: ExpandedNode, path: string) => {
    const classes = classesOf(node);
    if (classes.length === 0) {
      if (Object.keys(node).some((k) => !k.startsWith('@'))) throw new CtdlInputError(path, 'has no CTDL @type (ceterms:…); is the @context the CTDL one?');
      return;
    }
    const credentialClass = classes.find((c) => c in CLASS_TO_TYPE);
    if (credentialClass) {
      if (!seenCredential.has(resolve(node))) {
        seenCredential.add(resolve(node));
        credentials.push(readCredential(resolve(node), credentialClass, path));
      }
    } else if (classes.includes(PATHWAY_CLASS)) pathways.push(readPathway(node, path));
    else if (!classes.some((c) => COMPONENT_CLASSES.has(c) || SUPPORT_CLASSES.has(c))) {
      warnings.push(`${path} is a ceterms:${classes[0]}, which skillstack does not import; it was left out.`);
    }
  };

  const label = (node: ExpandedNode, cls: string, path: string) => {
    const name = text(node, ct('name'));
    return `${path} (ceterms:${cls}${name ? ` "${name}"` : ''})`;
  };

  const identity = (node: ExpandedNode, where: string) => {
    const id = node['@id'];
    const iri = isBlank(id) ? null : (id as string);
    const ctid = literal(node, ct('ctid'));
    if (!iri && !ctid) throw new CtdlInputError(where, 'has neither a ceterms:ctid nor an @id (other than a blank node); one is needed to import it again onto the same record');
    return { iri, ctid: ctid ? ctid.toLowerCase() : null };
  };

  const readCredential = (node: ExpandedNode, cls: string, at: string): CredentialDraft => {
    const path = label(node, cls, at);
    const { iri, ctid } = identity(node, path);
    const name = text(node, ct('name'));
    if (!name) throw new CtdlInputError(path, 'ceterms:name is missing or empty');
    const parts = refs(node, ct('hasPart'));
    const partSet = new Set(parts);
    const prerequisites: string[] = [];
    let requiredParts: number | null = null;
    const competencies: CompetencyRef[] = [];
    for (const property of ['teaches', 'assesses']) for (const a of nodes(node, ct(property))) pushCompetency(competencies, resolve(a));
    for (const property of ['requires', 'entryCondition']) {
      for (const raw of nodes(node, ct(property))) {
        const condition = resolve(raw);
        const cname = text(condition, ct('name')) ?? text(condition, ct('description'));
        for (const a of nodes(condition, ct('targetCompetency'))) pushCompetency(competencies, resolve(a));
        const targets = [...refs(condition, ct('targetCredential')), ...refs(condition, ct('targetLearningOpportunity'))];
        const n = countOf(text(condition, ct('description'))) ?? countOf(text(condition, ct('name')));
        const onParts = targets.length > 0 && targets.every((t) => partSet.has(t));
        if (onParts) {
          if (n !== null && n < targets.length && targets.length === parts.length) requiredParts = n;
          else if (n !== null && n < targets.length) {
            requiredParts = n;
            warnings.push(`${path}: the condition "${cname}" counts ${n} of ${targets.length} of its ${parts.length} parts; the credential counts any ${n} of all its parts.`);
          }
        } else if (targets.length > 0) {
          const extra = targets.filter((t) => !partSet.has(t));
          if (n !== null && n < extra.length) {
            prerequisites.push(...extra.slice(0, n));
            warnings.push(`${path}: the condition "${cname}" asks for ${n} of ${extra.length} alternatives, which a prerequisite list cannot express; the first ${n} (${extra.slice(0, n).join(', ')}) became prerequisites.`);
          } else prerequisites.push(...extra);
        }
        const alternatives = nodes(condition, ct('alternativeCondition'));
        if (alternatives.length > 0) {
          warnings.push(`${path}: the condition "${cname}" has ${alternatives.length} alternative condition(s) (an OR), which prerequisites cannot express; only the main condition was kept.`);
        }
      }
    }
    const occupations: OccupationRef[] = nodes(node, ct('occupationType')).map((raw) => {
      const a = resolve(raw);
      return { uri: refs(a, ct('targetNode'))[0] ?? (raw['@id'] && !isBlank(raw['@id']) ? (raw['@id'] as string) : null), code: literal(a, ct('codedNotation')), name: text(a, ct('targetNodeName')) };
    });
    const { duration, unreadable } = readDuration(node, path);
    const renewal = literal(node, ct('renewalFrequency'));
    const months = renewal ? durationMonths(renewal) : null;
    const validityMonths = months !== null && months > 0 ? months : null;
    if (renewal && months === null) warnings.push(`${path}: ceterms:renewalFrequency "${renewal}" is not a duration in years or months; the credential is recorded as never expiring.`);
    return {
      path,
      iri,
      ctid,
      ctdlClass: cls,
      type: CLASS_TO_TYPE[cls],
      name,
      description: text(node, ct('description')),
      issuer: issuerOf(node),
      duration,
      unreadableDuration: unreadable,
      cost: readCost(node, path),
      academicCredits: readCredits(node, path),
      validityMonths,
      parts,
      requiredParts,
      prerequisites: [...new Set(prerequisites)],
      occupations,
      competencies,
    };
  };

  const pushCompetency = (list: CompetencyRef[], a: ExpandedNode) => {
    const uri = refs(a, ct('targetNode'))[0] ?? null;
    const name = text(a, ct('targetNodeName')) ?? text(a, ct('name'));
    if (!uri && !name) return;
    const weight = number(a, ct('weight'), 'ceterms:weight');
    const level = weight === null ? COMPETENCY_LEVEL : Math.min(5, Math.max(1, Math.round(weight * 5)));
    list.push({ uri, name, level });
  };

  const issuerOf = (node: ExpandedNode): string | null => {
    for (const property of ['ownedBy', 'offeredBy']) {
      for (const ref of nodes(node, ct(property))) {
        const org = resolve(ref);
        const name = text(org, ct('name'));
        if (name) return name;
        if (typeof ref['@id'] === 'string' && !isBlank(ref['@id'])) return ref['@id'];
      }
    }
    return null;
  };

  const readDuration = (node: ExpandedNode, path: string) => {
    let unreadable: string | null = null;
    for (const raw of nodes(node, ct('estimatedDuration'))) {
      const profile = resolve(raw);
      const exact = literal(profile, ct('exactDuration'));
      if (exact) {
        const d = durationHours(exact);
        if (d) return { duration: d, unreadable: null };
        unreadable = exact;
        continue;
      }
      const min = literal(profile, ct('minimumDuration'));
      const max = literal(profile, ct('maximumDuration'));
      const dMin = min ? durationHours(min) : null;
      const dMax = max ? durationHours(max) : null;
      if (dMin && dMax) return { duration: { hours: (dMin.hours + dMax.hours) / 2, calendar: dMin.calendar || dMax.calendar }, unreadable: null };
      if (dMin || dMax) return { duration: (dMin ?? dMax)!, unreadable: null };
      unreadable = min ?? max ?? text(profile, ct('description')) ?? unreadable;
    }
    const required = literal(node, ct('timeRequired'));
    if (required) {
      const d = durationHours(required);
      if (d) return { duration: d, unreadable: null };
      unreadable = required;
    }
    void path;
    return { duration: null, unreadable };
  };

  const readCost = (node: ExpandedNode, path: string): CredentialDraft['cost'] => {
    const profiles = nodes(node, ct('estimatedCost')).map(resolve);
    if (profiles.length === 0) return null;
    const priced = profiles
      .map((p, i) => ({ price: number(p, ct('price'), `${path} ceterms:estimatedCost[${i}]`), currency: literal(p, ct('currency'))?.toUpperCase() ?? null, aggregate: isAggregate(p) }))
      .filter((p): p is { price: number; currency: string | null; aggregate: boolean } => p.price !== null);
    if (priced.length === 0) return null;
    priced.forEach((p, i) => {
      if (p.currency !== null && !/^[A-Z]{3}$/.test(p.currency)) throw new CtdlInputError(`${path} ceterms:estimatedCost[${i}]`, `ceterms:currency must be an ISO 4217 code such as USD (got "${p.currency}")`);
      if (p.price < 0) throw new CtdlInputError(`${path} ceterms:estimatedCost[${i}]`, `ceterms:price is negative (${p.price})`);
    });
    const aggregate = priced.find((p) => p.aggregate);
    if (aggregate) return { amount: aggregate.price, currency: aggregate.currency, aggregate: true };
    const currency = priced[0].currency;
    const same = priced.filter((p) => p.currency === currency);
    if (same.length < priced.length) {
      warnings.push(`${path}: its costs are in several currencies; only those in ${currency ?? 'no stated currency'} were added up.`);
    }
    return { amount: same.reduce((s, p) => s + p.price, 0), currency, aggregate: false };
  };

  const readCredits = (node: ExpandedNode, path: string): number | null => {
    for (const raw of nodes(node, ct('creditValue'))) {
      const v = resolve(raw);
      const value = number(v, SCHEMA + 'value', `${path} ceterms:creditValue`) ?? number(v, QDATA + 'value', `${path} ceterms:creditValue`);
      if (value !== null) return value;
      const min = number(v, SCHEMA + 'minValue', `${path} ceterms:creditValue`);
      const max = number(v, SCHEMA + 'maxValue', `${path} ceterms:creditValue`);
      if (min !== null && max !== null) return (min + max) / 2;
      if (min !== null || max !== null) return (min ?? max)!;
    }
    return number(node, ct('creditHourValue'), path) ?? number(node, ct('creditUnitValue'), path);
  };

  const readPathway = (node: ExpandedNode, at: string): PathwayDraft => {
    const path = label(node, PATHWAY_CLASS, at);
    const { iri, ctid } = identity(node, path);
    const name = text(node, ct('name'));
    if (!name) throw new CtdlInputError(path, 'ceterms:name is missing or empty');
    const destinations = refs(node, ct('hasDestinationComponent'));
    if (destinations.length === 0) throw new CtdlInputError(path, 'ceterms:hasDestinationComponent is missing: a pathway needs a destination');
    return { path, iri, ctid, name, description: text(node, ct('description')), destinations, children: refs(node, ct('hasChild')) };
  };

  topLevel.forEach((node, i) => visitTop(node, topLevel.length === 1 ? 'the resource' : `@graph[${i}]`));
  // credentials described only inside another resource (e.g. an embedded hasPart course)
  for (const node of byId.values()) {
    const cls = classesOf(node).find((c) => c in CLASS_TO_TYPE);
    if (cls && !seenCredential.has(node)) {
      seenCredential.add(node);
      credentials.push(readCredential(node, cls, `embedded ${node['@id']}`));
    }
  }
  for (const node of byId.values()) {
    const cls = classesOf(node).find((c) => COMPONENT_CLASSES.has(c));
    if (cls) components.set(node['@id'] as string, readComponent(node, cls, resolve));
  }
  if (credentials.length === 0 && pathways.length === 0) {
    throw new CtdlInputError('document', 'holds no CTDL credential, course, learning program or pathway');
  }
  return { credentials, pathways, components, warnings };
}

/** Whether a cost profile is the aggregate cost (ceterms:directCostType costType:AggregateCost). */
function isAggregate(profile: ExpandedNode): boolean {
  const named = [
    ...refs(profile, ct('directCostType')),
    ...nodes(profile, ct('directCostType')).flatMap((a) => [...refs(a, ct('targetNode')), text(a, ct('targetNodeName')) ?? '']),
  ];
  return named.some((v) => /aggregate/i.test(v));
}

function readComponent(node: ExpandedNode, cls: string, resolve: (n: ExpandedNode) => ExpandedNode): ComponentDraft {
  const ref = node['@id'] as string;
  const name = text(node, ct('name')) ?? ref;
  const conditions = nodes(node, ct('hasCondition')).map((c) => readCondition(resolve(c), resolve, `${name}`));
  const condition = conditions.length === 0 ? null : conditions.length === 1 ? conditions[0] : { kind: 'group' as const, name: null, required: conditions.length, children: conditions };
  void cls;
  return { ref, name, proxyFor: refs(node, ct('proxyFor'))[0] ?? null, children: refs(node, ct('hasChild')), condition };
}

function readCondition(node: ExpandedNode, resolve: (n: ExpandedNode) => ExpandedNode, where: string): ConditionTree {
  const name = text(node, ct('name')) ?? text(node, ct('description'));
  const children: ConditionTree[] = [
    ...refs(node, ct('targetComponent')).map((ref) => ({ kind: 'component' as const, ref })),
    ...nodes(node, ct('hasCondition')).map((c) => readCondition(resolve(c), resolve, where)),
  ];
  const path = `component "${where}" condition${name ? ` "${name}"` : ''}`;
  if (children.length === 0) throw new CtdlInputError(path, 'has no ceterms:targetComponent and no nested condition');
  const operator = (literal(node, ct('logicalOperator')) ?? '').toLowerCase();
  const n = number(node, ct('requiredNumber'), path);
  let required = n ?? (/or$/.test(operator) ? 1 : children.length);
  if (n !== null && (!Number.isInteger(n) || n < 1)) throw new CtdlInputError(path, `ceterms:requiredNumber must be a positive whole number (got ${n})`);
  if (required > children.length) throw new CtdlInputError(path, `ceterms:requiredNumber ${required} is more than its ${children.length} targets`);
  required = Math.min(required, children.length);
  return { kind: 'group', name, required, children };
}

/** Whether a document's text could hold an old http: namespace (if not, reading may skip the rewrite). */
export function mayUseLegacyNamespaces(documentText: string): boolean {
  return NAMESPACE_ALIASES.some(([from]) => documentText.includes(from));
}
