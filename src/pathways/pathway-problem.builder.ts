import { strengthAt } from '../domain/matching/decay';
import { evidenceCoverage, matchCandidate } from '../domain/matching/match-engine';
import { MatchConfig, confidenceOf } from '../domain/matching/match-config';
import { CandidateEvidence, EvidenceItem, HalfLifeFn, VerificationStatus } from '../domain/matching/match-types';
import {
  HeldCredential,
  PathwayCredential,
  PathwayProblem,
  PathwayRequirement,
  RenewalCredential,
  RenewalEvidence,
  RequirementContribution,
} from '../domain/pathways/pathway.types';
import { SimilarityLookup } from '../domain/taxonomy/similarity';

/**
 * Turns a job, a candidate and the credential catalogue into the numbers the pathway engines
 * plan over (`PathwayProblem`). Pure: the service loads everything and calls these.
 */

/** A catalogue credential with everything the engines need. */
export interface CatalogueCredential {
  id: string;
  name: string;
  hours: number;
  cost: number;
  prerequisiteIds: string[];
  componentIds: string[];
  requiredComponents: number | null;
  skills: { skillId: string; level: number }[];
}

/** The whole catalogue, indexed. Immutable once built (a change builds a new one). */
export class PathwayCatalogue {
  readonly byId: ReadonlyMap<string, CatalogueCredential>;
  /** skill id -> the credentials teaching it, with their level. */
  readonly teachers: ReadonlyMap<string, readonly { credentialId: string; level: number }[]>;

  constructor(readonly credentials: readonly CatalogueCredential[]) {
    this.byId = new Map(credentials.map((c) => [c.id, c]));
    const teachers = new Map<string, { credentialId: string; level: number }[]>();
    for (const c of credentials) {
      for (const s of c.skills) {
        const list = teachers.get(s.skillId);
        if (list) list.push({ credentialId: c.id, level: s.level });
        else teachers.set(s.skillId, [{ credentialId: c.id, level: s.level }]);
      }
    }
    this.teachers = teachers;
  }
}

/** A job requirement as the builder needs it. */
export interface ProblemRequirement {
  id: string;
  skillId: string;
  /** > 0 */
  level: number;
  /** > 0 */
  weight: number;
  mandatory: boolean;
}

/** An earned credential as the builder needs it. */
export interface EarnedCredentialRow {
  credentialId: string;
  issuedAt: Date;
  expiresAt: Date | null;
  verification: VerificationStatus;
}

/**
 * Per credential, the coverage fresh evidence from it alone gives each requirement:
 * max over its skills s of sim(s, req.skill) · min(1, level_s / req.level) (`evidenceCoverage`). Sparse: only
 * credentials and requirements with a positive coverage appear. Walks each requirement's
 * similarity map and the catalogue's skill -> credentials index, so the cost is the number of
 * (similar skill, teaching credential) pairs, not catalogue × requirements.
 */
export function contributionsFor(
  requirements: readonly ProblemRequirement[],
  catalogue: PathwayCatalogue,
  similarity: SimilarityLookup,
): Map<string, RequirementContribution[]> {
  const out = new Map<string, RequirementContribution[]>();
  for (const req of requirements) {
    if (!(req.level > 0)) continue;
    const best = new Map<string, number>();
    for (const [skillId, entry] of similarity.similarTo(req.skillId)) {
      if (!(entry.sim > 0)) continue;
      for (const t of catalogue.teachers.get(skillId) ?? []) {
        const coverage = evidenceCoverage(entry.sim, t.level, req.level);
        if (coverage > (best.get(t.credentialId) ?? 0)) best.set(t.credentialId, coverage);
      }
    }
    for (const [credentialId, coverage] of best) {
      const list = out.get(credentialId);
      const item = { requirementId: req.id, coverage };
      if (list) list.push(item);
      else out.set(credentialId, [item]);
    }
  }
  return out;
}

/** Can this earned credential count at asOf: not FAILED/REVOKED, issued by asOf, not expired (expiry on the instant). */
export function isHeldAt(earned: EarnedCredentialRow, asOf: Date): boolean {
  if (earned.verification === 'FAILED' || earned.verification === 'REVOKED') return false;
  if (earned.issuedAt.getTime() > asOf.getTime()) return false;
  return earned.expiresAt === null || earned.expiresAt.getTime() > asOf.getTime();
}

/** Ids of the credentials held at asOf (see isHeldAt), each once, in first-earned order. */
export function heldCredentialIds(earned: readonly EarnedCredentialRow[], asOf: Date): string[] {
  return [...new Set(earned.filter((e) => isHeldAt(e, asOf)).map((e) => e.credentialId))];
}

