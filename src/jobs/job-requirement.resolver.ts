import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { AppException } from '../common/errors/app.exception';
import { GraphqlContext } from '../common/graphql-context';
import { SKILL_BY_ID } from '../skills/skill.loaders';
import { SkillObject } from '../skills/skill.object';
import { JobRequirementObject } from './job-requirement.object';

@Resolver(() => JobRequirementObject)
export class JobRequirementResolver {
  @ResolveField(() => SkillObject)
  async skill(@Parent() requirement: JobRequirementObject, @Context() ctx: GraphqlContext): Promise<SkillObject> {
    const skill = await ctx.loaders.get(SKILL_BY_ID).load(requirement.skillId);
    if (!skill) throw AppException.notFound('Skill', requirement.skillId);
    return skill;
  }
}
