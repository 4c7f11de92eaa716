import { Field, ID, ObjectType } from '@nestjs/graphql';
import type { JobRequirementObject } from './job-requirement.object';

@ObjectType('Job')
export class JobObject {
  @Field(() => ID)
  id!: string;

  @Field()
  title!: string;

  @Field(() => String, { nullable: true })
  description!: string | null;

  occupationId!: string | null;

  /** the requirements read in the same snapshot as the job (a ranking shows the ones it scored) */
  requirementsSnapshot?: JobRequirementObject[];
}
