import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AppException } from '../common/errors/app.exception';
import { DomainEvents } from '../common/events/domain-events.service';
import { groupRows, indexRows, isUuid } from '../common/loaders/group-by';
import { LoaderRegistry } from '../common/loaders/loader-registry.service';
import { ConnectionShape } from '../common/pagination/connection.factory';
import { ListArgs } from '../common/pagination/list.args';
import { assertAllExist, assertDistinct } from '../common/validation/reference-checks';
import { TransactionService } from '../database/transaction.service';
import { SkillRepository } from '../skills/skill.repository';
import { CreateCredentialInput } from './create-credential.input';
import { CredentialSkillInput } from './credential-skill.input';
import { COMPONENT_IDS, CREDENTIAL_BY_ID, CREDENTIAL_SKILLS, PREREQUISITE_IDS, STACKS_INTO_IDS } from './credential.loaders';
import { toCredentialObject } from './credential.mapper';
import { CredentialObject } from './credential.object';
import { CredentialRepository } from './credential.repository';
import { UpdateCredentialInput } from './update-credential.input';

@Injectable()
export class CredentialService implements OnModuleInit {
  constructor(
    private readonly credentials: CredentialRepository,
    private readonly skills: SkillRepository,
    private readonly transactions: TransactionService,
    private readonly loaders: LoaderRegistry,
    private readonly events: DomainEvents,
  ) {}

  onModuleInit(): void {
    this.loaders.register(CREDENTIAL_BY_ID, async (ids) =>
      indexRows(ids, (await this.credentials.findByIdsWithLearnerRecords(ids)).map(toCredentialObject), (c) => c.id),
    );
    this.loaders.register(CREDENTIAL_SKILLS, async (ids) =>
      groupRows(ids, await this.credentials.skillsOf(ids), (r) => r.credentialId).map((rows) => rows.map((r) => ({ skillId: r.skillId, level: r.level }))),
    );
    this.loaders.register(PREREQUISITE_IDS, async (ids) =>
      groupRows(ids, await this.credentials.prerequisitesOf(ids), (r) => r.credentialId).map((rows) => rows.map((r) => r.prerequisiteId)),
    );
    this.loaders.register(COMPONENT_IDS, async (ids) =>
      groupRows(ids, await this.credentials.componentsOf(ids), (r) => r.credentialId).map((rows) => rows.map((r) => r.componentId)),
    );
    this.loaders.register(STACKS_INTO_IDS, async (ids) =>
      groupRows(ids, await this.credentials.stacksContaining(ids), (r) => r.componentId).map((rows) => rows.map((r) => r.credentialId)),
    );
  }

  async findById(id: string): Promise<CredentialObject | null> {
    if (!isUuid(id)) return null;
    const [found] = await this.credentials.findByIds([id]);
    return found ? toCredentialObject(found) : null;
  }

  async list(args: ListArgs): Promise<ConnectionShape<CredentialObject>> {
    const page = await this.credentials.list(args);
    return { ...page, edges: page.edges.map((e) => ({ cursor: e.cursor, node: toCredentialObject(e.node) })) };
  }

  async create(input: CreateCredentialInput): Promise<CredentialObject> {
    return this.transactions.run(async ({ manager, afterCommit }) => {
      const prerequisiteIds = input.prerequisiteIds ?? [];
      const componentIds = input.componentIds ?? [];
      await this.checkReferences(manager, null, input.skills, prerequisiteIds, componentIds, input.requiredComponents ?? null);
      const saved = await this.credentials.save(
        {
          name: input.name.trim(),
          issuer: input.issuer.trim(),
          type: input.type,
          hours: input.hours,
          cost: input.cost,
          validityMonths: input.validityMonths ?? null,
          academicCredits: input.academicCredits ?? null,
          requiredComponents: input.requiredComponents ?? null,
          description: input.description ?? null,
        },
        manager,
      );
      await this.credentials.replaceSkills(saved.id, input.skills, manager);
      await this.credentials.replacePrerequisites(saved.id, prerequisiteIds, manager);
      await this.credentials.replaceComponents(saved.id, componentIds, manager);
      afterCommit(() => this.events.emit('credentials.changed', { credentialIds: [saved.id] }));
      return toCredentialObject(saved);
    });
  }

