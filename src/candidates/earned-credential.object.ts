import { Field, ID, ObjectType } from '@nestjs/graphql';
import { VerificationStatus } from './verification-status.enum';

@ObjectType('EarnedCredential')
export class EarnedCredentialObject {
  @Field(() => ID)
  id!: string;

  candidateId!: string;
  credentialId!: string;
  /** set in a masked ranking, where `id` is a stand-in: the real id, for loading; never shown */
  maskedId?: string;

  @Field()
  issuedAt!: Date;

  @Field(() => Date, { nullable: true })
  expiresAt!: Date | null;

  @Field(() => VerificationStatus)
  verification!: VerificationStatus;
}
