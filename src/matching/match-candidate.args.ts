import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsDate, IsOptional, IsString, MaxLength } from 'class-validator';

@ArgsType()
export class MatchCandidateArgs {
  @Field(() => ID)
  @IsString()
  @MaxLength(100)
  candidateId!: string;

  @Field(() => ID)
  @IsString()
  @MaxLength(100)
  jobId!: string;

  @Field(() => Date, { nullable: true })
  @IsOptional()
  @IsDate()
  asOf?: Date | null;
}
