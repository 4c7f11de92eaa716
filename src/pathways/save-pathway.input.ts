import { Field, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';

export const MAX_PATHWAY_STEPS = 100;

@InputType('SavePathwayInput')
export class SavePathwayInput {
  @Field()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  @Matches(/\S/, { message: 'name must not be blank' })
  name!: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'candidateId must be a candidate id' })
  candidateId?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'jobId must be a job id' })
  jobId?: string | null;

  @Field(() => [ID], { description: 'in order; every prerequisite before the credential that needs it, unless the candidate holds it' })
  @IsArray()
  @ArrayMinSize(1, { message: 'credentialIds must list at least one credential' })
  @ArrayMaxSize(MAX_PATHWAY_STEPS)
  @IsString({ each: true })
  credentialIds!: string[];
}
