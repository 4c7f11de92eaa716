import type { SeedCredential, SeedSkill } from '../../seed/seed-data.types';
import { stableUuid } from '../../seed/stable-id';
import type { CredentialSpec } from './credential-definitions';
import { assertAcyclic, type Edge } from './graph-checks';
import { compareStrings } from './json-output';

export const CREDENTIAL_NAMESPACE = 'credential';

const CREDENTIAL_TYPES = new Set(['MICRO_CREDENTIAL', 'BADGE', 'CERTIFICATE', 'CERTIFICATION', 'DEGREE']);

/**
 * Exact preferred label -> skill, over skills and knowledge only (a few ESCO
 * groups share a label with a knowledge concept, e.g. "statistics").
 */
export function skillLabelIndex(skills: readonly SeedSkill[]): (label: string, context: string) => SeedSkill {
  const byLabel = new Map<string, SeedSkill[]>();
  for (const skill of skills) {
    if (skill.kind === 'group') continue;
    const list = byLabel.get(skill.name);
    if (list) list.push(skill);
    else byLabel.set(skill.name, [skill]);
  }
  return (label, context) => {
    const matches = byLabel.get(label) ?? [];
    if (matches.length === 0) throw new Error(`${context}: no included ESCO skill has the preferred label "${label}"`);
    if (matches.length > 1) throw new Error(`${context}: label "${label}" is ambiguous (${matches.map((s) => s.uri).join(', ')})`);
    return matches[0];
  };
}

function fail(spec: CredentialSpec, message: string): never {
  throw new Error(`credential "${spec.key}": ${message}`);
}

function checkNumbers(spec: CredentialSpec): void {
  if (!CREDENTIAL_TYPES.has(spec.type)) fail(spec, `unknown type ${spec.type}`);
  if (!(spec.hours >= 0) || !(spec.cost >= 0)) fail(spec, 'hours and cost must be >= 0');
  if (spec.validityMonths !== null && !(Number.isInteger(spec.validityMonths) && spec.validityMonths > 0)) {
    fail(spec, 'validityMonths must be a positive integer or null');
  }
  if (spec.academicCredits !== null && !(spec.academicCredits > 0)) fail(spec, 'academicCredits must be > 0 or null');
  if (spec.skills.length < 1 || spec.skills.length > 6) fail(spec, 'needs 1 to 6 skills');
  for (const [label, level] of spec.skills) {
    if (!Number.isInteger(level) || level < 1 || level > 5) fail(spec, `level ${level} for "${label}" is not 1..5`);
  }
}

function checkStack(spec: CredentialSpec): void {
  const components = spec.components ?? [];
  if (components.length === 0) {
    if (spec.requiredComponents !== undefined) fail(spec, 'requiredComponents without components');
    return;
  }
  const required = spec.requiredComponents;
  if (required === undefined || !Number.isInteger(required) || required < 1 || required > components.length) {
    fail(spec, `requiredComponents must be an integer in 1..${components.length}`);
  }
}

function checkReferences(specs: readonly CredentialSpec[]): void {
  const keys = new Set<string>();
  for (const spec of specs) {
    if (keys.has(spec.key)) fail(spec, 'duplicate key');
    keys.add(spec.key);
  }
  for (const spec of specs) {
    for (const ref of [...(spec.prerequisites ?? []), ...(spec.components ?? [])]) {
      if (!keys.has(ref)) fail(spec, `references unknown credential "${ref}"`);
      if (ref === spec.key) fail(spec, 'references itself');
    }
    const refs = [...(spec.prerequisites ?? []), ...(spec.components ?? [])];
    if (new Set(refs).size !== refs.length) fail(spec, 'duplicate prerequisite/component reference');
  }
  // An earning order must exist: dependant -> prerequisite and stack -> component, together acyclic.
  const edges: Edge[] = specs.flatMap((spec) =>
    [...(spec.prerequisites ?? []), ...(spec.components ?? [])].map((ref): Edge => [spec.key, ref]),
  );
  assertAcyclic(edges, 'credential prerequisites/components');
}

function idForKey(key: string): string {
  return stableUuid(CREDENTIAL_NAMESPACE, key);
}

function toSeedCredential(spec: CredentialSpec, lookup: ReturnType<typeof skillLabelIndex>): SeedCredential {
  const seen = new Set<string>();
  const skills = spec.skills.map(([label, level]) => {
    const skill = lookup(label, `credential "${spec.key}"`);
    if (seen.has(skill.id)) fail(spec, `skill "${label}" listed twice`);
    seen.add(skill.id);
    return { skillId: skill.id, level };
  });
  return {
    id: idForKey(spec.key),
    key: spec.key,
    name: spec.name,
    issuer: spec.issuer,
    type: spec.type,
    hours: spec.hours,
    cost: spec.cost,
    validityMonths: spec.validityMonths,
    academicCredits: spec.academicCredits,
    skills,
    prerequisites: (spec.prerequisites ?? []).map(idForKey),
    components: (spec.components ?? []).map(idForKey),
    requiredComponents: spec.requiredComponents ?? null,
  };
}

/** Validates the hand-authored specs and resolves labels/keys to ids; sorted by key. */
export function buildCredentials(specs: readonly CredentialSpec[], skills: readonly SeedSkill[]): SeedCredential[] {
  for (const spec of specs) {
    checkNumbers(spec);
    checkStack(spec);
  }
  checkReferences(specs);
  const lookup = skillLabelIndex(skills);
  return specs.map((spec) => toSeedCredential(spec, lookup)).sort((a, b) => compareStrings(a.key, b.key));
}
