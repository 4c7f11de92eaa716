import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType('TrustedIssuer', { description: "An entry of the ADMIN's trust list: an issuer id and the catalogue issuers it is trusted for (ADMIN only)" })
export class TrustedIssuerObject {
  @Field({ description: 'the issuer id credentials name: a DID (did:key / did:jwk included) or an https URL' })
  issuerId!: string;

  @Field(() => String, { nullable: true })
  name!: string | null;

  @Field(() => [String], { description: 'catalogue issuers (Credential.issuer) whose credentials its imports may map onto' })
  trustedFor!: string[];

  @Field(() => [String], { description: 'public keys listed for it, as JWK JSON text (a did:key / did:jwk is its own key)' })
  publicKeys!: string[];

  @Field()
  loadedAt!: Date;

  @Field(() => String, { nullable: true, description: 'token sub of the ADMIN who loaded the list (null: the CLI)' })
  loadedBy!: string | null;
}
