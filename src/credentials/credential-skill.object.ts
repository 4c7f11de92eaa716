import { Field, Int, ObjectType } from '@nestjs/graphql';
import { SkillObject } from '../skills/skill.object';

@ObjectType('CredentialSkill')
export class CredentialSkillObject {
  @Field(() => SkillObject)
  skill!: SkillObject;

  @Field(() => Int, { description: '1..5' })
  level!: number;
}
