import { Injectable, OnModuleInit } from '@nestjs/common';
import { AppException } from '../common/errors/app.exception';
import { groupRows, isUuid } from '../common/loaders/group-by';
import { LoaderRegistry } from '../common/loaders/loader-registry.service';
import { ConnectionShape } from '../common/pagination/connection.factory';
import { ListArgs } from '../common/pagination/list.args';
import { JobObject } from '../jobs/job.object';
import { JobService } from '../jobs/job.service';
import { OCCUPATION_SKILLS } from './occupation.loaders';
import { OccupationEntity } from './occupation.entity';
import { OccupationObject } from './occupation.object';
import { OccupationRepository } from './occupation.repository';

/** Weight of an optional occupation skill in a job made from the occupation (essential skills weigh 1). */
export const OPTIONAL_SKILL_WEIGHT = 0.5;
/** Jobs made from an occupation require every skill at this level. */
export const OCCUPATION_JOB_LEVEL = 3;
/** At most this many optional skills are carried over, so a job stays reviewable. */
export const MAX_OPTIONAL_SKILLS = 20;

function toOccupationObject(e: OccupationEntity): OccupationObject {
  return { id: e.id, name: e.name, externalUri: e.externalUri, aliases: e.aliases ?? [], description: e.description, iscoGroup: e.iscoGroup };
}

@Injectable()
export class OccupationService implements OnModuleInit {
  constructor(
    private readonly occupations: OccupationRepository,
    private readonly jobs: JobService,
    private readonly loaders: LoaderRegistry,
  ) {}

  onModuleInit(): void {
    this.loaders.register(OCCUPATION_SKILLS, async (ids) =>
      groupRows(ids, await this.occupations.skillsOf(ids), (r) => r.occupationId).map((rows) => rows.map((r) => ({ skillId: r.skillId, essential: r.essential }))),
    );
  }

  async findById(id: string): Promise<OccupationObject | null> {
    if (!isUuid(id)) return null;
    const found = await this.occupations.findById(id);
    return found ? toOccupationObject(found) : null;
  }

  async list(args: ListArgs): Promise<ConnectionShape<OccupationObject>> {
    const page = await this.occupations.list(args);
    return { ...page, edges: page.edges.map((e) => ({ cursor: e.cursor, node: toOccupationObject(e.node) })) };
  }

  /**
   * A job proposal from an occupation: every essential skill at level 3, weight 1, not mandatory
   * (the recruiter decides which are); optional skills at level 3 with weight 0.5. Requirements
   * are in a stable order (essential first, then by skill name).
   */
  async createJob(occupationId: string, title: string | null | undefined, createdBy: string): Promise<JobObject> {
    if (title !== null && title !== undefined && (title.trim().length === 0 || title.length > 300)) {
      throw AppException.badInput('title', 'title must be 1 to 300 characters and not blank');
    }
    const occupation = await this.findById(occupationId);
    if (!occupation) throw AppException.notFound('Occupation', occupationId, 'occupationId');
    const rows = await this.occupations.skillsOf([occupation.id]);
    const essential = rows.filter((r) => r.essential).map((r) => r.skillId).sort();
    const optional = rows.filter((r) => !r.essential).map((r) => r.skillId).sort().slice(0, MAX_OPTIONAL_SKILLS);
    if (essential.length + optional.length === 0) {
      throw AppException.badInput('occupationId', `Occupation ${occupation.name} lists no skills to require`);
    }
    return this.jobs.create(
      {
        title: title?.trim() || occupation.name,
        description: occupation.description,
        requirements: [
          ...essential.map((skillId) => ({ skillId, level: OCCUPATION_JOB_LEVEL, weight: 1, mandatory: false })),
          ...optional.map((skillId) => ({ skillId, level: OCCUPATION_JOB_LEVEL, weight: OPTIONAL_SKILL_WEIGHT, mandatory: false })),
        ],
      },
      createdBy,
      occupation.id,
    );
  }
}
