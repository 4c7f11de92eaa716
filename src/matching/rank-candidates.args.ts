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

  @Field(() => Boolean, { nullable: true, defaultValue: false, description: 'hide candidate names (e.g. "Candidate 7f3a…") until unmaskCandidate' })
  @IsBoolean()
  masked: boolean = false;
}
