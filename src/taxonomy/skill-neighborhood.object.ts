import { Field, ObjectType } from '@nestjs/graphql';
import { SkillNeighborhoodEdgeObject } from './skill-neighborhood-edge.object';
import { SkillNeighborhoodNodeObject } from './skill-neighborhood-node.object';

@ObjectType('SkillNeighborhood')
export class SkillNeighborhoodObject {
  @Field(() => [SkillNeighborhoodNodeObject])
  nodes!: SkillNeighborhoodNodeObject[];

  @Field(() => [SkillNeighborhoodEdgeObject])
  edges!: SkillNeighborhoodEdgeObject[];
}
