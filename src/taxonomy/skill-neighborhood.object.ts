import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { SkillObject } from '../skills/skill.object';

@ObjectType('SkillNeighborhoodNode')
export class SkillNeighborhoodNodeObject {
  @Field(() => SkillObject)
  skill!: SkillObject;

  @Field(() => Int, { description: 'hops from the centre' })
  distance!: number;
}

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

@ObjectType('SkillNeighborhood')
export class SkillNeighborhoodObject {
  @Field(() => [SkillNeighborhoodNodeObject])
  nodes!: SkillNeighborhoodNodeObject[];

  @Field(() => [SkillNeighborhoodEdgeObject])
  edges!: SkillNeighborhoodEdgeObject[];
}
