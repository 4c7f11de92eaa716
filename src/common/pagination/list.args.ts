import { ArgsType, Field } from '@nestjs/graphql';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { PageArgs } from './page.args';

/** `search`, `first` and `after` for the alphabetical catalogue lists. */
@ArgsType()
export class ListArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: 'Case-insensitive substring of the name' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  search?: string | null;
}
