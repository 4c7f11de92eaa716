import { Field, Float, ObjectType } from '@nestjs/graphql';
import { RenewalOptionObject } from './renewal-option.object';
import { RenewalReason } from './skill-renewal.object';

@ObjectType('LapsedSkill', { description: 'A skill that was useful within the last horizonMonths (strength >= usefulStrength) and is below it now' })
export class LapsedSkillObject {
  skillId!: string;

  @Field(() => Float, { description: 'its strongest strength within the window (at its start, or when evidenced later)' })
  strengthThen!: number;

  @Field(() => Float, { description: 'strength now, expiry applied' })
  strengthNow!: number;

  @Field(() => RenewalReason, { description: 'EXPIRY: decay alone would keep it useful now, but the credential behind it expired; DECAY otherwise' })
  reason!: RenewalReason;

  @Field(() => Date, { nullable: true, description: 'when it fell below the useful strength' })
  fellBelowAt!: Date | null;

  /** The credential behind the evidence that kept it useful longest, if any. */
  credentialId!: string | null;

  @Field(() => RenewalOptionObject, { nullable: true, description: 'the least-cost credential teaching the skill at a useful level; null: none in the catalogue' })
  renewal!: RenewalOptionObject | null;
}
