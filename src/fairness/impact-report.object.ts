import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { JobObject } from '../jobs/job.object';
import { ImpactDimensionObject } from './impact-dimension.object';

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
