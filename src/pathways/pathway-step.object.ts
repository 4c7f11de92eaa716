import { Field, Float, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('PathwayStep')
export class PathwayStepObject {
  @Field(() => Int, { description: '1-based; every prerequisite comes before the credential that needs it' })
  position!: number;

  credentialId!: string;

  @Field(() => Float, { description: 'score after this step (and the stacks it completes)' })
  projectedScore!: number;

  @Field(() => Float)
  cumulativeHours!: number;

  @Field(() => Float)
  cumulativeCost!: number;

  earnsStackIds!: string[];
}
