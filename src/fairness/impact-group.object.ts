import { Field, Int, ObjectType } from '@nestjs/graphql';
import { SelectionRateObject } from './selection-rate.object';

@ObjectType('ImpactGroup')
export class ImpactGroupObject {
  @Field(() => [String], { description: "one value per category, e.g. ['FEMALE', 'UNDECLARED']" })
  values!: string[];

  @Field({ description: "e.g. 'FEMALE × UNDECLARED'" })
  label!: string;

  @Field(() => Int)
  count!: number;

  @Field({ description: 'fewer than minGroupSize members: reported but not judged' })
  tooSmall!: boolean;

  @Field(() => SelectionRateObject, { description: 'share of the group in the top N of the ranking' })
  topN!: SelectionRateObject;

  @Field(() => SelectionRateObject, { description: 'share of the group scoring above the median score' })
  aboveMedian!: SelectionRateObject;
}
