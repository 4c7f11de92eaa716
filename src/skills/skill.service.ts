import { Injectable, OnModuleInit } from '@nestjs/common';
import { AppException } from '../common/errors/app.exception';
import { DomainEvents } from '../common/events/domain-events.service';
import { groupRows, indexRows, isUuid } from '../common/loaders/group-by';
import { LoaderRegistry } from '../common/loaders/loader-registry.service';
import { ConnectionShape } from '../common/pagination/connection.factory';
import { ListArgs } from '../common/pagination/list.args';
import { TransactionService } from '../database/transaction.service';
import { CreateSkillInput } from './create-skill.input';
import { BROADER_IDS_BY_SKILL, NARROWER_IDS_BY_SKILL, RELATED_BY_SKILL, SKILL_BY_ID } from './skill.loaders';
import { toSkillObject } from './skill.mapper';
import { SkillObject } from './skill.object';
import { SkillRepository } from './skill.repository';

@Injectable()
export class SkillService implements OnModuleInit {
  constructor(
    private readonly skills: SkillRepository,
    private readonly transactions: TransactionService,
    private readonly loaders: LoaderRegistry,
    private readonly events: DomainEvents,
  ) {}

  onModuleInit(): void {
    this.loaders.register(SKILL_BY_ID, async (ids) => indexRows(ids, (await this.skills.findByIds(ids)).map(toSkillObject), (s) => s.id));
    this.loaders.register(BROADER_IDS_BY_SKILL, async (ids) =>
      groupRows(ids, await this.skills.broaderEdges(ids), (e) => e.skillId).map((edges) => edges.map((e) => e.broaderId)),
    );
    this.loaders.register(NARROWER_IDS_BY_SKILL, async (ids) =>
      groupRows(ids, await this.skills.narrowerEdges(ids), (e) => e.broaderId).map((edges) => edges.map((e) => e.skillId)),
    );
    this.loaders.register(RELATED_BY_SKILL, async (ids) => {
      const edges = await this.skills.relatedEdges(ids);
      return ids.map((id) => {
        const best = new Map<string, number>();
        for (const e of edges) {
          const other = e.skillId === id ? e.relatedId : e.relatedId === id ? e.skillId : null;
          if (other && (best.get(other) ?? 0) < e.weight) best.set(other, e.weight);
        }
        return [...best].map(([skillId, weight]) => ({ skillId, weight }));
      });
    });
  }

  async findById(id: string): Promise<SkillObject | null> {
    if (!isUuid(id)) return null;
    const [skill] = await this.skills.findByIds([id]);
    return skill ? toSkillObject(skill) : null;
  }

  async findByUri(uri: string): Promise<SkillObject | null> {
    const skill = await this.skills.findByUri(uri);
    return skill ? toSkillObject(skill) : null;
  }

  async list(args: ListArgs): Promise<ConnectionShape<SkillObject>> {
    const page = await this.skills.list(args);
    return { ...page, edges: page.edges.map((e) => ({ cursor: e.cursor, node: toSkillObject(e.node) })) };
  }

  async create(input: CreateSkillInput): Promise<SkillObject> {
    const broaderIds = [...new Set(input.broaderIds ?? [])];
    const aliases = [...new Set((input.aliases ?? []).map((a) => a.trim()).filter((a) => a && a !== input.name.trim()))];
    return this.transactions.run(async ({ manager, afterCommit }) => {
      const existing = await this.skills.existingIds(broaderIds, manager);
      broaderIds.forEach((id, i) => {
        if (!existing.has(id)) throw AppException.notFound('Skill', id, `input.broaderIds[${i}]`);
      });
      if (input.externalUri) {
        const clash = await this.skills.findByUri(input.externalUri, manager);
        if (clash) throw AppException.badInput('input.externalUri', `externalUri ${input.externalUri} is already used by skill ${clash.id}`);
      }
      const saved = await this.skills.insert(
        {
          name: input.name.trim(),
          aliases,
          description: input.description ?? null,
          category: input.category,
          halfLifeMonths: input.halfLifeMonths ?? null,
          externalUri: input.externalUri ?? null,
        },
        broaderIds,
        manager,
      );
      afterCommit(() => this.events.emit('taxonomy.changed', { skillIds: [saved.id] }));
      return toSkillObject(saved);
    });
  }
}
