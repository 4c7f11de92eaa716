import { Field, Float, ObjectType } from '@nestjs/graphql';
import { JobObject } from '../jobs/job.object';
import { RequirementGapObject } from './requirement-gap.object';

@ObjectType('SkillGap')
export class SkillGapObject {
  candidateId!: string;

  @Field(() => JobObject)
  job!: JobObject;

  @Field(() => Float)
  score!: number;

  @Field(() => [RequirementGapObject], { description: 'requirements with coverage < 1, largest weighted shortfall first' })
  gaps!: RequirementGapObject[];
}
