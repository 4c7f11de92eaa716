import { Field, ID, InputType } from '@nestjs/graphql';
import { IsDate, IsOptional, IsUUID } from 'class-validator';

@InputType('AwardCredentialInput')
export class AwardCredentialInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'candidateId must be a candidate id' })
  candidateId!: string;

  @Field(() => ID)
  @IsUUID('all', { message: 'credentialId must be a credential id' })
  credentialId!: string;

  @Field()
  @IsDate()
  issuedAt!: Date;

  @Field(() => Date, { nullable: true, description: "default: issuedAt + the credential's validityMonths" })
  @IsOptional()
  @IsDate()
  expiresAt?: Date | null;
}
