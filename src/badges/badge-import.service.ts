import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { toEarnedCredentialObject } from '../candidates/candidate.mapper';
import { EarnedCredentialEntity, VerificationCheckRecord } from '../candidates/earned-credential.entity';
import { EarnedCredentialObject } from '../candidates/earned-credential.object';
import { EvidenceSource } from '../candidates/evidence-source.enum';
import { AppException } from '../common/errors/app.exception';
import { DomainEvents } from '../common/events/domain-events.service';
import { indexRows, isUuid } from '../common/loaders/group-by';
import { LoaderKey } from '../common/loaders/loader-key';
import { LoaderRegistry } from '../common/loaders/loader-registry.service';
import { CredentialEntity, CredentialTypeValue } from '../credentials/credential.entity';
import { TransactionService } from '../database/transaction.service';
import { EditDistance } from '../domain/search/edit-distance';
import { TaxonomyService } from '../taxonomy/taxonomy.service';
import { BadgeRepository } from './badge.repository';
import { ImportBadgeInput } from './import-badge.input';
import { DatabaseTrustedKeyStore } from './trusted-key-store';
import { VerificationCheckObject } from './verification-check.object';
import {
  AchievementLevel,
  BadgeInputError,
  BadgeVerificationResult,
  BadgeVerifier,
  ExtractedAchievement,
  escoSkillUris,
  levelFromResults,
} from './verification';

/** Verification checks of an earned credential, by earned credential id. */
export const EARNED_CREDENTIAL_CHECKS = new LoaderKey<string, VerificationCheckObject[]>('earnedCredentialChecks');

/** An alignment's targetName names a skill when the search scores it at least this (exact or loose match). */
export const ALIGNMENT_NAME_MIN_SCORE = 0.9;
/** Same-issuer catalogue credentials whose normalised name is at least this similar are the same credential. */
export const CREDENTIAL_NAME_MIN_SIMILARITY = 0.85;
/** Level of evidence when neither the credential's results nor the catalogue say. */
export const DEFAULT_EVIDENCE_LEVEL = 3;

export type ImportedCredentialObject = EarnedCredentialObject & { verificationChecks: VerificationCheckObject[] };

/** Words of rubric level names → skill level 1..5 (first match wins, checked in this order). */
const LEVEL_WORDS: [RegExp, number][] = [
  [/\b(expert|master|mastery|exemplary|distinguished|outstanding|excellent)\b/iu, 5],
  [/\b(advanced|accomplished|highly proficient)\b/iu, 4],
  [/\b(intermediate|proficient|competent|practitioner|meets)\b/iu, 3],
  [/\b(basic|foundation|foundational|elementary|developing|emerging|approaching)\b/iu, 2],
  [/\b(novice|beginner|introductory|awareness|entry)\b/iu, 1],
];
const LETTER_GRADES: Record<string, number> = { A: 5, B: 4, C: 3, D: 2, E: 1, F: 1 };

const clampLevel = (n: number): number => Math.min(5, Math.max(1, Math.round(n)));

/**
 * A skill level 1..5 from what the credential says the learner reached (`levelFromResults`), or null:
 * a level word (novice … expert), else the rank within the rubric spread over 1..5, else a value that
 * is a level 1..5, a fraction ("7/10"), a percentage or a letter grade.
 */
export function skillLevelOf(level: AchievementLevel | null): number | null {
  if (!level) return null;
  const label = level.label.trim();
  for (const [pattern, value] of LEVEL_WORDS) if (pattern.test(label)) return value;
  if (level.rank && level.outOf && level.outOf >= 2) return clampLevel(1 + ((level.rank - 1) * 4) / (level.outOf - 1));
  const levelN = /^(?:level\s*)?([1-5])$/iu.exec(label);
  if (levelN) return Number(levelN[1]);
  const fraction = /^(\d+(?:\.\d+)?)\s*\/\s*(\d+(?:\.\d+)?)$/u.exec(label);
  if (fraction && Number(fraction[2]) > 0) return clampLevel(Math.ceil((Number(fraction[1]) / Number(fraction[2])) * 5));
  const percent = /^(\d+(?:\.\d+)?)\s*%$/u.exec(label);
  if (percent) return clampLevel(Math.ceil(Number(percent[1]) / 20));
  const grade = /^([A-F])[+-]?$/u.exec(label);
  if (grade) return LETTER_GRADES[grade[1]];
  return null;
}

