import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
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

  list(args: ListArgs): Promise<ConnectionShape<CandidateEntity>> {
    return paginateByName(this.dataSource.manager.createQueryBuilder(CandidateEntity, 'c'), 'name', args);
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
