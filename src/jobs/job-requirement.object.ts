import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('JobRequirement')
export class JobRequirementObject {
  @Field(() => ID)
  id!: string;

  jobId!: string;
  skillId!: string;
  position!: number;

  @Field(() => Int, { description: '1..5' })
  level!: number;

  @Field(() => Float, { description: '> 0, relative importance' })
  weight!: number;

  @Field()
  mandatory!: boolean;
}
