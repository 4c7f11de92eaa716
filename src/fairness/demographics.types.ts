import { Field, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsIn, IsOptional } from 'class-validator';
import { AGE_BAND_VALUES, AgeBand, ETHNICITY_VALUES, Ethnicity, Sex, SEX_VALUES } from '../domain/fairness/categories';

const asEnum = <T extends string>(values: readonly T[]) => Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };

export const SexEnum = asEnum(SEX_VALUES);
export const EthnicityEnum = asEnum(ETHNICITY_VALUES);
export const AgeBandEnum = asEnum(AGE_BAND_VALUES);

registerEnumType(SexEnum, { name: 'Sex', description: 'self-declared; optional' });
registerEnumType(EthnicityEnum, { name: 'Ethnicity', description: 'self-declared race/ethnicity; optional' });
registerEnumType(AgeBandEnum, { name: 'AgeBand', description: 'self-declared; optional' });

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

@ObjectType('Demographics', { description: 'Self-declared categories, used only for bias audits (impactReport), never for scoring' })
export class DemographicsObject {
  candidateId!: string;

  @Field(() => SexEnum, { nullable: true })
  sex!: Sex | null;

  @Field(() => EthnicityEnum, { nullable: true })
  ethnicity!: Ethnicity | null;

  @Field(() => AgeBandEnum, { nullable: true })
  ageBand!: AgeBand | null;

  @Field()
  updatedAt!: Date;
}
