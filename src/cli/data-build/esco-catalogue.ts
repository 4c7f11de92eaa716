import type {
  SeedBroaderEdge,
  SeedOccupation,
  SeedRelatedEdge,
  SeedSkill,
  SkillCategory,
} from '../../seed/seed-data.types';
import { stableUuid } from '../../seed/stable-id';
import type { EscoConcept, EscoSource } from './esco-source';
import { assertAcyclic, closure } from './graph-checks';
import { compareStrings } from './json-output';

/** Namespace for ids derived from ESCO concept URIs (skills, groups, occupations). */
export const ESCO_NAMESPACE = 'esco';

export const TRANSVERSAL_ROOT_URI = 'http://data.europa.eu/esco/skill/04a13491-b58c-4d33-8b59-8fad0d55fe9e';
export const LANGUAGE_ROOT_URI = 'http://data.europa.eu/esco/skill/e35a5936-091d-4e87-bafe-f264e55bd656';

export const RELATION_WEIGHTS = { essential: 0.8, optional: 0.5 } as const;

/** ICT occupations: ISCO-08 unit groups 25xx (ICT professionals), 35xx (ICT technicians) and 1330 (ICT managers). */
export function isIctOccupation(iscoGroup: string): boolean {
  return iscoGroup.startsWith('25') || iscoGroup.startsWith('35') || iscoGroup === '1330';
}

export interface EscoCatalogue {
  skills: SeedSkill[];
  broader: SeedBroaderEdge[];
  related: SeedRelatedEdge[];
  occupations: SeedOccupation[];
  skillsByUri: Map<string, SeedSkill>;
  skillsById: Map<string, SeedSkill>;
}

function parentsIndex(source: EscoSource): Map<string, string[]> {
  const parents = new Map<string, string[]>();
  for (const { childUri, parentUri } of source.broader) {
    const list = parents.get(childUri);
    if (list) list.push(parentUri);
    else parents.set(childUri, [parentUri]);
  }
  return parents;
}

function requireConcept(source: EscoSource, uri: string, context: string): EscoConcept {
  const concept = source.concepts.get(uri);
  if (!concept) throw new Error(`${context}: unknown ESCO concept ${uri}`);
  return concept;
}

function assertRoot(source: EscoSource, uri: string, expectedName: string): void {
  const concept = requireConcept(source, uri, 'pillar root');
  if (concept.name !== expectedName) {
    throw new Error(`pillar root ${uri} is "${concept.name}", expected "${expectedName}"`);
  }
}

/**
 * Category rule (documented in data/README.md):
 * - skills and knowledge: DURABLE if in the transversal skills collection, or ESCO reuseLevel is
 *   "transversal", or in the language skills collection / under the language pillar; else TECHNICAL.
 *   (Skill-to-skill broader links place tools such as "Kali Linux" under the transversal pillar,
 *   so pillar position alone is not used for skills.)
 * - groups: DURABLE if the group is, or descends through groups from, the transversal or language
 *   pillar root; else TECHNICAL.
 */
function categoriser(source: EscoSource, parents: Map<string, string[]>): (concept: EscoConcept) => SkillCategory {
  const underLanguage = new Map<string, boolean>();
  const reachesLanguage = (uri: string): boolean => {
    const cached = underLanguage.get(uri);
    if (cached !== undefined) return cached;
    underLanguage.set(uri, false);
    const result = uri === LANGUAGE_ROOT_URI || (parents.get(uri) ?? []).some(reachesLanguage);
    underLanguage.set(uri, result);
    return result;
  };
  const groupUnderTransversal = new Map<string, boolean>();
  const groupReachesTransversal = (uri: string): boolean => {
    const cached = groupUnderTransversal.get(uri);
    if (cached !== undefined) return cached;
    groupUnderTransversal.set(uri, false);
    const groupParents = (parents.get(uri) ?? []).filter((p) => source.concepts.get(p)?.kind === 'group');
    const result = uri === TRANSVERSAL_ROOT_URI || groupParents.some(groupReachesTransversal);
    groupUnderTransversal.set(uri, result);
    return result;
  };
  return (concept) => {
    if (concept.kind === 'group') {
      return groupReachesTransversal(concept.uri) || reachesLanguage(concept.uri) ? 'DURABLE' : 'TECHNICAL';
    }
    const durable =
      source.transversalCollection.has(concept.uri) ||
      concept.reuseLevel === 'transversal' ||
      source.languageCollection.has(concept.uri) ||
      reachesLanguage(concept.uri);
    return durable ? 'DURABLE' : 'TECHNICAL';
  };
}