  async update(input: UpdateCredentialInput): Promise<CredentialObject> {
    return this.transactions.run(async ({ manager, afterCommit }) => {
      const [current] = await this.credentials.findByIds([input.id], manager);
      if (!current) throw AppException.notFound('Credential', input.id, 'input.id');
      const prerequisiteIds = input.prerequisiteIds ?? (await this.credentials.prerequisitesOf([current.id], manager)).map((r) => r.prerequisiteId);
      const componentIds = input.componentIds ?? (await this.credentials.componentsOf([current.id], manager)).map((r) => r.componentId);
      const requiredComponents = input.requiredComponents !== undefined ? input.requiredComponents : current.requiredComponents;
      await this.checkReferences(manager, current.id, input.skills ?? [], prerequisiteIds, componentIds, requiredComponents ?? null);
      const saved = await this.credentials.save(
        {
          ...current,
          name: input.name?.trim() ?? current.name,
          issuer: input.issuer?.trim() ?? current.issuer,
          type: input.type ?? current.type,
          hours: input.hours ?? current.hours,
          cost: input.cost ?? current.cost,
          validityMonths: input.validityMonths !== undefined ? input.validityMonths : current.validityMonths,
          academicCredits: input.academicCredits !== undefined ? input.academicCredits : current.academicCredits,
          requiredComponents: requiredComponents ?? null,
          description: input.description !== undefined ? input.description : current.description,
        },
        manager,
      );
      if (input.skills) await this.credentials.replaceSkills(saved.id, input.skills, manager);
      if (input.prerequisiteIds) await this.credentials.replacePrerequisites(saved.id, prerequisiteIds, manager);
      if (input.componentIds) await this.credentials.replaceComponents(saved.id, componentIds, manager);
      afterCommit(() => this.events.emit('credentials.changed', { credentialIds: [saved.id] }));
      return toCredentialObject(saved);
    });
  }

  /** Deletes a catalogue credential nobody holds and nothing else depends on. */
  async delete(id: string): Promise<string> {
    return this.transactions.run(async ({ manager, afterCommit }) => {
      const [current] = isUuid(id) ? await this.credentials.findByIds([id], manager) : [];
      if (!current) throw AppException.notFound('Credential', id, 'id');
      const uses = await this.credentials.dependants(id, manager);
      const reasons = [
        uses.holders && `held by ${uses.holders} candidate(s)`,
        uses.dependants && `a prerequisite of ${uses.dependants} credential(s)`,
        uses.stacks && `a component of ${uses.stacks} stack(s)`,
        uses.pathways && `a step of ${uses.pathways} pathway(s)`,
      ].filter(Boolean);
      if (reasons.length) throw AppException.badInput('id', `Credential ${id} cannot be deleted: it is ${reasons.join(', ')}`);
      await this.credentials.delete(id, manager);
      afterCommit(() => this.events.emit('credentials.changed', { credentialIds: [id] }));
      return id;
    });
  }

  private async checkReferences(
    manager: EntityManager,
    selfId: string | null,
    skills: readonly CredentialSkillInput[],
    prerequisiteIds: readonly string[],
    componentIds: readonly string[],
    requiredComponents: number | null,
  ): Promise<void> {
    const skillIds = skills.map((s) => s.skillId);
    assertDistinct(skillIds, 'input.skills', 'skill');
    const existingSkills = await this.skills.existingIds(skillIds, manager);
    skillIds.forEach((id, i) => {
      if (!existingSkills.has(id)) throw AppException.notFound('Skill', id, `input.skills[${i}].skillId`);
    });
    assertDistinct(prerequisiteIds, 'input.prerequisiteIds', 'credential');
    assertDistinct(componentIds, 'input.componentIds', 'credential');
    const referenced = [...new Set([...prerequisiteIds, ...componentIds])];
    const existing = new Set((await this.credentials.findByIds(referenced, manager)).map((c) => c.id));
    assertAllExist(prerequisiteIds, existing, 'Credential', 'input.prerequisiteIds');
    assertAllExist(componentIds, existing, 'Credential', 'input.componentIds');
    if (requiredComponents !== null && requiredComponents > componentIds.length) {
      throw AppException.badInput(
        'input.requiredComponents',
        `input.requiredComponents: ${requiredComponents} components required but the credential has ${componentIds.length}`,
      );
    }
    if (selfId) {
      const selfPrereq = prerequisiteIds.indexOf(selfId);
      if (selfPrereq >= 0) throw AppException.badInput(`input.prerequisiteIds[${selfPrereq}]`, 'A credential cannot be its own prerequisite');
      const selfComponent = componentIds.indexOf(selfId);
      if (selfComponent >= 0) throw AppException.badInput(`input.componentIds[${selfComponent}]`, 'A credential cannot be its own component');
      if (await this.credentials.reaches('credential_prerequisite', prerequisiteIds, selfId, manager)) {
        throw AppException.badInput('input.prerequisiteIds', 'These prerequisites would create a cycle: one of them already requires this credential');
      }
      if (await this.credentials.reaches('credential_component', componentIds, selfId, manager)) {
        throw AppException.badInput('input.componentIds', 'These components would create a cycle: one of them already stacks from this credential');
      }
    }
  }
}
