import { Field, Float, ObjectType } from '@nestjs/graphql';

@ObjectType('CredentialRecommendation')
export class CredentialRecommendationObject {
  credentialId!: string;

  @Field(() => Float, { description: 'projectedScore - current score' })
  scoreGain!: number;

  @Field(() => Float, { description: 'score if this credential (and its missing prerequisites) were earned now' })
  projectedScore!: number;

  @Field(() => Float, { description: 'including missing prerequisites (and, for a stack, the components that complete it)' })
  hours!: number;

  @Field(() => Float, { description: 'including missing prerequisites (and, for a stack, the components that complete it)' })
  cost!: number;

  /** Required skills whose coverage it raises, in requirement order. */
  closesSkillIds!: string[];
  /** Prerequisites first. */
  prerequisitesMissingIds!: string[];
  completesStackIds!: string[];
}
