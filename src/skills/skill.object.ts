import { Field, Float, ID, ObjectType } from '@nestjs/graphql';
import { SkillCategory } from './skill-category.enum';

@ObjectType('Skill')
export class SkillObject {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field(() => [String])
  aliases!: string[];

  @Field(() => String, { nullable: true })
  description!: string | null;

  @Field(() => SkillCategory)
  category!: SkillCategory;

  @Field(() => Float, { description: "effective half-life: the skill's own override, else its category's" })
  halfLifeMonths!: number;

  /** The skill's own override, if any (not exposed directly). */
  ownHalfLifeMonths!: number | null;

  @Field(() => String, { nullable: true, description: 'e.g. an ESCO concept URI; unique when set' })
  externalUri!: string | null;
}
