import type { MatchVia } from '../taxonomy/similarity';
import type { EvidenceSource, VerificationStatus } from './match-config';

export type { MatchVia } from '../taxonomy/similarity';
export type { EvidenceSource, VerificationStatus } from './match-config';

/** One piece of skill evidence of a candidate (own evidence or a skill of an earned credential). */
export interface EvidenceItem {
  readonly id: string;
  readonly skillId: string;
  /** 1..5 (any integer 0..31 is accepted; 0 counts nothing) */
  readonly level: number;
  readonly evidencedAt: Date;
  readonly source: EvidenceSource;
  /** only for CREDENTIAL evidence; missing = VERIFIED (awarded from the catalogue) */
  readonly verification?: VerificationStatus | null;
  /** the credential's expiry; null/undefined = never */
  readonly expiresAt?: Date | null;
  /** the catalogue credential behind the evidence, if any */
  readonly credentialId?: string | null;
}

export interface Requirement {
  readonly id: string;
  readonly skillId: string;
  /** required level, > 0 (1..5) */
  readonly level: number;
  /** > 0 */
  readonly weight: number;
  readonly mandatory: boolean;
}

export interface CandidateEvidence {
  readonly id: string;
  readonly evidence: readonly EvidenceItem[];
  /** rankCandidates skips candidates with discoverable === false */
  readonly discoverable?: boolean;
}

export interface JobRequirements {
  readonly requirements: readonly Requirement[];
}

/** Effective half-life in months of a skill (e.g. `SkillGraph.halfLifeOf`). */
export type HalfLifeFn = (skillId: string) => number;

export interface RequirementMatch {
  readonly requirementId: string;
  readonly skillId: string;
  /** max over evidence of sim × min(1, strength / level); 0 when via = NONE */
  readonly coverage: number;
  readonly via: MatchVia;
  /** similarity of matchedSkillId to the required skill (0 when NONE) */
  readonly sim: number;
  readonly matchedSkillId: string | null;
  readonly evidenceId: string | null;
  readonly credentialId: string | null;
  /** strength of that evidence at asOf (0 when NONE) */
  readonly strength: number;
  /** 0.5^(ageMonths / halfLife) of that evidence; 0 when NONE */
  readonly decay: number;
  readonly evidencedAt: Date | null;
}

export interface RankedCandidate {
  readonly candidateId: string;
  readonly score: number;
  readonly meetsMandatory: boolean;
}

export interface CandidateMatch extends RankedCandidate {
  readonly asOf: Date;
  /** one per requirement, in the job's order */
  readonly requirements: readonly RequirementMatch[];
}

/** Position after which a page starts (the last item of the previous page). */
export type RankCursor = RankedCandidate;

export interface RankOptions {
  /** page size, integer ≥ 0 */
  readonly first: number;
  readonly after?: RankCursor | null;
  /** only candidates with score ≥ minScore (null/undefined: all) */
  readonly minScore?: number | null;
}

export interface RankResult<T extends RankedCandidate = RankedCandidate> {
  readonly items: T[];
  /** discoverable candidates with score ≥ minScore (all discoverable when minScore is null), regardless of `after` */
  readonly totalCount: number;
  /** more items exist after the last one returned */
  readonly hasNextPage: boolean;
}

export type GapReason = 'MISSING' | 'EXPIRED' | 'DECAYED' | 'BELOW_LEVEL';

export interface RequirementGap {
  readonly requirementId: string;
  readonly skillId: string;
  readonly coverage: number;
  readonly weight: number;
  /** weight × (1 − coverage) */
  readonly shortfall: number;
  readonly reason: GapReason;
}

export interface SkillGapResult extends RankedCandidate {
  /** requirements with coverage < 1, largest shortfall first (ties: job order) */
  readonly gaps: readonly RequirementGap[];
}

export interface SkillStrength {
  readonly skillId: string;
  /** level of the strongest evidence */
  readonly level: number;
  /** level × confidence × decay of the strongest evidence (0..5); 0 if all its evidence is expired/void */
  readonly strength: number;
  /** latest evidencedAt (≤ asOf) among all evidence of this skill */
  readonly lastEvidencedAt: Date;
  /** evidencedAt of the strongest evidence */
  readonly evidencedAt: Date;
  readonly source: EvidenceSource;
  readonly evidenceId: string;
  readonly credentialId: string | null;
}
