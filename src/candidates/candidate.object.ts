import { Field, ID, ObjectType } from '@nestjs/graphql';
import { personalField } from '../auth/field-visibility';

@ObjectType('Candidate')
export class CandidateObject {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field(() => String, {
    nullable: true,
    description: 'used to check recipient identity hashes of imported badges; visible to ADMIN and the learner themself only (null otherwise)',
    middleware: [personalField('Candidate.email')],
  })
  email!: string | null;

  @Field({ description: 'false: never returned by rankCandidates' })
  discoverable!: boolean;
}