export interface ProblemContext {
  requirements: readonly ProblemRequirement[];
  /** Null: nobody (coverage 0, nothing held). */
  candidate: CandidateEvidence | null;
  earned: readonly EarnedCredentialRow[];
  catalogue: PathwayCatalogue;
  similarity: SimilarityLookup;
  halfLife: HalfLifeFn;
  config: MatchConfig;
  asOf: Date;
  /** Precomputed contributionsFor(requirements, …) when several problems share a job. */
  contributions?: Map<string, RequirementContribution[]>;
}

/**
 * The engines' problem: requirements with their weight and the candidate's coverage at asOf
 * (the matching engine: decay, confidence and expiry applied), the whole catalogue with its
 * contributions to this job, and the credentials the candidate holds at asOf.
 */
export function buildPathwayProblem(ctx: ProblemContext): PathwayProblem {
  const coverages: number[] =
    ctx.candidate && ctx.requirements.length > 0
      ? matchCandidate(ctx.candidate, { requirements: ctx.requirements }, ctx.similarity, ctx.halfLife, ctx.asOf, ctx.config).requirements.map((m) => m.coverage)
      : ctx.requirements.map(() => 0);
  const requirements: PathwayRequirement[] = ctx.requirements.map((r, i) => ({ id: r.id, weight: r.weight, currentCoverage: coverages[i] }));
  const contributions = ctx.contributions ?? contributionsFor(ctx.requirements, ctx.catalogue, ctx.similarity);
  const credentials: PathwayCredential[] = ctx.catalogue.credentials.map((c) => ({
    id: c.id,
    name: c.name,
    hours: c.hours,
    cost: c.cost,
    prerequisiteIds: c.prerequisiteIds,
    componentIds: c.componentIds,
    requiredComponents: c.requiredComponents,
    contributions: contributions.get(c.id) ?? [],
  }));
  const held = ctx.candidate ? heldCredentialIds(ctx.earned, ctx.asOf).filter((id) => ctx.catalogue.byId.has(id)) : [];
  return { requirements, credentials, heldCredentialIds: held };
}

/** Average Gregorian month in ms, as in the evidence-strength formula and the renewals engine. */
export const MONTH_MS = 30.436875 * 24 * 60 * 60 * 1000;

/**
 * The renewals engine's evidence: per item, its strength at asOf and, by decay alone, at the end
 * of the horizon (asOf + horizonMonths average months). Evidence dated after asOf counts nothing
 * at either moment (it is not known at asOf); expiry is left to the engine.
 */
export function renewalEvidence(
  evidence: readonly EvidenceItem[],
  halfLife: HalfLifeFn,
  config: MatchConfig,
  asOf: Date,
  horizonMonths: number,
): RenewalEvidence[] {
  const asOfMs = asOf.getTime();
  const endMs = asOfMs + horizonMonths * MONTH_MS;
  return evidence.map((e) => {
    const evMs = e.evidencedAt.getTime();
    const hl = halfLife(e.skillId);
    const confidence = confidenceOf(config, e.source, e.verification);
    const known = evMs <= asOfMs;
    return {
      skillId: e.skillId,
      strengthNow: known ? strengthAt(e.level, confidence, evMs, Infinity, asOfMs, hl) : 0,
      strengthAtHorizon: known ? strengthAt(e.level, confidence, evMs, Infinity, endMs, hl) : 0,
      expiresAt: e.expiresAt ?? null,
      credentialId: e.credentialId ?? null,
      halfLifeMonths: hl,
      freshStrength: e.level * confidence,
      evidencedAt: e.evidencedAt,
    };
  });
}

/** Held credentials for the renewals engine (it drops the expired ones itself). */
export function renewalHeld(earned: readonly EarnedCredentialRow[], asOf: Date): HeldCredential[] {
  return earned
    .filter((e) => e.verification !== 'FAILED' && e.verification !== 'REVOKED' && e.issuedAt.getTime() <= asOf.getTime())
    .map((e) => ({ credentialId: e.credentialId, expiresAt: e.expiresAt }));
}

export function renewalCatalogue(catalogue: PathwayCatalogue): RenewalCredential[] {
  return catalogue.credentials.map((c) => ({
    id: c.id,
    name: c.name,
    hours: c.hours,
    cost: c.cost,
    prerequisiteIds: c.prerequisiteIds,
    componentIds: c.componentIds,
    requiredComponents: c.requiredComponents,
    skills: c.skills,
  }));
}

/**
 * Share of a pathway already earned: the held steps' hours over all steps' hours; when the
 * steps have no hours at all, the share of steps held; 0 for a pathway without steps.
 */
export function pathwayProgress(steps: readonly { credentialId: string; hours: number }[], held: ReadonlySet<string>): number {
  if (steps.length === 0) return 0;
  const total = steps.reduce((s, x) => s + x.hours, 0);
  if (total > 0) return steps.reduce((s, x) => s + (held.has(x.credentialId) ? x.hours : 0), 0) / total;
  return steps.filter((x) => held.has(x.credentialId)).length / steps.length;
}
