import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { CandidateScope } from '../auth/authorization';
import { AppException } from '../common/errors/app.exception';
import { DomainEvents } from '../common/events/domain-events.service';
import { groupRows, indexRows, isUuid } from '../common/loaders/group-by';
import { LoaderRegistry } from '../common/loaders/loader-registry.service';
import { ConnectionShape } from '../common/pagination/connection.factory';
import { ListArgs } from '../common/pagination/list.args';
import { CredentialRepository } from '../credentials/credential.repository';
import { TransactionService } from '../database/transaction.service';
import { addMonthsUtc } from '../domain/time/add-months';
import { SkillRepository } from '../skills/skill.repository';
import { AddSkillEvidenceInput } from './add-skill-evidence.input';
import { AwardCredentialInput } from './award-credential.input';
import { CandidateEntity } from './candidate.entity';
import { CANDIDATE_BY_ID, EARNED_CREDENTIALS_BY_CANDIDATE, EVIDENCE_BY_CANDIDATE } from './candidate.loaders';
import { toCandidateObject, toEarnedCredentialObject, toSkillEvidenceObject } from './candidate.mapper';
import { CandidateObject } from './candidate.object';
import { CandidateRepository } from './candidate.repository';
import { CreateCandidateInput } from './create-candidate.input';
import { EarnedCredentialObject } from './earned-credential.object';
import { EvidenceSource } from './evidence-source.enum';
import { SkillEvidenceObject } from './skill-evidence.object';
import { UpdateCandidateInput } from './update-candidate.input';

/** Evidence may be dated at most this far in the future (clock skew between systems). */
const FUTURE_TOLERANCE_MS = 24 * 60 * 60 * 1000;

@Injectable()
export class CandidateService implements OnModuleInit {
  constructor(
    private readonly candidates: CandidateRepository,
    private readonly credentials: CredentialRepository,
    private readonly skills: SkillRepository,
    private readonly transactions: TransactionService,
    private readonly loaders: LoaderRegistry,
    private readonly events: DomainEvents,
  ) {}

  onModuleInit(): void {
    this.loaders.register(CANDIDATE_BY_ID, async (ids) => indexRows(ids, (await this.candidates.findByIds(ids)).map(toCandidateObject), (c) => c.id));
    this.loaders.register(EARNED_CREDENTIALS_BY_CANDIDATE, async (ids) =>
      groupRows(ids, (await this.candidates.earnedCredentialsOf(ids)).map(toEarnedCredentialObject), (r) => r.candidateId),
    );
    this.loaders.register(EVIDENCE_BY_CANDIDATE, async (ids) =>
      groupRows(ids, (await this.candidates.evidenceOf(ids)).map(toSkillEvidenceObject), (r) => r.candidateId),
    );
  }

  async findById(id: string): Promise<CandidateObject | null> {
    if (!isUuid(id)) return null;
    const [found] = await this.candidates.findByIds([id]);
    return found ? toCandidateObject(found) : null;
  }

  async list(args: ListArgs, scope: CandidateScope): Promise<ConnectionShape<CandidateObject>> {
    const page = await this.candidates.list(args, scope);
    return { ...page, edges: page.edges.map((e) => ({ cursor: e.cursor, node: toCandidateObject(e.node) })) };
  }

  create(input: CreateCandidateInput): Promise<CandidateObject> {
    return this.transactions.run(async ({ manager, afterCommit }) => {
      const saved = await this.candidates.save(
        { name: input.name.trim(), discoverable: input.discoverable ?? true, email: input.email?.trim().toLowerCase() ?? null },
        manager,
      );
      afterCommit(() => this.events.emit('candidate.changed', { candidateIds: [saved.id] }));
      return toCandidateObject(saved);
    });
  }

  update(input: UpdateCandidateInput): Promise<CandidateObject> {
    return this.transactions.run(async ({ manager, afterCommit }) => {
      const current = await this.requireCandidate(input.id, 'input.id', manager);
      const saved = await this.candidates.save(
        {
          ...current,
          name: input.name?.trim() ?? current.name,
          discoverable: input.discoverable ?? current.discoverable,
          email: input.email !== undefined ? (input.email?.trim().toLowerCase() ?? null) : current.email,
        },
        manager,
      );
      afterCommit(() => this.events.emit('candidate.changed', { candidateIds: [saved.id] }));
      return toCandidateObject(saved);
    });
  }

