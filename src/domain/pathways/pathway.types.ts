/**
 * Pathway engine types. The engine is independent of the matching engine: the caller
 * turns a job, a candidate's evidence and the credential catalogue into numbers —
 * per requirement a weight and a current coverage, per credential the coverage that
 * fresh evidence from that credential alone would give each requirement — and the
 * engine plans over those numbers only.
 *
 * Model
 *   score(S) = Σ_r w_r · cov_r(S) / Σ_r w_r
 *   cov_r(S) = max(c0_r, max over c in E(S) \ held of gain(c, r))
 *   E(S)     = held ∪ S ∪ the free stacks completed by them (transitively)
 *
 * Stack / capstone rule (see README.md in this folder)
 *   A credential with components is a stack; it needs N = requiredComponents (null: all)
 *   of its components earned (held, chosen or completed).
 *   - A FREE stack (hours = 0 and cost = 0) is never chosen: it is earned automatically,
 *     at no cost, as soon as N components and all its prerequisites are earned.
 *   - A CAPSTONE (hours > 0 or cost > 0) must be chosen and paid like any credential;
 *     it can only be chosen once N of its components and all its prerequisites are
 *     earned (the components act as an N-of-M prerequisite).
 *   If the held credentials already complete a free stack that is not held, that stack
 *   counts as held and its contribution is part of the starting coverage.
 */

/** Scores within this distance of the target count as reaching it. */
export const SCORE_EPSILON = 1e-6;

export type PathwayObjective = 'HOURS' | 'COST';

export interface PathwayRequirement {
  id: string;
  /** > 0; non-positive weights are treated as 0 (the requirement is ignored). */
  weight: number;
  /** The candidate's coverage now, in [0, 1] (clamped). */
  currentCoverage: number;
}

export interface RequirementContribution {
  requirementId: string;
  /**
   * Coverage in [0, 1] (clamped) that fresh evidence from this credential alone gives the
   * requirement: max over the credential's skills s of sim(s, req.skill) · min(1, level_s / req.level).
   */
  coverage: number;
}

export interface PathwayCredential {
  id: string;
  name: string;
  hours: number;
  cost: number;
  prerequisiteIds: readonly string[];
  /** Non-empty: this credential is a stack of these components. */
  componentIds: readonly string[];
  /** How many components earn the stack; null: all of them. */
  requiredComponents: number | null;
  /** Sparse; requirements not listed get 0. */
  contributions: readonly RequirementContribution[];
}

export interface PathwayProblem {
  requirements: readonly PathwayRequirement[];
  credentials: readonly PathwayCredential[];
  /** Credentials the candidate holds (their contribution is already in currentCoverage). */
  heldCredentialIds: readonly string[];
}

export interface Budget {
  maxHours?: number | null;
  maxCost?: number | null;
}

// ------------------------------------------------------------------ recommend

/**
 * Order of recommendations. DEFAULT: score gain per hour of the bundle (per cost unit when only
 * maxCost is given); GAIN: score gain; GAIN_PER_HOUR / GAIN_PER_COST: gain per hour / per cost unit.
 */
export type RecommendationOrder = 'DEFAULT' | 'GAIN' | 'GAIN_PER_HOUR' | 'GAIN_PER_COST';

export interface RecommendOptions extends Budget {
  /** How many to return; default 5. */
  first?: number;
  /** default 'DEFAULT' */
  orderBy?: RecommendationOrder | null;
}

export interface CoverageRaise {
  requirementId: string;
  before: number;
  after: number;
}

export interface CredentialRecommendationResult {
  credentialId: string;
  /** projectedScore - startScore (> 0). */
  scoreGain: number;
  /** Score if this credential and everything missing to earn it were earned now. */
  projectedScore: number;
  /** Hours of the whole bundle (the credential and its missing prerequisites / components). */
  hours: number;
  cost: number;
  /** Requirements the bundle brings to full coverage (from below 1), in requirement order. */
  closesRequirementIds: string[];
  /** Every requirement whose coverage the bundle raises, before and after, in requirement order. */
  raises: CoverageRaise[];
  /**
   * Credentials that must be earned first (missing prerequisites, transitively; for a stack,
   * also the components chosen to complete it), prerequisites first. The credential itself
   * is not included (a free stack is not a step either: it is earned by its components).
   */
  prerequisitesMissingIds: string[];
  /** Stacks (other than the credential itself) that earning the bundle completes. */
  completesStackIds: string[];
}

// ------------------------------------------------------------------ plan

export interface PlanPathwayOptions extends Budget {
  /** Default 0.8. */
  targetScore?: number;
  /** Default HOURS. */
  minimize?: PathwayObjective;
  /** Wall-clock limit for the exact solver, ms; default 2000. */
  timeLimitMs?: number;
  /** 'EXACT' (default): greedy + HiGHS MIP. 'GREEDY': greedy only (optimal false unless trivial). */
  solver?: 'EXACT' | 'GREEDY';
  /** The job's name for the Mermaid chart's title (with the target score). */
  jobTitle?: string | null;
}

export interface PlanStepResult {
  /** 1-based. */
  position: number;
  credentialId: string;
  /** Score after this step (and the stacks it completes). */
  projectedScore: number;
  cumulativeHours: number;
  cumulativeCost: number;
  /** Free stacks completed by this step. */
  earnsStackIds: string[];
}

