import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { SkillObject } from '../skills/skill.object';

@ObjectType('SkillHit')
export class SkillHitObject {
  @Field(() => SkillObject)
  skill!: SkillObject;

  @Field(() => Float, { description: '(0, 1], 1 = exact name or alias' })
  score!: number;

  @Field({ description: 'the name, alias or text span that matched' })
  matchedText!: string;

  @Field(() => Int, { nullable: true, description: 'extractSkills: offset of the span in the text (UTF-16 code units)' })
  start?: number | null;

  @Field(() => Int, { nullable: true, description: 'extractSkills: offset just past the span' })
  end?: number | null;
}
