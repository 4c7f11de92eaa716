import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { ConnectionShape } from '../common/pagination/connection.factory';
import { ListArgs } from '../common/pagination/list.args';
import { paginateByRelevance } from '../common/pagination/paginate-by-relevance';
import { JobRequirementEntity } from './job-requirement.entity';
import { JobEntity } from './job.entity';

/** All SQL about jobs and their requirements. */
@Injectable()
export class JobRepository {
  constructor(private readonly dataSource: DataSource) {}

  private manager(manager?: EntityManager): EntityManager {
    return manager ?? this.dataSource.manager;
  }

  findByIds(ids: readonly string[], manager?: EntityManager): Promise<JobEntity[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.manager(manager).find(JobEntity, { where: { id: In([...ids]) } });
  }

  list(args: ListArgs): Promise<ConnectionShape<JobEntity>> {
    return paginateByRelevance(this.dataSource.manager.createQueryBuilder(JobEntity, 'j'), 'title', args);
  }

  requirementsOf(jobIds: readonly string[], manager?: EntityManager): Promise<JobRequirementEntity[]> {
    if (jobIds.length === 0) return Promise.resolve([]);
    return this.manager(manager).find(JobRequirementEntity, { where: { jobId: In([...jobIds]) }, order: { position: 'ASC' } });
  }

  /** The job and its requirements read in one snapshot (REPEATABLE READ), never half of a concurrent update. */
  snapshot(id: string): Promise<{ job: JobEntity | null; requirements: JobRequirementEntity[] }> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const [job] = await this.findByIds([id], manager);
      return { job: job ?? null, requirements: job ? await this.requirementsOf([id], manager) : [] };
    });
  }

  save(entity: Partial<JobEntity>, manager: EntityManager): Promise<JobEntity> {
    return manager.save(JobEntity, manager.create(JobEntity, entity));
  }

  async replaceRequirements(jobId: string, rows: Omit<JobRequirementEntity, 'id' | 'jobId' | 'position'>[], manager: EntityManager): Promise<void> {
    await manager.delete(JobRequirementEntity, { jobId });
    if (rows.length) await manager.insert(JobRequirementEntity, rows.map((r, position) => ({ ...r, jobId, position })));
  }

  async delete(id: string, manager: EntityManager): Promise<void> {
    await manager.delete(JobEntity, { id });
  }
}
