import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { JobObject } from '../jobs/job.object';

@ObjectType('SelectionRate')
export class SelectionRateObject {
  @Field(() => Int)
  selected!: number;

  @Field(() => Float, { description: 'selected / count' })
  rate!: number;

  @Field(() => Float, { nullable: true, description: "rate / the reference group's rate; null when no group is large enough or the reference rate is 0" })
  impactRatio!: number | null;

  @Field({ description: 'the most-selected group among those large enough to judge' })
  reference!: boolean;

  @Field({ description: 'impactRatio below the threshold (0.8) in a group large enough to judge' })
  flagged!: boolean;
}

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

@ObjectType('ImpactDimension')
export class ImpactDimensionObject {
  @Field({ description: "a category or an intersection, e.g. 'sex' or 'sex × ethnicity'" })
  name!: string;

  @Field(() => [String], { description: 'sex, ethnicity, ageBand' })
  categories!: string[];

  @Field(() => [ImpactGroupObject])
  groups!: ImpactGroupObject[];
}

@ObjectType('ImpactReport', { description: 'Adverse-impact analysis of a ranking over self-declared demographics (four-fifths rule)' })
export class ImpactReportObject {
  @Field(() => JobObject)
  job!: JobObject;

  @Field()
  asOf!: Date;

  @Field(() => Int, { description: 'the N used: min(topN, population)' })
  topN!: number;

  @Field(() => Int, { description: 'discoverable candidates ranked' })
  population!: number;

  @Field(() => Float)
  medianScore!: number;

  @Field(() => Int)
  minGroupSize!: number;

  @Field(() => Float)
  threshold!: number;

  @Field(() => [ImpactDimensionObject])
  dimensions!: ImpactDimensionObject[];
}
