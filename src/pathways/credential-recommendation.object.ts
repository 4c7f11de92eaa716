import { Field, Float, ObjectType } from '@nestjs/graphql';
import { CoverageChangeObject } from './coverage-change.object';

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

  /** Required skills whose requirement it brings to full coverage, in requirement order. */
  closesSkillIds!: string[];

  @Field(() => [CoverageChangeObject], { description: "every requirement whose coverage it raises, with before and after, in the job's order" })
  raises!: CoverageChangeObject[];
  /** Prerequisites first. */
  prerequisitesMissingIds!: string[];
  completesStackIds!: string[];
}
