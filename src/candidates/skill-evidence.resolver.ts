import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { AppException } from '../common/errors/app.exception';
import { GraphqlContext } from '../common/graphql-context';
import { SKILL_BY_ID } from '../skills/skill.loaders';
import { SkillObject } from '../skills/skill.object';
import { SkillEvidenceObject } from './skill-evidence.object';

@Resolver(() => SkillEvidenceObject)
export class SkillEvidenceResolver {
  @ResolveField(() => SkillObject)
  async skill(@Parent() evidence: SkillEvidenceObject, @Context() ctx: GraphqlContext): Promise<SkillObject> {
    const skill = await ctx.loaders.get(SKILL_BY_ID).load(evidence.skillId);
    if (!skill) throw AppException.notFound('Skill', evidence.skillId);
    return skill;
  }
}
