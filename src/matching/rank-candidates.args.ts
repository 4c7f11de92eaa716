import { ArgsType, Field, Float, ID, Int } from '@nestjs/graphql';
import { IsBoolean, IsDate, IsInt, IsNumber, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

@ArgsType()
export class RankCandidatesArgs {
  @Field(() => ID)
  @IsString()
  @MaxLength(100)
  jobId!: string;

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

  @Field(() => Date, { nullable: true })
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
