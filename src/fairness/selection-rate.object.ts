import { Field, Float, Int, ObjectType } from '@nestjs/graphql';

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