export type ExactStatus =
  | 'TRIVIAL' // nothing to solve (target already met, or nothing can raise the score)
  | 'OPTIMAL' // proven optimal by HiGHS
  | 'TIME_LIMIT' // stopped by the time limit; best incumbent returned
  | 'SKIPPED' // greedy only
  | 'ERROR'; // solver failure; greedy returned

export interface PlanSummary {
  credentialIds: string[];
  finalScore: number;
  reachesTarget: boolean;
  totalHours: number;
  totalCost: number;
}

export interface PathwayPlanResult {
  startScore: number;
  finalScore: number;
  reachesTarget: boolean;
  totalHours: number;
  totalCost: number;
  /**
   * True when proven minimal for the objective among plans that reach the target within the
   * budgets; when none does, true when proven to have the highest reachable score and the
   * minimal objective among plans with that score.
   */
  optimal: boolean;
  steps: PlanStepResult[];
  mermaid: string;
  /** The greedy plan, for comparison. */
  greedy: PlanSummary;
  solver: { status: ExactStatus; elapsedMs: number };
}

// ------------------------------------------------------------------ mermaid

export interface MermaidCredential {
  id: string;
  name: string;
  prerequisiteIds: readonly string[];
  componentIds: readonly string[];
  /** shown on each step when given */
  hours?: number;
  cost?: number;
}

export interface MermaidStep {
  position: number;
  credentialId: string;
  projectedScore: number;
  earnsStackIds: readonly string[];
}

export interface MermaidInput {
  steps: readonly MermaidStep[];
  credentials: readonly MermaidCredential[];
  heldCredentialIds?: readonly string[];
  /** When given, a start node shows it. */
  startScore?: number;
  /** The chart's title, e.g. the job and the target score. */
  title?: string | null;
}

// ------------------------------------------------------------------ order validation

export interface OrderCredential {
  id: string;
  prerequisiteIds: readonly string[];
  componentIds?: readonly string[];
  requiredComponents?: number | null;
  /** A stack with hours or cost of its own is a capstone: it must be listed to be earned. */
  hours?: number;
  cost?: number;
}

export interface OrderViolation {
  credentialId: string;
  prerequisiteId: string;
  /** AFTER: the prerequisite comes later in the list; MISSING: not in the list and not held. */
  kind: 'AFTER' | 'MISSING';
}

// ------------------------------------------------------------------ renewals

export interface RenewalEvidence {
  skillId: string;
  /** Strength now (level · confidence · decay), 0..5. */
  strengthNow: number;
  /** Strength at the end of the horizon by decay alone (expiry is applied by the engine). */
  strengthAtHorizon: number;
  /** Expiry of the credential behind the evidence; null/undefined: never. */
  expiresAt?: Date | null;
  credentialId?: string | null;
  /** When given, the engine computes when the evidence falls below the useful level. */
  halfLifeMonths?: number | null;
  /** level × confidence (fresh strength) and the evidence date: needed for lapsed skills */
  freshStrength?: number;
  evidencedAt?: Date | null;
}

export interface RenewalCredential {
  id: string;
  name?: string;
  hours: number;
  cost: number;
  prerequisiteIds: readonly string[];
  componentIds: readonly string[];
  requiredComponents: number | null;
  skills: readonly { skillId: string; level: number }[];
}

export interface HeldCredential {
  credentialId: string;
  expiresAt?: Date | null;
}

export interface RenewalsInput {
  asOf: Date;
  horizonMonths: number;
  /** Strength below which a skill is no longer useful (e.g. 2 on the 0..5 scale). */
  usefulLevel: number;
  evidence: readonly RenewalEvidence[];
  held: readonly HeldCredential[];
  catalogue: readonly RenewalCredential[];
  /** What "least cost" means; default COST (ties by hours, then id). */
  minimize?: PathwayObjective;
}

export interface RenewalOption {
  credentialId: string;
  /** Including missing prerequisites / components. */
  hours: number;
  cost: number;
  prerequisitesMissingIds: string[];
}

export interface SkillRenewal {
  skillId: string;
  strengthNow: number;
  /** Strongest evidence at the horizon, expiry applied. */
  strengthAtHorizon: number;
  /** EXPIRY: the evidence that keeps it useful expires within the horizon; DECAY otherwise. */
  reason: 'DECAY' | 'EXPIRY';
  /** When the skill falls below the useful level (null when half-lives are unknown). */
  fallsBelowAt: Date | null;
  /** The credential behind the strongest evidence now, if any. */
  credentialId: string | null;
  renewal: RenewalOption | null;
}

/** A skill that was useful within the last horizonMonths and is below the useful level now. */
export interface LapsedSkill {
  skillId: string;
  /** The strongest strength it had in the window (at its start, or when evidenced later). */
  strengthThen: number;
  /** Strength now, expiry applied (below the useful level). */
  strengthNow: number;
  /** EXPIRY: decay alone would keep it useful now, but the credential behind it expired; DECAY otherwise. */
  reason: 'DECAY' | 'EXPIRY';
  /** When it fell below the useful level (null when half-lives are unknown). */
  fellBelowAt: Date | null;
  /** The credential behind the evidence that kept it useful longest, if any. */
  credentialId: string | null;
  renewal: RenewalOption | null;
}

export interface CredentialRenewal {
  credentialId: string;
  expiresAt: Date;
  renewal: RenewalOption | null;
}

export interface RenewalsResult {
  skills: SkillRenewal[];
  /** Skills that lapsed within the last horizonMonths, most recently lapsed first. */
  lapsed: LapsedSkill[];
  credentials: CredentialRenewal[];
}
