import { ArgsType, Field, Float, ID } from '@nestjs/graphql';
import { IsBoolean, IsDate, IsNumber, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { PageArgs } from '../common/pagination/page.args';

@ArgsType()
export class RankCandidatesArgs extends PageArgs {
  @Field(() => ID)
  @IsString()
  @MaxLength(100)
  jobId!: string;

  @Field(() => Date, { nullable: true, description: 'default: the start of the current UTC day' })
  @IsOptional()
  @IsDate()
  asOf?: Date | null;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1)
  minScore?: number | null;

  @Field(() => Boolean, {
    nullable: true,
    defaultValue: false,
    description: 'blind review: each candidate under an opaque handle valid for this ranking only (candidate.id), named "Candidate <position>", no email, no id of theirs in any field or cursor; unmaskCandidate(handle) reveals one, audited',
  })
  @IsBoolean()
  masked: boolean = false;
}
