import { Field, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsOptional, IsString, Matches, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { JobRequirementInput } from './job-requirement.input';

@InputType('CreateJobInput')
export class CreateJobInput {
  @Field()
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  @Matches(/\S/, { message: 'title must not be blank' })
  title!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(20000)
  description?: string | null;

  @Field(() => [JobRequirementInput])
  @IsArray()
  @ArrayMinSize(1, { message: 'requirements must list at least one skill' })
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => JobRequirementInput)
  requirements!: JobRequirementInput[];
}
