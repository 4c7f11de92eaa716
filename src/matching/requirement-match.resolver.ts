import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { GraphqlContext } from '../common/graphql-context';
import { CREDENTIAL_BY_ID } from '../credentials/credential.loaders';
import { CredentialObject } from '../credentials/credential.object';
import { SKILL_BY_ID } from '../skills/skill.loaders';
import { SkillObject } from '../skills/skill.object';
import { RequirementMatchObject } from './requirement-match.object';

@Resolver(() => RequirementMatchObject)
export class RequirementMatchResolver {
  @ResolveField(() => SkillObject, { nullable: true, description: 'the evidenced skill that gave the coverage' })
  async matchedSkill(@Parent() m: RequirementMatchObject, @Context() ctx: GraphqlContext): Promise<SkillObject | null> {
    return m.matchedSkillId ? ctx.loaders.get(SKILL_BY_ID).load(m.matchedSkillId) : null;
  }

  @ResolveField(() => CredentialObject, { nullable: true, description: 'the credential behind that evidence, if any' })
  async credential(@Parent() m: RequirementMatchObject, @Context() ctx: GraphqlContext): Promise<CredentialObject | null> {
    return m.credentialId ? ctx.loaders.get(CREDENTIAL_BY_ID).load(m.credentialId) : null;
  }
}
