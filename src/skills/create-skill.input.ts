import { Field, Float, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsEnum, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { SkillCategory } from './skill-category.enum';

@InputType('CreateSkillInput')
export class CreateSkillInput {
  @Field()
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  @Matches(/\S/, { message: 'name must not be blank' })
  name!: string;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(300, { each: true })
  aliases?: string[] | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  description?: string | null;

  @Field(() => SkillCategory)
  @IsEnum(SkillCategory)
  category!: SkillCategory;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @Min(0.1)
  @Max(1200)
  halfLifeMonths?: number | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  @Matches(/^\S+:\S+$/, { message: 'externalUri must be a URI' })
  externalUri?: string | null;

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true, message: 'broaderIds must contain skill ids' })
  broaderIds?: string[] | null;
}
