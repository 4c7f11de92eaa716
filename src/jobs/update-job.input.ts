import { Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { JobRequirementInput } from './job-requirement.input';

/** Changes to a job; omitted fields stay as they are, `requirements` replaces the whole list. */
@InputType('UpdateJobInput')
export class UpdateJobInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'id must be a job id' })
  id!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  @Matches(/\S/, { message: 'title must not be blank' })
  title?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(20000)
  description?: string | null;

  @Field(() => [JobRequirementInput], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1, { message: 'requirements must list at least one skill' })
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => JobRequirementInput)
  requirements?: JobRequirementInput[];
}
