import { Field, InputType } from '@nestjs/graphql';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';

/** A DID URL (`did:<method>:…`) or an https URL, without whitespace. */
export const KEY_OR_ISSUER_ID = /^(?:did:[a-z0-9]+:\S+|https:\/\/\S+)$/u;

@InputType('RegisterIssuerKeyInput', { description: 'A public key to trust for an issuer: give publicKeyJwk or publicKeyMultibase' })
export class RegisterIssuerKeyInput {
  @Field({ description: 'the verification method id / JWT kid the credentials name, e.g. did:web:issuer.example#key-1 or https://issuer.example/keys/1' })
  @IsString()
  @MaxLength(2000)
  @Matches(KEY_OR_ISSUER_ID, { message: 'keyId must be a DID URL (e.g. did:web:issuer.example#key-1) or an https URL' })
  keyId!: string;

  @Field(() => String, {
    nullable: true,
    description: "the issuer the key belongs to; for a DID URL key id its DID (the default), for an https key id required (the key id itself for an issuer's only key)",
  })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  @Matches(KEY_OR_ISSUER_ID, { message: 'issuerId must be a DID or an https URL' })
  issuerId?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'the public key as JWK JSON text: OKP Ed25519 (JWT and JSON-LD proofs), EC P-256/P-384/P-521 or RSA ≥ 2048 bits (JWT and OB2 JWS only); no private members',
  })
  @IsOptional()
  @IsString()
  @MaxLength(20_000)
  publicKeyJwk?: string | null;

  @Field(() => String, { nullable: true, description: "or an Ed25519 Multikey's publicKeyMultibase ('z6Mk…')" })
  @IsOptional()
  @IsString()
  @Matches(/^z6Mk[1-9A-HJ-NP-Za-km-z]{40,60}$/u, { message: "publicKeyMultibase must be an Ed25519 Multikey ('z6Mk…', base58btc)" })
  publicKeyMultibase?: string | null;
}
