import { JobRequirementEntity } from './job-requirement.entity';
import { JobRequirementObject } from './job-requirement.object';
import { JobEntity } from './job.entity';
import { JobObject } from './job.object';

export function toJobObject(e: JobEntity): JobObject {
  return { id: e.id, title: e.title, description: e.description, occupationId: e.occupationId };
}

export function toJobRequirementObject(e: JobRequirementEntity): JobRequirementObject {
  return { id: e.id, jobId: e.jobId, skillId: e.skillId, position: e.position, level: e.level, weight: e.weight, mandatory: e.mandatory };
}