function toSeedSkill(concept: EscoConcept, category: SkillCategory): SeedSkill {
  return {
    id: stableUuid(ESCO_NAMESPACE, concept.uri),
    uri: concept.uri,
    name: concept.name,
    aliases: concept.aliases,
    description: concept.description,
    category,
    kind: concept.kind,
  };
}

function buildOccupations(source: EscoSource, idOf: (uri: string) => string): SeedOccupation[] {
  const ict = source.occupations.filter((o) => isIctOccupation(o.iscoGroup));
  const links = new Map<string, { essential: Set<string>; optional: Set<string> }>();
  for (const o of ict) links.set(o.uri, { essential: new Set(), optional: new Set() });
  for (const rel of source.occupationSkills) {
    links.get(rel.occupationUri)?.[rel.relationType].add(idOf(rel.skillUri));
  }
  return ict
    .map((o) => {
      const { essential, optional } = links.get(o.uri) as { essential: Set<string>; optional: Set<string> };
      return {
        id: stableUuid(ESCO_NAMESPACE, o.uri),
        uri: o.uri,
        name: o.name,
        aliases: o.aliases,
        iscoGroup: o.iscoGroup,
        code: o.code,
        description: o.description,
        essential: [...essential].sort(compareStrings),
        optional: [...optional].filter((id) => !essential.has(id)).sort(compareStrings),
      };
    })
    .sort((a, b) => compareStrings(a.code, b.code) || compareStrings(a.uri, b.uri));
}

function buildRelated(source: EscoSource, included: Map<string, SeedSkill>): SeedRelatedEdge[] {
  const best = new Map<string, SeedRelatedEdge>();
  for (const rel of source.skillRelations) {
    const from = included.get(rel.fromUri);
    const to = included.get(rel.toUri);
    if (!from || !to || from.id === to.id) continue;
    const key = `${from.id}|${to.id}`;
    const weight = RELATION_WEIGHTS[rel.relationType];
    const existing = best.get(key);
    if (!existing || existing[2] < weight) best.set(key, [from.id, to.id, weight]);
  }
  return [...best.values()].sort((a, b) => compareStrings(a[0], b[0]) || compareStrings(a[1], b[1]));
}

/**
 * ICT occupations -> their essential and optional skills -> all ancestors in
 * the skills pillar (skills and groups), plus broader/related edges among them.
 */
export function buildEscoCatalogue(source: EscoSource): EscoCatalogue {
  assertRoot(source, TRANSVERSAL_ROOT_URI, 'transversal skills and competences');
  assertRoot(source, LANGUAGE_ROOT_URI, 'language skills and knowledge');
  const parents = parentsIndex(source);
  const ictUris = new Set(source.occupations.filter((o) => isIctOccupation(o.iscoGroup)).map((o) => o.uri));
  const direct = source.occupationSkills.filter((rel) => ictUris.has(rel.occupationUri)).map((rel) => rel.skillUri);
  const includedUris = closure(direct, (uri) => parents.get(uri) ?? []);

  const categoryOf = categoriser(source, parents);
  const skillsByUri = new Map<string, SeedSkill>();
  for (const uri of [...includedUris].sort(compareStrings)) {
    const concept = requireConcept(source, uri, 'included skill');
    skillsByUri.set(uri, toSeedSkill(concept, categoryOf(concept)));
  }
  const skills = [...skillsByUri.values()];
  const idOf = (uri: string): string => (skillsByUri.get(uri) as SeedSkill).id;

  const broader: SeedBroaderEdge[] = [];
  for (const uri of includedUris) {
    for (const parent of new Set(parents.get(uri) ?? [])) broader.push([idOf(uri), idOf(parent)]);
  }
  broader.sort((a, b) => compareStrings(a[0], b[0]) || compareStrings(a[1], b[1]));
  const skillsById = new Map(skills.map((s) => [s.id, s]));
  assertAcyclic(broader, 'skill hierarchy (broader.json)', (id) => skillsById.get(id)?.name ?? id);

  return {
    skills,
    broader,
    related: buildRelated(source, skillsByUri),
    occupations: buildOccupations(source, idOf),
    skillsByUri,
    skillsById,
  };
}
