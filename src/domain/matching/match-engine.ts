import type { SimilarityEntry, SimilarityLookup } from '../taxonomy/similarity';
import { decayFactor, ageInMonths, expiryMs, isActiveAt, strengthAt } from './decay';
import { DEFAULT_MATCH_CONFIG, MatchConfig, confidenceOf } from './match-config';
import type {
  CandidateEvidence,
  CandidateMatch,
  EvidenceItem,
  GapReason,
  HalfLifeFn,
  JobRequirements,
  MatchVia,
  RankCursor,
  RankOptions,
  RankResult,
  RankedCandidate,
  Requirement,
  RequirementGap,
  RequirementMatch,
  SkillGapResult,
  SkillStrength,
} from './match-types';

/**
 * The pure reference implementation of matching (the contract's formulas, no shortcuts).
 *
 *   coverage(req) = max_e sim(e.skill, req.skill) × min(1, strength(e) / req.level)
 *                   (a neighbour never covers more than its similarity; see `evidenceCoverage`)
 *   score         = Σ weight × coverage / Σ weight   (0 for a job without requirements)
 *   meetsMandatory = every mandatory requirement has coverage ≥ config.mandatoryThreshold
 *                    (true for a job without mandatory requirements)
 *   order          = meetsMandatory first, score descending, candidate id ascending
 *                    (JS string comparison, i.e. UTF-16 code units)
 *
 * Evidence explaining a requirement (`RequirementMatch`): the one with the largest coverage
 * sim × min(1, strength / level); exact ties go to the better via (EXACT, NARROWER, RELATED, BROADER),
 * then the larger strength, then the later evidencedAt, then the smaller evidence id. Evidence with
 * strength 0 (future, expired, FAILED/REVOKED) never explains anything: via NONE, decay 0.
 */

const VIA_RANK: Record<MatchVia, number> = { EXACT: 0, NARROWER: 1, RELATED: 2, BROADER: 3, NONE: 4 };

const EMPTY_SIM: ReadonlyMap<string, SimilarityEntry> = new Map();

/** Ranking order: negative when a comes before b. */
export function compareRanked(a: RankedCandidate, b: RankedCandidate): number {
  if (a.meetsMandatory !== b.meetsMandatory) return a.meetsMandatory ? -1 : 1;
  if (a.score !== b.score) return a.score > b.score ? -1 : 1;
  return a.candidateId < b.candidateId ? -1 : a.candidateId > b.candidateId ? 1 : 0;
}

/** Is `item` strictly after `cursor` in the ranking order? */
export function isAfterCursor(item: RankedCandidate, cursor: RankCursor | null | undefined): boolean {
  return cursor == null || compareRanked(item, cursor) > 0;
}

/**
 * Version of the coverage formula, part of the engine's configuration hash: audit records made
 * under another formula replay with a differing configuration. 1 = min(1, sim × strength / level)
 * (a neighbour's surplus level could exceed its similarity); 2 = sim × min(1, strength / level).
 */
export const COVERAGE_FORMULA_VERSION = 2;

/**
 * The coverage one piece of evidence gives a requirement: sim × min(1, strength / level).
 * Never above sim: a surplus of level on a neighbour is not the required skill. Every
 * implementation (engine, MatchIndex, gaps, pathways) uses this exact arithmetic.
 */
export function evidenceCoverage(sim: number, strength: number, requiredLevel: number): number {
  return sim * Math.min(1, strength / requiredLevel);
}

/** Σ weight × coverage / Σ weight, summed in requirement order; 0 without requirements. */
export function weightedScore(requirements: readonly Requirement[], coverages: ArrayLike<number>): number {
  let num = 0;
  let den = 0;
  for (let i = 0; i < requirements.length; i++) {
    const w = requirements[i].weight;
    num += w * coverages[i];
    den += w;
  }
  return den > 0 ? num / den : 0;
}

/** Throws a RangeError for a requirement with level ≤ 0 or weight ≤ 0 (or non-finite). */
export function validateRequirements(requirements: readonly Requirement[]): void {
  for (const r of requirements) {
    if (!(r.level > 0 && Number.isFinite(r.level))) throw new RangeError(`requirement ${r.id}: level must be > 0`);
    if (!(r.weight > 0 && Number.isFinite(r.weight))) throw new RangeError(`requirement ${r.id}: weight must be > 0`);
  }
}

export function matchCandidate(
  candidate: CandidateEvidence,
  job: JobRequirements,
  sim: SimilarityLookup,
  halfLife: HalfLifeFn,
  asOf: Date,
  config: MatchConfig = DEFAULT_MATCH_CONFIG,
): CandidateMatch {
  validateRequirements(job.requirements);
  const asOfMs = asOf.getTime();
  const prepared = candidate.evidence.map((e) => prepare(e, halfLife, asOfMs, config));
  const requirements: RequirementMatch[] = [];
  const coverages: number[] = [];
  let meetsMandatory = true;
  for (const req of job.requirements) {
    const m = matchRequirement(prepared, req, sim.similarTo(req.skillId) ?? EMPTY_SIM);
    requirements.push(m);
    coverages.push(m.coverage);
    if (req.mandatory && !(m.coverage >= config.mandatoryThreshold)) meetsMandatory = false;
  }
  return {
    candidateId: candidate.id,
    score: weightedScore(job.requirements, coverages),
    meetsMandatory,
    asOf,
    requirements,
  };
}

