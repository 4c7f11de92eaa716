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
  /** set in a masked ranking: a learner's own achievement record is unique to them, so its id is shown as this stand-in */
  credentialMask?: (id: string) => string;

  @Field()
  issuedAt!: Date;

  @Field(() => Date, { nullable: true })
  expiresAt!: Date | null;

  @Field(() => VerificationStatus)
  verification!: VerificationStatus;

  @Field(() => String, {
    nullable: true,
    description: 'VERIFIED imports: the trusted issuer id whose key proved it (trust store or trust list); null for anything else (awarded: the catalogue)',
  })
  verifiedBy!: string | null;
}
