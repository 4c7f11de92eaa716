import { Field, ObjectType } from '@nestjs/graphql';
import { RenewalOptionObject } from './renewal-option.object';

@ObjectType('CredentialRenewal')
export class CredentialRenewalObject {
  credentialId!: string;

  @Field()
  expiresAt!: Date;

  @Field(() => RenewalOptionObject, {
    nullable: true,
    description: 'the least-cost way to hold it again: the credential itself or one teaching all its skills at its levels or higher',
  })
  renewal!: RenewalOptionObject | null;
}
