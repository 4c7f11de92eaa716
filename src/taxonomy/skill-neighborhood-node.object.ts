import { Field, Int, ObjectType } from '@nestjs/graphql';
import { SkillObject } from '../skills/skill.object';

@ObjectType('SkillNeighborhoodNode')
export class SkillNeighborhoodNodeObject {
  @Field(() => SkillObject)
  skill!: SkillObject;

  @Field(() => Int, { description: 'hops from the centre' })
  distance!: number;
}
