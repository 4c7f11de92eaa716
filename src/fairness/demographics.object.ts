import { Field, ObjectType } from '@nestjs/graphql';
import { AgeBand, Ethnicity, Sex } from '../domain/fairness/categories';
import { AgeBandEnum, EthnicityEnum, SexEnum } from './demographics.enum';

@ObjectType('Demographics', { description: 'Self-declared categories, used only for bias audits (impactReport, biasAudit), never for scoring' })
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
