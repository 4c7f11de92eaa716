import type { EvidenceSource, GapReason, MatchVia } from './match-types';

/**
 * Plain sentences a recruiter reads: one per requirement match (`requirementReason`) and one or
 * two per candidate match (`matchSummary`). Pure: names and numbers in, text out.
 */

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "March 2025" (UTC). */
export function monthOf(date: Date): string {
  return `${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}

/** Two decimals, trailing zeros kept ("0.35", "1.00"): coverages are in [0, 1]. */
export function fraction(x: number): string {
  return (Math.round(x * 100) / 100).toFixed(2);
}

const RELATION: Record<Exclude<MatchVia, 'NONE'>, string> = {
  EXACT: 'Evidence of',
  NARROWER: 'Narrower skill',
  RELATED: 'Related skill',
  BROADER: 'Broader skill',
};

const SOURCE: Record<EvidenceSource, string> = {
  CREDENTIAL: 'credential',
  ASSESSMENT: 'assessment',
  EXPERIENCE: 'experience',
  SELF_REPORTED: 'self-reported',
};

export interface RequirementReasonInput {
  readonly requiredSkill: string;
  readonly requiredLevel: number;
  readonly via: MatchVia;
  readonly coverage: number;
  /** the matched evidence (null when via = NONE) */
  readonly evidence: {
    readonly skill: string;
    readonly level: number;
    readonly evidencedAt: Date;
    /** 0.5^(age / half-life) */
    readonly decay: number;
    readonly similarity: number;
    /** level × confidence × decay at asOf */
    readonly strength: number;
    readonly source: EvidenceSource;
    /** the credential behind it, if any */
    readonly credential: string | null;
    /** its earned credential's verification status as stored, e.g. VERIFIED, UNVERIFIED */
    readonly verification: string | null;
  } | null;
  /** why coverage < 1 (null when covered in full) */
  readonly gap: GapReason | null;
}

/** The verification status as a word: VERIFIED → "verified", SELF_ASSERTED → "self asserted". */
export function verificationWord(status: string): string {
  return status.toLowerCase().replace(/_/g, ' ');
}

/**
 * One sentence, e.g.
 *   "Related skill Swift (level 4, March 2025, 91% fresh; credential iOS Developer, verified) counts 0.35 towards SQL at level 3, at most its similarity 0.45."
 *   "No evidence of SQL or a neighbouring skill: missing for level 3."
 */
export function requirementReason(r: RequirementReasonInput): string {
  const target = `${r.requiredSkill} at level ${r.requiredLevel}`;
  const e = r.evidence;
  if (r.via === 'NONE' || e === null) {
    if (r.gap === 'EXPIRED') return `Only expired evidence of ${r.requiredSkill}: counts nothing towards ${target}.`;
    return `No evidence of ${r.requiredSkill} or a neighbouring skill: missing for ${target}.`;
  }
  const origin =
    e.source === 'CREDENTIAL'
      ? `credential ${e.credential ?? 'unknown'}${e.verification ? `, ${verificationWord(e.verification)}` : ''}`
      : `${SOURCE[e.source]}${e.credential ? `, credential ${e.credential}` : ''}`;
  const what = `${RELATION[r.via]} ${e.skill} (level ${e.level}, ${monthOf(e.evidencedAt)}, ${Math.round(e.decay * 100)}% fresh; ${origin})`;
  const counts = `counts ${fraction(r.coverage)} towards ${target}`;
  const limits: string[] = [];
  if (r.via !== 'EXACT') limits.push(`at most its similarity ${fraction(e.similarity)}`);
  if (e.strength < r.requiredLevel) {
    limits.push(r.gap === 'DECAYED' ? `decayed to strength ${e.strength.toFixed(1)}` : `strength ${e.strength.toFixed(1)} is below the level`);
  }
  return `${what} ${counts}${limits.length ? `, ${limits.join('; ')}` : ''}.`;
}

export interface SummaryRequirement {
  readonly skill: string;
  readonly mandatory: boolean;
  readonly weight: number;
  readonly coverage: number;
  readonly via: MatchVia;
  readonly gap: GapReason | null;
}

const GAP_WORD: Record<GapReason, string> = { MISSING: 'missing', EXPIRED: 'expired', DECAYED: 'decayed', BELOW_LEVEL: 'below level' };

/**
 * One or two sentences, e.g. "Meets all 3 mandatory requirements; exact evidence for 5 of 8; largest gap: W3C standards, missing."
 * Mandatory met = coverage ≥ threshold. Largest gap = largest weight × (1 − coverage), ties in job order.
 */
export function matchSummary(requirements: readonly SummaryRequirement[], mandatoryThreshold: number): string {
  const mandatory = requirements.filter((r) => r.mandatory);
  const missed = mandatory.filter((r) => !(r.coverage >= mandatoryThreshold));
  let first: string;
  if (mandatory.length === 0) first = 'No mandatory requirements';
  else if (missed.length === 0) first = mandatory.length === 1 ? 'Meets the 1 mandatory requirement' : `Meets all ${mandatory.length} mandatory requirements`;
  else first = `Meets ${mandatory.length - missed.length} of ${mandatory.length} mandatory requirements (not ${missed.map((r) => r.skill).join(', ')})`;
  const exact = requirements.filter((r) => r.via === 'EXACT' && r.coverage > 0).length;
  const parts = [first, `exact evidence for ${exact} of ${requirements.length}`];
  let gap: SummaryRequirement | null = null;
  let worst = 0;
  for (const r of requirements) {
    const shortfall = r.weight * (1 - r.coverage);
    if (r.coverage < 1 && shortfall > worst) {
      worst = shortfall;
      gap = r;
    }
  }
  if (gap === null) parts.push('no gaps');
  else parts.push(`largest gap: ${gap.skill}, ${gapState(gap)}`);
  return `${parts.join('; ')}.`;
}

function gapState(r: SummaryRequirement): string {
  const reason = r.gap ?? 'MISSING';
  if (!(r.coverage > 0)) return GAP_WORD[reason];
  const word = r.via !== 'EXACT' && reason === 'BELOW_LEVEL' ? 'neighbouring skill only' : GAP_WORD[reason];
  return `${word} (coverage ${fraction(r.coverage)})`;
}
