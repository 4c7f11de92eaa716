import { ArgsType, Field, ID, Int } from '@nestjs/graphql';
import { IsDate, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

@ArgsType()
export class RenewalsArgs {
  @Field(() => ID)
  @IsString()
  @MaxLength(100)
  candidateId!: string;

  @Field(() => Int, { nullable: true, defaultValue: 12, description: '1..120' })
  @IsInt()
  @Min(1)
  @Max(120)
  horizonMonths: number = 12;

  @Field(() => Date, { nullable: true, description: 'default: the start of the current UTC day' })
  @IsOptional()
  @IsDate()
  asOf?: Date | null;
}
