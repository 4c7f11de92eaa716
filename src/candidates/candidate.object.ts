import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('Candidate')
export class CandidateObject {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field(() => String, { nullable: true, description: 'used to check recipient identity hashes of imported badges' })
  email!: string | null;

  @Field({ description: 'false: never returned by rankCandidates' })
  discoverable!: boolean;
}
