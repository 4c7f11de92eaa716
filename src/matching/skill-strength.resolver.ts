import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { AppException } from '../common/errors/app.exception';
import { GraphqlContext } from '../common/graphql-context';
import { SKILL_BY_ID } from '../skills/skill.loaders';
import { SkillObject } from '../skills/skill.object';
import { SkillStrengthObject } from './skill-strength.object';

@Resolver(() => SkillStrengthObject)
export class SkillStrengthResolver {
  @ResolveField(() => SkillObject)
  async skill(@Parent() s: SkillStrengthObject, @Context() ctx: GraphqlContext): Promise<SkillObject> {
    const skill = await ctx.loaders.get(SKILL_BY_ID).load(s.skillId);
    if (!skill) throw AppException.notFound('Skill', s.skillId);
    return skill;
  }
}
