import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { ConnectionShape } from '../common/pagination/connection.factory';
import { ListArgs } from '../common/pagination/list.args';
import { paginateByRelevance } from '../common/pagination/paginate-by-relevance';
import { OccupationSkillEntity } from './occupation-skill.entity';
import { OccupationEntity } from './occupation.entity';

/** All SQL about occupations and their essential and optional skills. */
@Injectable()
export class OccupationRepository {
  constructor(private readonly dataSource: DataSource) {}

  async findById(id: string): Promise<OccupationEntity | null> {
    return this.dataSource.manager.findOne(OccupationEntity, { where: { id } });
  }

  list(args: ListArgs): Promise<ConnectionShape<OccupationEntity>> {
    return paginateByRelevance(this.dataSource.manager.createQueryBuilder(OccupationEntity, 'o'), 'name', args);
  }

  skillsOf(occupationIds: readonly string[]): Promise<OccupationSkillEntity[]> {
    if (occupationIds.length === 0) return Promise.resolve([]);
    return this.dataSource.manager.find(OccupationSkillEntity, { where: { occupationId: In([...occupationIds]) } });
  }
}
