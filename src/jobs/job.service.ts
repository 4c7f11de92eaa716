import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AppException } from '../common/errors/app.exception';
import { groupRows, indexRows, isUuid } from '../common/loaders/group-by';
import { LoaderRegistry } from '../common/loaders/loader-registry.service';
import { ConnectionShape } from '../common/pagination/connection.factory';
import { ListArgs } from '../common/pagination/list.args';
import { assertDistinct } from '../common/validation/reference-checks';
import { TransactionService } from '../database/transaction.service';
import { SkillRepository } from '../skills/skill.repository';
import { CreateJobInput } from './create-job.input';
import { JobRequirementInput } from './job-requirement.input';
import { JOB_BY_ID, REQUIREMENTS_BY_JOB } from './job.loaders';
import { toJobObject, toJobRequirementObject } from './job.mapper';
import { JobObject } from './job.object';
import { JobRepository } from './job.repository';
import { JobRequirementObject } from './job-requirement.object';
import { UpdateJobInput } from './update-job.input';

@Injectable()
export class JobService implements OnModuleInit {
  constructor(
    private readonly jobs: JobRepository,
    private readonly skills: SkillRepository,
    private readonly transactions: TransactionService,
    private readonly loaders: LoaderRegistry,
  ) {}

  onModuleInit(): void {
    this.loaders.register(JOB_BY_ID, async (ids) => indexRows(ids, (await this.jobs.findByIds(ids)).map(toJobObject), (j) => j.id));
    this.loaders.register(REQUIREMENTS_BY_JOB, async (ids) =>
      groupRows(ids, (await this.jobs.requirementsOf(ids)).map(toJobRequirementObject), (r) => r.jobId),
    );
  }

  async findById(id: string): Promise<JobObject | null> {
    if (!isUuid(id)) return null;
    const [found] = await this.jobs.findByIds([id]);
    return found ? toJobObject(found) : null;
  }

  /** The job and its requirements in order from one snapshot (the job's `requirements` field shows these), or NOT_FOUND naming `field`. */
  async requireWithRequirements(id: string, field: string): Promise<{ job: JobObject; requirements: JobRequirementObject[] }> {
    const found = isUuid(id) ? await this.jobs.snapshot(id) : { job: null, requirements: [] };
    if (!found.job) throw AppException.notFound('Job', id, field);
    const requirements = found.requirements.map(toJobRequirementObject);
    return { job: { ...toJobObject(found.job), requirementsSnapshot: requirements }, requirements };
  }

  async list(args: ListArgs): Promise<ConnectionShape<JobObject>> {
    const page = await this.jobs.list(args);
    return { ...page, edges: page.edges.map((e) => ({ cursor: e.cursor, node: toJobObject(e.node) })) };
  }

  /** `createdBy`: the caller's sub; only they (or an ADMIN) may update or delete the job. */
  create(input: CreateJobInput, createdBy: string, occupationId: string | null = null): Promise<JobObject> {
    return this.transactions.run(async ({ manager }) => {
      await this.checkRequirements(input.requirements, manager);
      const saved = await this.jobs.save({ title: input.title.trim(), description: input.description ?? null, occupationId, createdBy }, manager);
      await this.jobs.replaceRequirements(saved.id, this.requirementRows(input.requirements), manager);
      return toJobObject(saved);
    });
  }

  update(input: UpdateJobInput): Promise<JobObject> {
    return this.transactions.run(async ({ manager }) => {
      const [current] = await this.jobs.findByIds([input.id], manager);
      if (!current) throw AppException.notFound('Job', input.id, 'input.id');
      if (input.requirements) await this.checkRequirements(input.requirements, manager);
      const saved = await this.jobs.save(
        {
          ...current,
          title: input.title?.trim() ?? current.title,
          description: input.description !== undefined ? input.description : current.description,
        },
        manager,
      );
      if (input.requirements) await this.jobs.replaceRequirements(saved.id, this.requirementRows(input.requirements), manager);
      return toJobObject(saved);
    });
  }

  delete(id: string): Promise<string> {
    return this.transactions.run(async ({ manager }) => {
      const [current] = isUuid(id) ? await this.jobs.findByIds([id], manager) : [];
      if (!current) throw AppException.notFound('Job', id, 'id');
      await this.jobs.delete(id, manager);
      return id;
    });
  }

  private requirementRows(requirements: readonly JobRequirementInput[]) {
    return requirements.map((r) => ({ skillId: r.skillId, level: r.level ?? 3, weight: r.weight ?? 1, mandatory: r.mandatory ?? false }));
  }

  private async checkRequirements(requirements: readonly JobRequirementInput[], manager: EntityManager): Promise<void> {
    const ids = requirements.map((r) => r.skillId);
    assertDistinct(ids, 'input.requirements', 'skill');
    const existing = await this.skills.existingIds(ids, manager);
    ids.forEach((id, i) => {
      if (!existing.has(id)) throw AppException.notFound('Skill', id, `input.requirements[${i}].skillId`);
    });
  }
}
