import { Field, Float, ObjectType, registerEnumType } from '@nestjs/graphql';
import { RenewalOptionObject } from './renewal-option.object';

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
