import { Field, Float, ObjectType } from '@nestjs/graphql';
import { SkillObject } from './skill.object';

@ObjectType('RelatedSkill')
export class RelatedSkillObject {
  @Field(() => SkillObject)
  skill!: SkillObject;

  @Field(() => Float, { description: '(0, 1]' })
  weight!: number;
}
