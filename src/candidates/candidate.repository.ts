import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import type { CandidateScope } from '../auth/authorization';
import { ConnectionShape } from '../common/pagination/connection.factory';
import { ListArgs } from '../common/pagination/list.args';
import { paginateByName } from '../common/pagination/paginate-by-name';
import { CandidateEntity } from './candidate.entity';
import { EarnedCredentialEntity } from './earned-credential.entity';
import { SkillEvidenceEntity } from './skill-evidence.entity';

/** All SQL about candidates, their earned credentials and skill evidence. */
@Injectable()
export class CandidateRepository {
  constructor(private readonly dataSource: DataSource) {}

  private manager(manager?: EntityManager): EntityManager {
    return manager ?? this.dataSource.manager;
  }

  findByIds(ids: readonly string[], manager?: EntityManager): Promise<CandidateEntity[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.manager(manager).find(CandidateEntity, { where: { id: In([...ids]) } });
  }

  /** A page of the candidates within the caller's scope (see src/auth/authorization-table.ts). */
  list(args: ListArgs, scope: CandidateScope): Promise<ConnectionShape<CandidateEntity>> {
    const qb = this.dataSource.manager.createQueryBuilder(CandidateEntity, 'c');
    if (scope.kind === 'discoverable') qb.andWhere('c.discoverable');
    if (scope.kind === 'assigned') qb.andWhere('c.id IN (SELECT a.candidate_id FROM advisor_assignment a WHERE a.advisor_sub = :advisorSub)', { advisorSub: scope.advisorSub });
    if (scope.kind === 'own') qb.andWhere('c.id = :ownId', { ownId: scope.candidateId });
    return paginateByName(qb, 'name', args);
  }

  save(entity: Partial<CandidateEntity>, manager: EntityManager): Promise<CandidateEntity> {
    return manager.save(CandidateEntity, manager.create(CandidateEntity, entity));
  }

  async delete(id: string, manager: EntityManager): Promise<void> {
    await manager.delete(CandidateEntity, { id });
  }

  earnedCredentialsOf(candidateIds: readonly string[], manager?: EntityManager): Promise<EarnedCredentialEntity[]> {
    if (candidateIds.length === 0) return Promise.resolve([]);
    return this.manager(manager).find(EarnedCredentialEntity, {
      where: { candidateId: In([...candidateIds]) },
      order: { issuedAt: 'ASC', id: 'ASC' },
    });
  }

  evidenceOf(candidateIds: readonly string[], manager?: EntityManager): Promise<SkillEvidenceEntity[]> {
    if (candidateIds.length === 0) return Promise.resolve([]);
    return this.manager(manager).find(SkillEvidenceEntity, {
      where: { candidateId: In([...candidateIds]) },
      order: { evidencedAt: 'ASC', id: 'ASC' },
    });
  }

  insertEarnedCredential(entity: Partial<EarnedCredentialEntity>, manager: EntityManager): Promise<EarnedCredentialEntity> {
    return manager.save(EarnedCredentialEntity, manager.create(EarnedCredentialEntity, entity));
  }

  async insertEvidence(rows: Partial<SkillEvidenceEntity>[], manager: EntityManager): Promise<SkillEvidenceEntity[]> {
    if (rows.length === 0) return [];
    return manager.save(SkillEvidenceEntity, rows.map((r) => manager.create(SkillEvidenceEntity, r)));
  }
}
