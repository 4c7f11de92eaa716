import { LoaderKey } from '../common/loaders/loader-key';
import { JobObject } from './job.object';
import { JobRequirementObject } from './job-requirement.object';

export const JOB_BY_ID = new LoaderKey<string, JobObject | null>('jobById');
export const REQUIREMENTS_BY_JOB = new LoaderKey<string, JobRequirementObject[]>('requirementsByJob');
