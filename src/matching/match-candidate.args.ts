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

  @Field(() => Date, { nullable: true, description: 'default: the start of the current UTC day' })
  @IsOptional()
  @IsDate()
  asOf?: Date | null;
}