/**
 * Ranks the discoverable candidates (discoverable !== false). Items: score ≥ minScore, strictly
 * after `after`, at most `first`. totalCount ignores `after` and `first`.
 */
export function rankCandidates(
  candidates: Iterable<CandidateEvidence>,
  job: JobRequirements,
  sim: SimilarityLookup,
  halfLife: HalfLifeFn,
  asOf: Date,
  config: MatchConfig = DEFAULT_MATCH_CONFIG,
  options: RankOptions = { first: 20 },
): RankResult<CandidateMatch> {
  validateFirst(options.first);
  const minScore = options.minScore ?? null;
  const all: CandidateMatch[] = [];
  for (const c of candidates) {
    if (c.discoverable === false) continue;
    const m = matchCandidate(c, job, sim, halfLife, asOf, config);
    if (minScore === null || m.score >= minScore) all.push(m);
  }
  all.sort(compareRanked);
  const after = all.filter((m) => isAfterCursor(m, options.after));
  return { items: after.slice(0, options.first), totalCount: all.length, hasNextPage: after.length > options.first };
}

/**
 * Requirements with coverage < 1, largest weighted shortfall weight × (1 − coverage) first,
 * ties in job order. Reason, decided in this order (first that applies):
 *
 *  relevant evidence = evidence with sim > 0 to the required skill and evidencedAt ≤ asOf
 *  (evidence dated after asOf does not exist yet); it is
 *    void     when its confidence × level is 0 (FAILED/REVOKED credential),
 *    expired  when not void and asOf ≥ expiresAt,
 *    live     otherwise.
 *  1. MISSING     — no relevant evidence except void evidence (nothing was ever shown);
 *  2. EXPIRED     — no live evidence, at least one expired (the only evidence is expired);
 *  3. DECAYED     — some live evidence was at the required level when fresh (level × confidence ≥
 *                   required level) and decay has taken coverage from it (coverage < its sim);
 *  4. BELOW_LEVEL — otherwise: even fresh, the live evidence is below the required level.
 */
export function skillGap(
  candidate: CandidateEvidence,
  job: JobRequirements,
  sim: SimilarityLookup,
  halfLife: HalfLifeFn,
  asOf: Date,
  config: MatchConfig = DEFAULT_MATCH_CONFIG,
): SkillGapResult {
  const match = matchCandidate(candidate, job, sim, halfLife, asOf, config);
  const asOfMs = asOf.getTime();
  const gaps: { gap: RequirementGap; index: number }[] = [];
  job.requirements.forEach((req, index) => {
    const coverage = match.requirements[index].coverage;
    if (coverage >= 1) return;
    const reason = gapReason(candidate.evidence, req, sim.similarTo(req.skillId) ?? EMPTY_SIM, asOfMs, config, coverage);
    gaps.push({
      index,
      gap: { requirementId: req.id, skillId: req.skillId, coverage, weight: req.weight, shortfall: req.weight * (1 - coverage), reason },
    });
  });
  gaps.sort((a, b) => (a.gap.shortfall !== b.gap.shortfall ? b.gap.shortfall - a.gap.shortfall : a.index - b.index));
  return { candidateId: match.candidateId, score: match.score, meetsMandatory: match.meetsMandatory, gaps: gaps.map((g) => g.gap) };
}

/** Why a requirement with `coverage` < 1 is not covered (the rules of `skillGap`). */
export function gapReason(
  evidence: readonly EvidenceItem[],
  req: Requirement,
  simMap: ReadonlyMap<string, SimilarityEntry>,
  asOfMs: number,
  config: MatchConfig,
  coverage: number,
): GapReason {
  let anyExpired = false;
  let anyLive = false;
  let decayed = false;
  for (const e of evidence) {
    const s = simMap.get(e.skillId);
    if (s === undefined || s.sim <= 0) continue;
    if (e.evidencedAt.getTime() > asOfMs) continue;
    const base = e.level * confidenceOf(config, e.source, e.verification);
    if (!(base > 0)) continue; // void
    if (asOfMs >= expiryMs(e.expiresAt)) {
      anyExpired = true;
      continue;
    }
    anyLive = true;
    if (base >= req.level && coverage < s.sim) decayed = true;
  }
  if (!anyLive) return anyExpired ? 'EXPIRED' : 'MISSING';
  return decayed ? 'DECAYED' : 'BELOW_LEVEL';
}

