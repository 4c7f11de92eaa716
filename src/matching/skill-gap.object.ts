import { Field, Float, ObjectType } from '@nestjs/graphql';
import { JobRequirementObject } from '../jobs/job-requirement.object';
import { JobObject } from '../jobs/job.object';
import { GapReason } from './match-via.enum';

@ObjectType('RequirementGap')
export class RequirementGapObject {
  @Field(() => JobRequirementObject)
  requirement!: JobRequirementObject;

  @Field(() => Float)
  coverage!: number;

  @Field(() => GapReason)
  reason!: GapReason;

  @Field(() => Float, { description: 'weight x (1 - coverage)' })
  shortfall!: number;
}

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
