import { Field, Float, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

export enum RenewalReason {
  DECAY = 'DECAY',
  EXPIRY = 'EXPIRY',
}

registerEnumType(RenewalReason, {
  name: 'RenewalReason',
  valuesMap: {
    DECAY: { description: 'the evidence decays below the useful strength within the horizon' },
    EXPIRY: { description: 'decay alone would keep it useful, but the credential behind it expires within the horizon' },
  },
});

@ObjectType('RenewalOption', { description: 'The cheapest credential that renews a skill or a credential' })
export class RenewalOptionObject {
  credentialId!: string;

  @Field(() => Float, { description: 'including missing prerequisites (a held credential is re-earned at its own price)' })
  hours!: number;

  @Field(() => Float, { description: 'including missing prerequisites (a held credential is re-earned at its own price)' })
  cost!: number;

  prerequisitesMissingIds!: string[];
}

@ObjectType('SkillRenewal')
export class SkillRenewalObject {
  skillId!: string;

  @Field(() => Float, { description: 'strength of the strongest evidence at asOf (level x confidence x decay, 0..5)' })
  strengthNow!: number;

  @Field(() => Float, { description: 'strength of the strongest evidence at the end of the horizon, expiry applied' })
  strengthAtHorizon!: number;

  @Field(() => RenewalReason)
  reason!: RenewalReason;

  @Field(() => Date, { nullable: true, description: 'when the skill falls below the useful strength' })
  fallsBelowAt!: Date | null;

  /** The credential behind the strongest evidence now, if any. */
  credentialId!: string | null;

  @Field(() => RenewalOptionObject, { nullable: true, description: 'the least-cost credential teaching the skill at a useful level; null: none in the catalogue' })
  renewal!: RenewalOptionObject | null;
}

@ObjectType('CredentialRenewal')
export class CredentialRenewalObject {
  credentialId!: string;

  @Field()
  expiresAt!: Date;

  @Field(() => RenewalOptionObject, {
    nullable: true,
    description: 'the least-cost way to hold it again: the credential itself or one teaching all its skills at its levels or higher',
  })
  renewal!: RenewalOptionObject | null;
}

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

  @Field(() => [CredentialRenewalObject], { description: 'held credentials expiring within the horizon, soonest first' })
  credentials!: CredentialRenewalObject[];
}
