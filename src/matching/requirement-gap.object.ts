import { Field, Float, ObjectType } from '@nestjs/graphql';
import { JobRequirementObject } from '../jobs/job-requirement.object';
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
