import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { CredentialType } from './credential-type.enum';

@ObjectType('Credential')
export class CredentialObject {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field()
  issuer!: string;

  @Field({
    description:
      "true: not a catalogue credential but a learner's own achievement record (an import whose issuer is not trusted for a catalogue credential); " +
      'never listed in credentials, never recommended; its issuer and name are what the credential claims',
  })
  learnerRecord!: boolean;

  @Field(() => CredentialType)
  type!: CredentialType;

  @Field(() => Float, { description: 'estimated learner effort' })
  hours!: number;

  @Field(() => Float, { description: 'price in the catalogue currency' })
  cost!: number;

  @Field(() => String, { nullable: true, description: 'ISO 4217 currency of cost when the source stated one (e.g. a CTDL import); null: the catalogue currency' })
  currency!: string | null;

  @Field(() => Int, { nullable: true, description: 'null: never expires' })
  validityMonths!: number | null;

  @Field(() => Float, { nullable: true })
  academicCredits!: number | null;

  @Field(() => Int, { nullable: true, description: 'how many components earn it; null: all of them' })
  requiredComponents!: number | null;

  @Field(() => String, { nullable: true })
  description!: string | null;
}
