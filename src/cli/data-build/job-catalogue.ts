import { createHash } from 'node:crypto';
import type { SeedCredential, SeedJob, SeedJobRequirement, SeedOccupation, SeedSkill } from '../../seed/seed-data.types';
import { stableUuid } from '../../seed/stable-id';
import { skillLabelIndex } from './credential-catalogue';
import type { JobSpec, Seniority } from './job-definitions';
import { compareStrings } from './json-output';

export const JOB_NAMESPACE = 'job';
export const MIN_REQUIREMENTS = 8;
export const MAX_REQUIREMENTS = 15;

const BASE_LEVEL: Record<Seniority, number> = { junior: 2, mid: 3, senior: 4 };
const OPTIONAL_WEIGHTS = [0.4, 0.5, 0.6, 0.75, 0.9, 1] as const;
const LEVEL_SHIFT = [-1, 0, 0, 1] as const;

/** Deterministic 32-bit hash of the parts; the build's only source of "randomness". */
function hash32(...parts: string[]): number {
  return createHash('sha1').update(parts.join('\u0000')).digest().readUInt32BE(0);
}

function clampLevel(level: number): number {
  return Math.min(5, Math.max(1, level));
}

interface RankingContext {
  /** Skills that at least one credential teaches. */
  taught: Set<string>;
  /** Skill id -> number of ICT occupations listing it as essential. */
  essentialIn: Map<string, number>;
}

/**
 * Ranks candidate skills: focus skills first (authored order), then essential
 * skills that some credential teaches, then the remaining essential skills,
 * then optional skills taught by credentials (only used when an occupation has
 * too few essentials). Within a tier, skills essential to fewer ICT occupations
 * (more characteristic of the role) come first; ties break on a per-job hash,
 * so jobs for the same occupation pick different subsets.
 */
function rankSkills(spec: JobSpec, occupation: SeedOccupation, focus: string[], context: RankingContext): string[] {
  const { taught, essentialIn } = context;
  const order = (a: string, b: string): number =>
    (essentialIn.get(a) ?? 0) - (essentialIn.get(b) ?? 0) ||
    hash32(spec.key, a) - hash32(spec.key, b) ||
    compareStrings(a, b);
  const rest = occupation.essential.filter((id) => !focus.includes(id));
  const fallback = occupation.optional.filter((id) => !focus.includes(id) && taught.has(id));
  return [
    ...focus,
    ...rest.filter((id) => taught.has(id)).sort(order),
    ...rest.filter((id) => !taught.has(id)).sort(order),
    ...fallback.sort(order),
  ];
}

function essentialCounts(occupations: readonly SeedOccupation[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const occupation of occupations) {
    for (const id of occupation.essential) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return counts;
}

function requirementsFor(spec: JobSpec, ranked: string[]): SeedJobRequirement[] {
  const wanted = MIN_REQUIREMENTS + (hash32(spec.key, 'count') % (MAX_REQUIREMENTS - MIN_REQUIREMENTS + 1));
  const count = Math.min(wanted, ranked.length);
  if (count < MIN_REQUIREMENTS) throw new Error(`job "${spec.key}": only ${ranked.length} candidate skills`);
  const mandatoryCount = 1 + (hash32(spec.key, 'mandatory') % 3);
  const base = BASE_LEVEL[spec.seniority];
  return ranked.slice(0, count).map((skillId, index) => {
    const mandatory = index < mandatoryCount;
    const h = hash32(spec.key, skillId);
    return {
      skillId,
      level: mandatory ? base : clampLevel(base + LEVEL_SHIFT[h % LEVEL_SHIFT.length]),
      weight: mandatory ? 1 : OPTIONAL_WEIGHTS[(h >>> 8) % OPTIONAL_WEIGHTS.length],
      mandatory,
    };
  });
}

/** Derives example jobs (sorted by key) from the authored specs and the ESCO occupations. */
export function buildJobs(
  specs: readonly JobSpec[],
  occupations: readonly SeedOccupation[],
  skills: readonly SeedSkill[],
  credentials: readonly SeedCredential[],
): SeedJob[] {
  const byCode = new Map(occupations.map((o) => [o.code, o]));
  const context: RankingContext = {
    taught: new Set(credentials.flatMap((c) => c.skills.map((s) => s.skillId))),
    essentialIn: essentialCounts(occupations),
  };
  const lookup = skillLabelIndex(skills);
  const keys = new Set<string>();
  return specs
    .map((spec) => {
      if (keys.has(spec.key)) throw new Error(`job "${spec.key}": duplicate key`);
      keys.add(spec.key);
      const occupation = byCode.get(spec.occupationCode);
      if (!occupation) throw new Error(`job "${spec.key}": no ICT occupation with code ${spec.occupationCode}`);
      const focus = (spec.focus ?? []).map((label) => {
        const id = lookup(label, `job "${spec.key}"`).id;
        if (!occupation.essential.includes(id) && !occupation.optional.includes(id)) {
          throw new Error(`job "${spec.key}": "${label}" is not a skill of occupation ${occupation.name}`);
        }
        return id;
      });
      return {
        id: stableUuid(JOB_NAMESPACE, spec.key),
        key: spec.key,
        title: spec.title,
        description: spec.description,
        occupationId: occupation.id,
        requirements: requirementsFor(spec, rankSkills(spec, occupation, focus, context)),
      };
    })
    .sort((a, b) => compareStrings(a.key, b.key));
}
