import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('Job')
export class JobObject {
  @Field(() => ID)
  id!: string;

  @Field()
  title!: string;

  @Field(() => String, { nullable: true })
  description!: string | null;

  occupationId!: string | null;
}
