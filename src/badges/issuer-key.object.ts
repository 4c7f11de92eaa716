import { Field, ID, ObjectType } from '@nestjs/graphql';
import { IssuerKeyRegistration } from './issuer-key-registration.enum';

@ObjectType('IssuerKey', {
  description: 'A public key the verifier trusts for an issuer that cannot be resolved offline (did:web and other DIDs, https key URLs); ADMIN only',
})
export class IssuerKeyObject {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'the verification method id / JWT kid, e.g. did:web:issuer.example#key-1 or https://issuer.example/keys/1' })
  keyId!: string;

  @Field({ description: 'the issuer (DID or URL) the key belongs to' })
  issuerId!: string;

  @Field({ description: 'the public key as JWK JSON text, key parameters only (kty, crv, x, y or n, e)' })
  publicKeyJwk!: string;

  @Field({ description: 'Ed25519, P-256, P-384, P-521 or RSA' })
  keyType!: string;

  @Field({ description: 'RFC 7638 SHA-256 JWK thumbprint (base64url)' })
  thumbprint!: string;

  @Field()
  createdAt!: Date;

  @Field(() => String, { nullable: true, description: 'token sub of the ADMIN who first registered the key id' })
  createdBy!: string | null;

  @Field(() => Date, { nullable: true, description: 'when another key or issuer was last registered under this key id' })
  replacedAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'token sub of the ADMIN who did that' })
  replacedBy!: string | null;

  @Field(() => IssuerKeyRegistration, { nullable: true, description: 'what this registerIssuerKey call did; null in issuerKeys' })
  registration!: IssuerKeyRegistration | null;
}
