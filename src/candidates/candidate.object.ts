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

  /** set when the candidate is shown in a masked ranking: `id` is then the ranking's handle */
  masking?: CandidateMasking;
}

/** How a candidate of a masked ranking is shown (see CandidateHandles). */
export interface CandidateMasking {
  /** the candidate's real id, for loading nested data; never shown */
  realId: string;
  /** the stand-in shown for the id of a nested record (evidence, earned credential) */
  opaqueId(id: string): string;
}

/** The id to load a candidate's data with, masked or not. */
export function realCandidateId(candidate: CandidateObject): string {
  return candidate.masking?.realId ?? candidate.id;
}
