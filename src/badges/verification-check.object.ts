import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType('VerificationCheck', { description: 'One step of verifying an imported credential' })
export class VerificationCheckObject {
  @Field({ description: "e.g. 'proof' (integrity), 'issuer-trust' (is the issuer trusted), 'issuer-key', 'validity-window', 'credential-status', 'recipient-identity', 'clr-envelope'" })
  name!: string;

  @Field({ description: 'PASS, FAIL, UNKNOWN or SKIPPED' })
  outcome!: string;

  @Field(() => String, { nullable: true })
  detail?: string | null;
}
