import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { PageArgs } from '../common/pagination/page.args';

@ArgsType()
export class RankingAuditArgs extends PageArgs {
  @Field(() => ID, { nullable: true, description: 'only this job; all jobs when omitted' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  jobId?: string | null;
}
