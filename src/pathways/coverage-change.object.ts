import { Field, Float, ObjectType } from '@nestjs/graphql';
import { JobRequirementObject } from '../jobs/job-requirement.object';

@ObjectType('CoverageChange', { description: "A requirement's coverage before and after earning a recommended credential" })
export class CoverageChangeObject {
  @Field(() => JobRequirementObject)
  requirement!: JobRequirementObject;

  @Field(() => Float)
  before!: number;

  @Field(() => Float)
  after!: number;
}
