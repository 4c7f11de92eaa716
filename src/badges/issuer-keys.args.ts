import { ArgsType, Field } from '@nestjs/graphql';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { PageArgs } from '../common/pagination/page.args';

/** `issuerId`, `first` and `after` for the trust store listing (ordered by key id). */
@ArgsType()
export class IssuerKeysArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: 'only the keys of this issuer (DID or URL)' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  issuerId?: string | null;
}
