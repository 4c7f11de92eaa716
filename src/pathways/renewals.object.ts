import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { CredentialRenewalObject } from './credential-renewal.object';
import { LapsedSkillObject } from './lapsed-skill.object';
import { SkillRenewalObject } from './skill-renewal.object';

@ObjectType('Renewals')
export class RenewalsObject {
  candidateId!: string;

  @Field()
  asOf!: Date;

  @Field(() => Int)
  horizonMonths!: number;

  @Field(() => Float, { description: 'strength (0..5) below which a skill no longer counts as useful: 2' })
  usefulStrength!: number;

  @Field(() => [SkillRenewalObject], {
    description: 'skills useful at asOf (strength >= usefulStrength) that fall below it within the horizon, soonest first',
  })
  skills!: SkillRenewalObject[];

  @Field(() => [LapsedSkillObject], {
    description: 'skills useful within the last horizonMonths (strength >= usefulStrength) that are below it now, most recently lapsed first, each with the credential that renews it',
  })
  lapsed!: LapsedSkillObject[];

  @Field(() => [CredentialRenewalObject], { description: 'held credentials expiring within the horizon, soonest first' })
  credentials!: CredentialRenewalObject[];
}
