import { Field, Float, ObjectType } from '@nestjs/graphql';
import { PathwayStepObject } from './pathway-step.object';

@ObjectType('PathwayPlan')
export class PathwayPlanObject {
  @Field(() => Float, { description: "the candidate's score for the job now (at asOf)" })
  startScore!: number;

  @Field(() => Float)
  finalScore!: number;

  @Field()
  reachesTarget!: boolean;

  @Field(() => Float)
  totalHours!: number;

  @Field(() => Float)
  totalCost!: number;

  @Field({
    description:
      'true when proven minimal for the objective among plans that reach the target within the budgets; when none does, when proven to have the highest reachable score and the least objective at it',
  })
  optimal!: boolean;

  @Field(() => [PathwayStepObject])
  steps!: PathwayStepObject[];

  @Field({ description: 'the plan as a Mermaid flowchart' })
  mermaid!: string;

  @Field(() => Float, { description: 'hours of the greedy plan (best gain per hour first), for comparison' })
  greedyTotalHours!: number;

  @Field(() => Float, { description: 'cost of the greedy plan, for comparison' })
  greedyTotalCost!: number;

  @Field(() => Float, { description: 'final score of the greedy plan, for comparison' })
  greedyFinalScore!: number;
}
