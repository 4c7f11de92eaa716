import { Field, InputType } from '@nestjs/graphql';
import { IsIn, IsOptional } from 'class-validator';
import { AGE_BAND_VALUES, AgeBand, ETHNICITY_VALUES, Ethnicity, Sex, SEX_VALUES } from '../domain/fairness/categories';
import { AgeBandEnum, EthnicityEnum, SexEnum } from './demographics.enum';

@InputType('DemographicsInput', { description: 'A self-declaration for bias audits; every field optional (null: not declared). Never used for scoring.' })
export class DemographicsInput {
  @Field(() => SexEnum, { nullable: true })
  @IsOptional()
  @IsIn(SEX_VALUES)
  sex?: Sex | null;

  @Field(() => EthnicityEnum, { nullable: true })
  @IsOptional()
  @IsIn(ETHNICITY_VALUES)
  ethnicity?: Ethnicity | null;

  @Field(() => AgeBandEnum, { nullable: true })
  @IsOptional()
  @IsIn(AGE_BAND_VALUES)
  ageBand?: AgeBand | null;
}