/** Catalogue type from an OB3 achievementType, when obvious; BADGE otherwise. */
export function credentialTypeOf(achievementType: string | undefined): CredentialTypeValue {
  const t = (achievementType ?? '').replace(/^.*[#/:]/u, '');
  if (/Degree$|^Diploma$|Doctorate$/u.test(t)) return 'DEGREE';
  if (/^(Certification|License)$/u.test(t)) return 'CERTIFICATION';
  if (/Certificate/u.test(t)) return 'CERTIFICATE';
  if (t === 'MicroCredential') return 'MICRO_CREDENTIAL';
  return 'BADGE';
}

function normaliseName(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** 1 − edit distance / length on normalised names (also with sorted words); 1 = same name. */
export function nameSimilarity(a: string, b: string): number {
  const x = normaliseName(a);
  const y = normaliseName(b);
  if (!x || !y) return 0;
  const ratio = (p: string, q: string) => 1 - EditDistance.osa(p, q) / Math.max(p.length, q.length);
  const sorted = (s: string) => s.split(' ').sort().join(' ');
  return Math.max(ratio(x, y), ratio(sorted(x), sorted(y)));
}

function toCheckObjects(checks: readonly VerificationCheckRecord[]): VerificationCheckObject[] {
  return checks.map((c) => ({ name: c.name, outcome: c.outcome, detail: c.detail ?? null }));
}

function validDate(d: Date | null | undefined): Date | null {
  return d instanceof Date && !Number.isNaN(d.getTime()) ? d : null;
}

interface SkillCandidate {
  /** ESCO skill URI named by the alignment, if any. */
  uri: string | null;
  /** Best search hit for the alignment's targetName at or above ALIGNMENT_NAME_MIN_SCORE. */
  nameHit: string | null;
}

/**
 * importBadge: verifies an Open Badges / CLR credential offline (integrity and trust), then records it for a
 * candidate as an earned credential: mapped onto a catalogue credential only when VERIFIED by an issuer the
 * trust list trusts for that credential's issuer, else as the learner's own achievement record (never in the
 * catalogue). One piece of CREDENTIAL evidence per skill, unless verification FAILED or it is REVOKED; its
 * confidence follows the status (UNVERIFIED counts as a self-reported claim).
 */
@Injectable()
export class BadgeImportService implements OnModuleInit {
  private readonly verifier: BadgeVerifier;

  constructor(
    private readonly badges: BadgeRepository,
    private readonly taxonomy: TaxonomyService,
    private readonly transactions: TransactionService,
    private readonly loaders: LoaderRegistry,
    private readonly events: DomainEvents,
    trustedKeys: DatabaseTrustedKeyStore,
  ) {
    this.verifier = new BadgeVerifier({ trustedKeys });
  }

  onModuleInit(): void {
    this.loaders.register(EARNED_CREDENTIAL_CHECKS, async (ids) =>
      indexRows(ids, await this.badges.checksOf(ids), (r) => r.id).map((r) => toCheckObjects(r?.checks ?? [])),
    );
  }

  /** Imports every credential of the input (a CLR holds several), in order; idempotent per credential. */
  async importAll(input: ImportBadgeInput): Promise<ImportedCredentialObject[]> {
    const candidate = isUuid(input.candidateId) ? await this.badges.findCandidate(input.candidateId) : null;
    if (!candidate) throw AppException.notFound('Candidate', input.candidateId, 'input.candidateId');

    // Verification runs before the transaction: it takes a while and must not hold the (PGlite) connection.
    const results = await this.verify(input.credential, candidate.email);
    const skillCandidates = results.map((r) => this.skillCandidates(r.achievement));
    const now = new Date();

    return this.transactions.run(async ({ manager, afterCommit }) => {
      if (!(await this.badges.findCandidate(input.candidateId, manager))) {
        throw AppException.notFound('Candidate', input.candidateId, 'input.candidateId');
      }
      const imported: ImportedCredentialObject[] = [];
      let wrote = false;
      for (const [i, result] of results.entries()) {
        const existing = await this.badges.findEarnedByHash(input.candidateId, result.credentialHash, manager);
        if (existing) {
          imported.push(this.toObject(existing));
          continue;
        }
        const outcome = await this.record(input.candidateId, result, skillCandidates[i], now, manager);
        if (outcome.earned) wrote = true;
        imported.push(this.toObject(outcome.earned ?? (await this.requireEarnedByHash(input.candidateId, result.credentialHash, manager))));
      }
      if (wrote) afterCommit(() => this.events.emit('candidate.changed', { candidateIds: [input.candidateId] }));
      return imported;
    });
  }

  async importOne(input: ImportBadgeInput): Promise<ImportedCredentialObject> {
    const [first] = await this.importAll(input);
    return first;
  }

  private async verify(credential: string, recipientEmail: string | null): Promise<BadgeVerificationResult[]> {
    try {
      const results = await this.verifier.verify(credential, { recipientEmail });
      if (results.length === 0) throw AppException.badInput('input.credential', 'the credential holds no credentials to import');
      return results;
    } catch (error) {
      if (error instanceof BadgeInputError) throw AppException.badInput('input.credential', error.reason, { reason: error.code });
      throw error;
    }
  }

  /** What each alignment may name: an ESCO skill URI, and a skill found by its targetName (in-memory search). */
  private skillCandidates(achievement: ExtractedAchievement): SkillCandidate[] {
    const names = achievement.alignments.map((a) => a.targetName?.trim() ?? '');
    const hits = this.taxonomy.search.resolveSkills(names);
    return achievement.alignments.map((alignment, i) => {
      const hit = names[i] ? hits[i]?.hit : null;
      return {
        uri: escoSkillUris([alignment])[0] ?? null,
        nameHit: hit && hit.score >= ALIGNMENT_NAME_MIN_SCORE ? hit.skillId : null,
      };
    });
  }

  /**
   * Everything one verified credential writes; `earned` null when a concurrent import got there first.
   * It maps onto a catalogue credential only when VERIFIED by an issuer trusted for that credential's issuer;
   * anything else becomes the learner's own achievement record (its skills from its alignments, none when FAILED).
   */
  private async record(
    candidateId: string,
    result: BadgeVerificationResult,
    candidates: readonly SkillCandidate[],
    now: Date,
    manager: EntityManager,
  ): Promise<{ earned: EarnedCredentialEntity | null }> {
    const failed = result.status === 'FAILED' || result.status === 'REVOKED';
    const resultLevel = skillLevelOf(levelFromResults(result.results));
    const alignedSkillIds = await this.mapSkills(candidates, manager);

    const found = result.status === 'VERIFIED' ? await this.findCatalogueCredential(result, manager) : null;
    let credential: CredentialEntity;
    let catalogueLevels = new Map<string, number>();
    if (found) {
      credential = found;
      catalogueLevels = new Map((await this.badges.credentialSkills(found.id, manager)).map((s) => [s.skillId, s.level]));
    } else {
      credential = await this.badges.insertLearnerRecord(this.learnerRecord(result, candidateId), manager);
      if (result.status !== 'FAILED') {
        // A FAILED credential's alignments cannot be trusted (it may be tampered with): no skills from it.
        await this.badges.insertCredentialSkills(
          credential.id,
          alignedSkillIds.map((skillId) => ({ skillId, level: resultLevel ?? DEFAULT_EVIDENCE_LEVEL })),
          manager,
        );
      }
    }

    const issuedAt = validDate(result.issuedAt) ?? now;
    // the credential's own validity, whatever its status (it counts nothing after it)
    const expiresAt = validDate(result.expiresAt);
    const earned = await this.badges.insertEarnedCredential(
      {
        candidateId,
        credentialId: credential.id,
        issuedAt,
        expiresAt,
        verification: result.status,
        verificationChecks: result.checks.map((c) => ({ name: c.name, outcome: c.outcome, ...(c.detail !== undefined ? { detail: c.detail } : {}) })),
        sourceHash: result.credentialHash,
        verifiedBy: result.status === 'VERIFIED' ? (result.trust.by ?? null) : null,
      },
      manager,
    );
    // A concurrent import of the same credential won: its record stands, this one goes.
    if (!earned && !found) await this.badges.deleteLearnerRecord(credential.id, manager);
    if (earned && !failed) {
      // The skills the credential aligns to, plus those the catalogue lists for a catalogue credential.
      const skillIds = [...new Set([...alignedSkillIds, ...catalogueLevels.keys()])];
      await this.badges.insertEvidence(
        skillIds.map((skillId) => ({
          candidateId,
          skillId,
          level: resultLevel ?? catalogueLevels.get(skillId) ?? DEFAULT_EVIDENCE_LEVEL,
          evidencedAt: issuedAt,
          source: EvidenceSource.CREDENTIAL,
          earnedCredentialId: earned.id,
        })),
        manager,
      );
    }
    return { earned };
  }

  /** Skill ids of the alignments, in order, distinct: by ESCO URI, else by targetName. */
  private async mapSkills(candidates: readonly SkillCandidate[], manager: EntityManager): Promise<string[]> {
    if (candidates.length === 0) return [];
    const byUri = await this.badges.skillIdsByUri(
      candidates.map((c) => c.uri).filter((u): u is string => !!u),
      manager,
    );
    const picked = candidates.map((c) => (c.uri && byUri.get(c.uri)) || c.nameHit).filter((id): id is string => !!id);
    // The search index is refreshed after commits; make sure a name hit is still a skill.
    const existing = await this.badges.existingSkillIds(picked, manager);
    return [...new Set(picked.filter((id) => existing.has(id)))];
  }

  /**
   * The catalogue credential a VERIFIED import maps onto, among those of the catalogue issuers its issuer is
   * trusted for (trust list): by external id (the achievement id), else the same name (ignoring case), else a
   * similar name. Catalogue credentials linked to another achievement id never match by name. None without trust.
   */
  private async findCatalogueCredential(result: BadgeVerificationResult, manager: EntityManager): Promise<CredentialEntity | null> {
    if (!result.trust.trusted || result.trust.trustedFor.length === 0) return null;
    const pool = await this.badges.findCatalogueCredentialsOfIssuers(result.trust.trustedFor, manager);
    const achievement = result.achievement;
    const achievementId = achievement.id?.trim();
    if (achievementId) {
      const byId = pool.find((c) => c.externalId === achievementId);
      if (byId) return byId;
    }
    const compatible = pool.filter((c) => !achievementId || !c.externalId);
    const name = this.achievementName(result);
    const same = compatible.find((c) => c.name.trim().toLowerCase() === name.toLowerCase());
    if (same) return same;
    let best: { credential: CredentialEntity; similarity: number } | null = null;
    for (const credential of compatible) {
      const similarity = nameSimilarity(name, credential.name);
      if (similarity >= CREDENTIAL_NAME_MIN_SIMILARITY && (!best || similarity > best.similarity)) best = { credential, similarity };
    }
    return best?.credential ?? null;
  }

  private learnerRecord(result: BadgeVerificationResult, ownerCandidateId: string) {
    const a = result.achievement;
    const description = [a.description?.trim(), a.criteria?.trim() && a.criteria.trim() !== a.description?.trim() ? `Criteria: ${a.criteria.trim()}` : null]
      .filter((s): s is string => !!s)
      .join('\n\n');
    const credits = a.creditsAvailable;
    return {
      name: this.achievementName(result),
      issuer: this.issuerName(result),
      type: credentialTypeOf(a.type),
      academicCredits: typeof credits === 'number' && Number.isFinite(credits) && credits >= 0 ? credits : null,
      description: description || null,
      externalId: a.id?.trim() || null,
      ownerCandidateId,
    };
  }

  private achievementName(result: BadgeVerificationResult): string {
    return result.achievement.name?.trim() || result.credentialName?.trim() || 'Imported credential';
  }

  private issuerName(result: BadgeVerificationResult): string {
    return result.issuer.name?.trim() || result.issuer.id.trim() || 'Unknown issuer';
  }

  private async requireEarnedByHash(candidateId: string, sourceHash: string, manager: EntityManager): Promise<EarnedCredentialEntity> {
    const earned = await this.badges.findEarnedByHash(candidateId, sourceHash, manager);
    if (!earned) throw new Error(`earned credential with source hash ${sourceHash} vanished`);
    return earned;
  }

  private toObject(entity: EarnedCredentialEntity): ImportedCredentialObject {
    return { ...toEarnedCredentialObject(entity), verificationChecks: toCheckObjects(entity.verificationChecks ?? []) };
  }
}
