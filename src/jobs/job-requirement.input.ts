import { Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import { IsBoolean, IsInt, IsNumber, IsUUID, Max, Min } from 'class-validator';

@InputType('JobRequirementInput')
export class JobRequirementInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'skillId must be a skill id' })
  skillId!: string;

  @Field(() => Int, { nullable: true, defaultValue: 3 })
  @IsInt()
  @Min(1)
  @Max(5)
  level: number = 3;

  @Field(() => Float, { nullable: true, defaultValue: 1 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0.000001, { message: 'weight must be greater than 0' })
  @Max(1000)
  weight: number = 1;

  @Field(() => Boolean, { nullable: true, defaultValue: false })
  @IsBoolean()
  mandatory: boolean = false;
}
