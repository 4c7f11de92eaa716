import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { SelectionRateObject } from './selection-rate.object';

@ObjectType('ImpactGroup', { description: 'A known category (or intersection) of the people scored; people of unknown category are never a group' })
export class ImpactGroupObject {
  @Field(() => [String], { description: "one value per category, e.g. ['FEMALE', 'WHITE']" })
  values!: string[];

  @Field({ description: "as the summary prints it, e.g. 'Female × White (Not Hispanic or Latino)'" })
  label!: string;

  @Field(() => Int)
  count!: number;

  @Field(() => Float, { description: 'count / everyone scored (unknowns included)' })
  share!: number;

  @Field({ description: 'share below minShare (2%): count and rates reported, but no impact ratio, never the reference, never flagged' })
  excluded!: boolean;

  @Field(() => String, { nullable: true, description: 'why the category is excluded from the impact ratios (one line)' })
  exclusionReason!: string | null;

  @Field({ deprecationReason: 'the fixed minimum group size is gone: use excluded (below minShare of the sample)' })
  tooSmall!: boolean;

  @Field(() => SelectionRateObject, { description: "the scoring rate (the rules' method): share of the category scoring above the median score of everyone scored" })
  aboveMedian!: SelectionRateObject;

  @Field(() => SelectionRateObject, { description: "the selection rate at top N, a second view (not the rules' scoring rate): share of the category placed 1..N in a ranking" })
  topN!: SelectionRateObject;
}