  /** Deletes the candidate with all their credentials, evidence and pathways. */
  delete(id: string): Promise<string> {
    return this.transactions.run(async ({ manager, afterCommit }) => {
      await this.requireCandidate(id, 'id', manager);
      await this.candidates.delete(id, manager);
      afterCommit(() => this.events.emit('candidate.changed', { candidateIds: [id] }));
      return id;
    });
  }

  /**
   * Records an earned catalogue credential and one piece of evidence per credential skill at the
   * credential's level, dated issuedAt, source CREDENTIAL. expiresAt defaults to issuedAt + validityMonths.
   */
  award(input: AwardCredentialInput): Promise<EarnedCredentialObject> {
    return this.transactions.run(async ({ manager, afterCommit }) => {
      await this.requireCandidate(input.candidateId, 'input.candidateId', manager);
      const [credential] = await this.credentials.findByIds([input.credentialId], manager);
      if (!credential) throw AppException.notFound('Credential', input.credentialId, 'input.credentialId');
      this.assertNotFuture(input.issuedAt, 'input.issuedAt');
      const expiresAt =
        input.expiresAt !== undefined && input.expiresAt !== null
          ? input.expiresAt
          : credential.validityMonths
            ? addMonthsUtc(input.issuedAt, credential.validityMonths)
            : null;
      if (expiresAt && expiresAt.getTime() <= input.issuedAt.getTime()) {
        throw AppException.badInput('input.expiresAt', 'input.expiresAt must be after input.issuedAt');
      }
      const earned = await this.candidates.insertEarnedCredential(
        { candidateId: input.candidateId, credentialId: credential.id, issuedAt: input.issuedAt, expiresAt, verification: 'VERIFIED' },
        manager,
      );
      const skills = await this.credentials.skillsOf([credential.id], manager);
      await this.candidates.insertEvidence(
        skills.map((s) => ({
          candidateId: input.candidateId,
          skillId: s.skillId,
          level: s.level,
          evidencedAt: input.issuedAt,
          source: EvidenceSource.CREDENTIAL,
          earnedCredentialId: earned.id,
        })),
        manager,
      );
      afterCommit(() => this.events.emit('candidate.changed', { candidateIds: [input.candidateId] }));
      return toEarnedCredentialObject(earned);
    });
  }

  addEvidence(input: AddSkillEvidenceInput): Promise<SkillEvidenceObject> {
    return this.transactions.run(async ({ manager, afterCommit }) => {
      await this.requireCandidate(input.candidateId, 'input.candidateId', manager);
      const existing = await this.skills.existingIds([input.skillId], manager);
      if (!existing.has(input.skillId)) throw AppException.notFound('Skill', input.skillId, 'input.skillId');
      if (input.source === EvidenceSource.CREDENTIAL) {
        throw AppException.badInput('input.source', 'input.source: CREDENTIAL evidence comes from awardCredential or importBadge');
      }
      this.assertNotFuture(input.evidencedAt, 'input.evidencedAt');
      const [saved] = await this.candidates.insertEvidence(
        [{ candidateId: input.candidateId, skillId: input.skillId, level: input.level, evidencedAt: input.evidencedAt, source: input.source, earnedCredentialId: null }],
        manager,
      );
      afterCommit(() => this.events.emit('candidate.changed', { candidateIds: [input.candidateId] }));
      return toSkillEvidenceObject(saved);
    });
  }

  private async requireCandidate(id: string, field: string, manager: EntityManager): Promise<CandidateEntity> {
    const [found] = isUuid(id) ? await this.candidates.findByIds([id], manager) : [];
    if (!found) throw AppException.notFound('Candidate', id, field);
    return found;
  }

  private assertNotFuture(date: Date, field: string): void {
    if (date.getTime() > Date.now() + FUTURE_TOLERANCE_MS) throw AppException.badInput(field, `${field} must not be in the future`);
  }
}
