import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { PathwayStepEntity } from './pathway-step.entity';
import { PathwayEntity } from './pathway.entity';

/** All SQL about saved pathways and their ordered steps. */
@Injectable()
export class PathwayRepository {
  constructor(private readonly dataSource: DataSource) {}

  private manager(manager?: EntityManager): EntityManager {
    return manager ?? this.dataSource.manager;
  }

  findByIds(ids: readonly string[], manager?: EntityManager): Promise<PathwayEntity[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.manager(manager).find(PathwayEntity, { where: { id: In([...ids]) } });
  }

  /** A candidate's pathways, oldest first (ties by id). */
  findByCandidate(candidateId: string, manager?: EntityManager): Promise<PathwayEntity[]> {
    return this.manager(manager).find(PathwayEntity, { where: { candidateId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  /** Steps of these pathways, by pathway then position. */
  stepsOf(pathwayIds: readonly string[], manager?: EntityManager): Promise<PathwayStepEntity[]> {
    if (pathwayIds.length === 0) return Promise.resolve([]);
    return this.manager(manager).find(PathwayStepEntity, { where: { pathwayId: In([...pathwayIds]) }, order: { pathwayId: 'ASC', position: 'ASC' } });
  }

  save(entity: Partial<PathwayEntity>, manager: EntityManager): Promise<PathwayEntity> {
    return manager.save(PathwayEntity, manager.create(PathwayEntity, entity));
  }

  /** Replaces the steps: position i + 1 holds credentialIds[i]. */
  async replaceSteps(pathwayId: string, credentialIds: readonly string[], manager: EntityManager): Promise<void> {
    await manager.delete(PathwayStepEntity, { pathwayId });
    if (credentialIds.length) {
      await manager.insert(
        PathwayStepEntity,
        credentialIds.map((credentialId, i) => ({ pathwayId, position: i + 1, credentialId })),
      );
    }
  }

  async delete(id: string, manager: EntityManager): Promise<void> {
    await manager.delete(PathwayEntity, { id });
  }
}
