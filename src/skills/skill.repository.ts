import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { ConnectionShape } from '../common/pagination/connection.factory';
import { ListArgs } from '../common/pagination/list.args';
import { paginateByName } from '../common/pagination/paginate-by-name';
import { SkillBroaderEntity } from './skill-broader.entity';
import { SkillRelationEntity } from './skill-relation.entity';
import { SkillEntity } from './skill.entity';

/** All SQL about skills and their edges. */
@Injectable()
export class SkillRepository {
  constructor(private readonly dataSource: DataSource) {}

  private manager(manager?: EntityManager): EntityManager {
    return manager ?? this.dataSource.manager;
  }

  findByIds(ids: readonly string[], manager?: EntityManager): Promise<SkillEntity[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.manager(manager).find(SkillEntity, { where: { id: In([...ids]) } });
  }

  findByUri(uri: string, manager?: EntityManager): Promise<SkillEntity | null> {
    return this.manager(manager).findOne(SkillEntity, { where: { externalUri: uri } });
  }

  list(args: ListArgs): Promise<ConnectionShape<SkillEntity>> {
    return paginateByName(this.dataSource.manager.createQueryBuilder(SkillEntity, 's'), 'name', args);
  }

  async existingIds(ids: readonly string[], manager?: EntityManager): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await this.manager(manager).find(SkillEntity, { select: { id: true }, where: { id: In([...ids]) } });
    return new Set(rows.map((r) => r.id));
  }

  async insert(skill: Partial<SkillEntity>, broaderIds: readonly string[], manager: EntityManager): Promise<SkillEntity> {
    const saved = await manager.save(SkillEntity, manager.create(SkillEntity, skill));
    if (broaderIds.length > 0) {
      await manager.insert(
        SkillBroaderEntity,
        broaderIds.map((broaderId) => ({ skillId: saved.id, broaderId })),
      );
    }
    return saved;
  }

  broaderEdges(skillIds: readonly string[]): Promise<SkillBroaderEntity[]> {
    return this.dataSource.manager.find(SkillBroaderEntity, { where: { skillId: In([...skillIds]) } });
  }

  narrowerEdges(skillIds: readonly string[]): Promise<SkillBroaderEntity[]> {
    return this.dataSource.manager.find(SkillBroaderEntity, { where: { broaderId: In([...skillIds]) } });
  }

  /** Related edges touching any of the skills, in either direction. */
  relatedEdges(skillIds: readonly string[]): Promise<SkillRelationEntity[]> {
    return this.dataSource.manager
      .createQueryBuilder(SkillRelationEntity, 'r')
      .where('r.skill_id IN (:...ids) OR r.related_id IN (:...ids)', { ids: [...skillIds] })
      .getMany();
  }
}
