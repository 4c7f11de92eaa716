import { Field, ObjectType } from '@nestjs/graphql';
import { SkillHitObject } from './skill-hit.object';

@ObjectType('SkillResolution')
export class SkillResolutionObject {
  @Field({ description: 'the free text as given' })
  text!: string;

  @Field(() => SkillHitObject, { nullable: true, description: 'the best hit, or null when nothing is close enough' })
  hit!: SkillHitObject | null;
}
