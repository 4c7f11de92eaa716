import { Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsEnum,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { CredentialSkillInput } from './credential-skill.input';
import { CredentialType } from './credential-type.enum';

@InputType('CreateCredentialInput')
export class CreateCredentialInput {
  @Field()
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  @Matches(/\S/, { message: 'name must not be blank' })
  name!: string;

  @Field()
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  @Matches(/\S/, { message: 'issuer must not be blank' })
  issuer!: string;

  @Field(() => CredentialType)
  @IsEnum(CredentialType)
  type!: CredentialType;

  @Field(() => Float)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(100000)
  hours!: number;

  @Field(() => Float)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(10000000)
  cost!: number;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1200)
  validityMonths?: number | null;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1000)
  academicCredits?: number | null;

  @Field(() => [CredentialSkillInput])
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => CredentialSkillInput)
  skills!: CredentialSkillInput[];

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true, message: 'prerequisiteIds must contain credential ids' })
  prerequisiteIds?: string[] | null;

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true, message: 'componentIds must contain credential ids' })
  componentIds?: string[] | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  requiredComponents?: number | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  description?: string | null;
}
