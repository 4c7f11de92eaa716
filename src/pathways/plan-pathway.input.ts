import { Field, Float, ID, InputType } from '@nestjs/graphql';
import { IsDate, IsEnum, IsNumber, IsOptional, IsPositive, IsString, Max, MaxLength, Min } from 'class-validator';
import { PathwayObjective } from './pathway-objective.enum';

@InputType('PlanPathwayInput')
export class PlanPathwayInput {
  @Field(() => ID)
  @IsString()
  @MaxLength(100)
  candidateId!: string;

  @Field(() => ID)
  @IsString()
  @MaxLength(100)
  jobId!: string;

  @Field(() => Float, { nullable: true, defaultValue: 0.8, description: 'in (0, 1]' })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @IsPositive({ message: 'targetScore must be greater than 0' })
  @Max(1)
  targetScore: number = 0.8;

  @Field(() => Float, { nullable: true, description: '>= 0; no limit when omitted' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  maxHours?: number | null;

  @Field(() => Float, { nullable: true, description: '>= 0; no limit when omitted' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  maxCost?: number | null;

  @Field(() => PathwayObjective, { nullable: true, defaultValue: PathwayObjective.HOURS })
  @IsEnum(PathwayObjective)
  minimize: PathwayObjective = PathwayObjective.HOURS;

  @Field(() => Date, { nullable: true, description: 'default: the start of the current UTC day' })
  @IsOptional()
  @IsDate()
  asOf?: Date | null;
}
