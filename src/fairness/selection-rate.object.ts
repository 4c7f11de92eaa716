import { Field, Float, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('SelectionRate', { description: 'One rate view of a category (the scoring rate, or the selection rate at top N) with its impact ratio and significance' })
export class SelectionRateObject {
  @Field(() => Int, { description: 'people of the category above the median score (scoring rate) or placed in the top N (selection rate)' })
  selected!: number;

  @Field(() => Float, { description: 'selected / count' })
  rate!: number;

  @Field(() => Float, { nullable: true, description: "rate / the reference category's rate; null when the category is excluded (under minShare) or the reference rate is 0" })
  impactRatio!: number | null;

  @Field({ description: 'the category with the highest rate among those not excluded' })
  reference!: boolean;

  @Field({ description: 'impactRatio below the threshold (the four-fifths rule: 0.8)' })
  flagged!: boolean;

  @Field(() => Float, { nullable: true, description: "two-sided Fisher's exact test p-value of this rate against the reference's (null for the reference)" })
  pValue!: number | null;

  @Field(() => Float, { nullable: true, description: 'the two-proportion z of this rate against the reference (number of standard deviations; negative: lower); null for the reference' })
  zScore!: number | null;

  @Field({ description: 'pValue below alpha (0.05)' })
  significant!: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'one line when the four-fifths rule and the test disagree: a flag that rests on too few people, or a ratio at or above 0.8 that hides a significant difference',
  })
  note!: string | null;
}
