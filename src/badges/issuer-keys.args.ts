import { ArgsType, Field, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

/** `issuerId`, `first` and `after` for the trust store listing (ordered by key id). */
@ArgsType()
export class IssuerKeysArgs {
  @Field(() => String, { nullable: true, description: 'only the keys of this issuer (DID or URL)' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  issuerId?: string | null;

  @Field(() => Int, { nullable: true, defaultValue: 20 })
  @IsInt()
  @Min(1)
  @Max(100)
  first: number = 20;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  after?: string | null;
}