/**
 * One entry per skill with evidence dated ≤ asOf: its strongest evidence (ties: later evidencedAt,
 * then smaller evidence id). Expired and void evidence has strength 0 and only shows when the skill
 * has nothing better. Sorted by strength descending, then skill id.
 */
export function skillProfile(
  evidence: readonly EvidenceItem[],
  halfLife: HalfLifeFn,
  asOf: Date,
  config: MatchConfig = DEFAULT_MATCH_CONFIG,
): SkillStrength[] {
  const asOfMs = asOf.getTime();
  const bySkill = new Map<string, { best: EvidenceItem; strength: number; last: number }>();
  for (const e of evidence) {
    const evMs = e.evidencedAt.getTime();
    if (evMs > asOfMs) continue;
    const strength = strengthAt(e.level, confidenceOf(config, e.source, e.verification), evMs, expiryMs(e.expiresAt), asOfMs, halfLife(e.skillId));
    const cur = bySkill.get(e.skillId);
    if (cur === undefined) {
      bySkill.set(e.skillId, { best: e, strength, last: evMs });
      continue;
    }
    if (evMs > cur.last) cur.last = evMs;
    const bMs = cur.best.evidencedAt.getTime();
    if (strength > cur.strength || (strength === cur.strength && (evMs > bMs || (evMs === bMs && e.id < cur.best.id)))) {
      cur.best = e;
      cur.strength = strength;
    }
  }
  const out: SkillStrength[] = [];
  for (const [skillId, { best, strength, last }] of bySkill) {
    out.push({
      skillId,
      level: best.level,
      strength,
      lastEvidencedAt: new Date(last),
      evidencedAt: best.evidencedAt,
      source: best.source,
      evidenceId: best.id,
      credentialId: best.credentialId ?? null,
    });
  }
  out.sort((a, b) => (a.strength !== b.strength ? b.strength - a.strength : a.skillId < b.skillId ? -1 : a.skillId > b.skillId ? 1 : 0));
  return out;
}

export function validateFirst(first: number): void {
  if (!(Number.isInteger(first) && first >= 0)) throw new RangeError(`first must be an integer >= 0, got ${first}`);
}

interface Prepared {
  readonly item: EvidenceItem;
  readonly evMs: number;
  /** strength at asOf (0 when outside its window or void) */
  readonly strength: number;
  /** decay at asOf (meaningful only when strength > 0) */
  readonly decay: number;
}

function prepare(e: EvidenceItem, halfLife: HalfLifeFn, asOfMs: number, config: MatchConfig): Prepared {
  const evMs = e.evidencedAt.getTime();
  const expMs = expiryMs(e.expiresAt);
  const conf = confidenceOf(config, e.source, e.verification);
  if (!isActiveAt(evMs, expMs, asOfMs)) return { item: e, evMs, strength: 0, decay: 0 };
  const hl = halfLife(e.skillId);
  return {
    item: e,
    evMs,
    strength: strengthAt(e.level, conf, evMs, expMs, asOfMs, hl),
    decay: decayFactor(ageInMonths(evMs, asOfMs), hl),
  };
}

function matchRequirement(prepared: readonly Prepared[], req: Requirement, simMap: ReadonlyMap<string, SimilarityEntry>): RequirementMatch {
  let best: Prepared | null = null;
  let bestEntry: SimilarityEntry | null = null;
  let bestCov = 0;
  for (const p of prepared) {
    if (!(p.strength > 0)) continue;
    const s = simMap.get(p.item.skillId);
    if (s === undefined) continue;
    const cov = evidenceCoverage(s.sim, p.strength, req.level);
    if (!(cov > 0)) continue;
    if (best === null || cov > bestCov || (cov === bestCov && tieBetter(p, s, best, bestEntry as SimilarityEntry))) {
      best = p;
      bestEntry = s;
      bestCov = cov;
    }
  }
  if (best === null || bestEntry === null) {
    return {
      requirementId: req.id,
      skillId: req.skillId,
      coverage: 0,
      via: 'NONE',
      sim: 0,
      matchedSkillId: null,
      evidenceId: null,
      credentialId: null,
      strength: 0,
      decay: 0,
      evidencedAt: null,
    };
  }
  return {
    requirementId: req.id,
    skillId: req.skillId,
    coverage: bestCov,
    via: bestEntry.via,
    sim: bestEntry.sim,
    matchedSkillId: best.item.skillId,
    evidenceId: best.item.id,
    credentialId: best.item.credentialId ?? null,
    strength: best.strength,
    decay: best.decay,
    evidencedAt: best.item.evidencedAt,
  };
}

function tieBetter(p: Prepared, s: SimilarityEntry, best: Prepared, bestEntry: SimilarityEntry): boolean {
  const va = VIA_RANK[s.via];
  const vb = VIA_RANK[bestEntry.via];
  if (va !== vb) return va < vb;
  if (p.strength !== best.strength) return p.strength > best.strength;
  if (p.evMs !== best.evMs) return p.evMs > best.evMs;
  return p.item.id < best.item.id;
}
