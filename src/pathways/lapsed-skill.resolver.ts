import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { AppException } from '../common/errors/app.exception';
import { GraphqlContext } from '../common/graphql-context';
import { CREDENTIAL_BY_ID } from '../credentials/credential.loaders';
import { CredentialObject } from '../credentials/credential.object';
import { SKILL_BY_ID } from '../skills/skill.loaders';
import { SkillObject } from '../skills/skill.object';
import { LapsedSkillObject } from './lapsed-skill.object';

@Resolver(() => LapsedSkillObject)
export class LapsedSkillResolver {
  @ResolveField(() => SkillObject)
  async skill(@Parent() s: LapsedSkillObject, @Context() ctx: GraphqlContext): Promise<SkillObject> {
    const skill = await ctx.loaders.get(SKILL_BY_ID).load(s.skillId);
    if (!skill) throw AppException.notFound('Skill', s.skillId);
    return skill;
  }

  @ResolveField(() => CredentialObject, { nullable: true, description: 'the credential behind the evidence that kept it useful longest, if any' })
  async credential(@Parent() s: LapsedSkillObject, @Context() ctx: GraphqlContext): Promise<CredentialObject | null> {
    return s.credentialId ? ctx.loaders.get(CREDENTIAL_BY_ID).load(s.credentialId) : null;
  }
}
