import { ArgsType, Field, Float, ID, Int } from '@nestjs/graphql';
import { IsDate, IsEnum, IsInt, IsNumber, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { RecommendationOrder } from './recommendation-order.enum';

@ArgsType()
export class RecommendCredentialsArgs {
  @Field(() => ID)
  @IsString()
  @MaxLength(100)
  candidateId!: string;

  @Field(() => ID)
  @IsString()
  @MaxLength(100)
  jobId!: string;

  @Field(() => Int, { nullable: true, defaultValue: 5 })
  @IsInt()
  @Min(1)
  @Max(50)
  first: number = 5;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  maxHours?: number | null;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  maxCost?: number | null;

  @Field(() => RecommendationOrder, { nullable: true, description: 'default: gain per hour (per cost unit when only maxCost is given)' })
  @IsOptional()
  @IsEnum(RecommendationOrder)
  orderBy?: RecommendationOrder | null;

  @Field(() => Date, { nullable: true, description: 'default: the start of the current UTC day' })
  @IsOptional()
  @IsDate()
  asOf?: Date | null;
}
