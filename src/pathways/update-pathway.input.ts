import { Field, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { MAX_PATHWAY_STEPS } from './save-pathway.input';

/** Changes to a saved pathway; omitted fields stay as they are, `credentialIds` replaces the steps, `jobId: null` detaches the job. */
@InputType('UpdatePathwayInput')
export class UpdatePathwayInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'id must be a pathway id' })
  id!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  @Matches(/\S/, { message: 'name must not be blank' })
  name?: string;

  @Field(() => ID, { nullable: true, description: 'null: no job (projected scores become 0)' })
  @IsOptional()
  @IsUUID('all', { message: 'jobId must be a job id' })
  jobId?: string | null;

  @Field(() => [ID], { nullable: true, description: 'in order; replaces the steps' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1, { message: 'credentialIds must list at least one credential' })
  @ArrayMaxSize(MAX_PATHWAY_STEPS)
  @IsString({ each: true })
  credentialIds?: string[];
}
