import { Field, Float, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('SkillNeighborhoodEdge')
export class SkillNeighborhoodEdgeObject {
  @Field(() => ID, { description: 'BROADER: the narrower skill; RELATED: as stored' })
  fromId!: string;

  @Field(() => ID)
  toId!: string;

  @Field({ description: 'BROADER or RELATED' })
  type!: string;

  @Field(() => Float)
  weight!: number;
}
