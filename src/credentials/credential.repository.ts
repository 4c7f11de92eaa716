import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import { ConnectionShape } from '../common/pagination/connection.factory';
import { ListArgs } from '../common/pagination/list.args';
import { paginateByName } from '../common/pagination/paginate-by-name';
import { CredentialComponentEntity } from './credential-component.entity';
import { CredentialPrerequisiteEntity } from './credential-prerequisite.entity';
import { CredentialSkillEntity } from './credential-skill.entity';
import { CredentialEntity } from './credential.entity';

export type CredentialEdgeTable = 'credential_prerequisite' | 'credential_component';

/** All SQL about catalogue credentials, their skills, prerequisites and components. */
@Injectable()
export class CredentialRepository {
  constructor(private readonly dataSource: DataSource) {}

  private manager(manager?: EntityManager): EntityManager {
    return manager ?? this.dataSource.manager;
  }

  /** Catalogue credentials by id (a learner's own achievement records are not part of the catalogue). */
  findByIds(ids: readonly string[], manager?: EntityManager): Promise<CredentialEntity[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.manager(manager).find(CredentialEntity, { where: { id: In([...ids]), ownerCandidateId: IsNull() } });
  }

  /**
   * Catalogue credentials and learners' own achievement records by id: only for resolving what an earned
   * credential or a piece of evidence points at, after the caller was allowed to see that learner.
   */
  findByIdsWithLearnerRecords(ids: readonly string[]): Promise<CredentialEntity[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.dataSource.manager.find(CredentialEntity, { where: { id: In([...ids]) } });
  }

  findAll(manager?: EntityManager): Promise<CredentialEntity[]> {
    return this.manager(manager).find(CredentialEntity, { where: { ownerCandidateId: IsNull() }, order: { name: 'ASC', id: 'ASC' } });
  }

  list(args: ListArgs): Promise<ConnectionShape<CredentialEntity>> {
    return paginateByName(this.dataSource.manager.createQueryBuilder(CredentialEntity, 'c').where('c.owner_candidate_id IS NULL'), 'name', args);
  }

  skillsOf(credentialIds: readonly string[], manager?: EntityManager): Promise<CredentialSkillEntity[]> {
    if (credentialIds.length === 0) return Promise.resolve([]);
    return this.manager(manager).find(CredentialSkillEntity, { where: { credentialId: In([...credentialIds]) } });
  }

  prerequisitesOf(credentialIds: readonly string[], manager?: EntityManager): Promise<CredentialPrerequisiteEntity[]> {
    return this.manager(manager).find(CredentialPrerequisiteEntity, { where: { credentialId: In([...credentialIds]) } });
  }

  componentsOf(credentialIds: readonly string[], manager?: EntityManager): Promise<CredentialComponentEntity[]> {
    return this.manager(manager).find(CredentialComponentEntity, { where: { credentialId: In([...credentialIds]) } });
  }

  stacksContaining(componentIds: readonly string[]): Promise<CredentialComponentEntity[]> {
    return this.dataSource.manager.find(CredentialComponentEntity, { where: { componentId: In([...componentIds]) } });
  }

  /** Whether `target` is reachable from any of `starts` by following the edge table (prerequisite or component links). */
  async reaches(table: CredentialEdgeTable, starts: readonly string[], target: string, manager: EntityManager): Promise<boolean> {
    if (starts.length === 0) return false;
    const column = table === 'credential_prerequisite' ? 'prerequisite_id' : 'component_id';
    const rows = await manager.query(
      `WITH RECURSIVE reach(id) AS (
         SELECT unnest($1::uuid[])
         UNION
         SELECT e.${column} FROM ${table} e JOIN reach r ON e.credential_id = r.id
       ) SELECT 1 FROM reach WHERE id = $2 LIMIT 1`,
      [starts, target],
    );
    return rows.length > 0;
  }

  async save(entity: Partial<CredentialEntity>, manager: EntityManager): Promise<CredentialEntity> {
    return manager.save(CredentialEntity, manager.create(CredentialEntity, entity));
  }

  async replaceSkills(credentialId: string, skills: readonly { skillId: string; level: number }[], manager: EntityManager): Promise<void> {
    await manager.delete(CredentialSkillEntity, { credentialId });
    if (skills.length) await manager.insert(CredentialSkillEntity, skills.map((s) => ({ credentialId, skillId: s.skillId, level: s.level })));
  }

  async replacePrerequisites(credentialId: string, prerequisiteIds: readonly string[], manager: EntityManager): Promise<void> {
    await manager.delete(CredentialPrerequisiteEntity, { credentialId });
    if (prerequisiteIds.length) await manager.insert(CredentialPrerequisiteEntity, prerequisiteIds.map((prerequisiteId) => ({ credentialId, prerequisiteId })));
  }

  async replaceComponents(credentialId: string, componentIds: readonly string[], manager: EntityManager): Promise<void> {
    await manager.delete(CredentialComponentEntity, { credentialId });
    if (componentIds.length) await manager.insert(CredentialComponentEntity, componentIds.map((componentId) => ({ credentialId, componentId })));
  }

  /** How many rows elsewhere still point at this credential, by kind. */
  async dependants(credentialId: string, manager: EntityManager): Promise<{ holders: number; dependants: number; stacks: number; pathways: number }> {
    const [row] = await manager.query(
      `SELECT
         (SELECT count(*) FROM earned_credential WHERE credential_id = $1)::int AS holders,
         (SELECT count(*) FROM credential_prerequisite WHERE prerequisite_id = $1)::int AS dependants,
         (SELECT count(*) FROM credential_component WHERE component_id = $1)::int AS stacks,
         (SELECT count(*) FROM pathway_step WHERE credential_id = $1)::int AS pathways`,
      [credentialId],
    );
    return row;
  }

  async delete(credentialId: string, manager: EntityManager): Promise<void> {
    await manager.delete(CredentialEntity, { id: credentialId });
  }
}
