import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('Occupation')
export class OccupationObject {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field(() => String, { nullable: true, description: 'ESCO occupation URI or O*NET-SOC code' })
  externalUri!: string | null;

  @Field(() => [String])
  aliases!: string[];

  @Field(() => String, { nullable: true })
  description!: string | null;

  @Field(() => String, { nullable: true, description: 'ISCO-08 unit group code' })
  iscoGroup!: string | null;
}
