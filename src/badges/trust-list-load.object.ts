import { Field, Int, ObjectType } from '@nestjs/graphql';
import { TrustedIssuerObject } from './trusted-issuer.object';

@ObjectType('TrustListLoad', { description: 'The outcome of loading a trust list: it replaces the previous one' })
export class TrustListLoadObject {
  @Field(() => Int, { description: 'issuers on the list now' })
  loaded!: number;

  @Field(() => Int, { description: 'issuers of the previous list no longer on it' })
  removed!: number;

  @Field(() => [TrustedIssuerObject])
  issuers!: TrustedIssuerObject[];
}
