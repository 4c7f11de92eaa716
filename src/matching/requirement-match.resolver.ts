import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { AppException } from '../common/errors/app.exception';
import { GraphqlContext } from '../common/graphql-context';
import { CREDENTIAL_BY_ID } from '../credentials/credential.loaders';
import { CredentialObject } from '../credentials/credential.object';
import { SKILL_BY_ID } from '../skills/skill.loaders';
import { SkillObject } from '../skills/skill.object';
import { requirementReason } from '../domain/matching/match-reasons';
import { RequirementMatchObject } from './requirement-match.object';

@Resolver(() => RequirementMatchObject)
export class RequirementMatchResolver {
  @ResolveField(() => SkillObject, { nullable: true, description: 'the evidenced skill that gave the coverage' })
  async matchedSkill(@Parent() m: RequirementMatchObject, @Context() ctx: GraphqlContext): Promise<SkillObject | null> {
    return m.matchedSkillId ? ctx.loaders.get(SKILL_BY_ID).load(m.matchedSkillId) : null;
  }

  @ResolveField(() => CredentialObject, { nullable: true, description: 'the credential behind that evidence, if any' })
  async credential(@Parent() m: RequirementMatchObject, @Context() ctx: GraphqlContext): Promise<CredentialObject | null> {
    const credential = m.credentialId ? await ctx.loaders.get(CREDENTIAL_BY_ID).load(m.credentialId) : null;
    // in a masked ranking a learner's own record (unique to one person) shows under a stand-in id
    return credential && m.credentialMask && credential.learnerRecord ? { ...credential, id: m.credentialMask(credential.id) } : credential;
  }

  @ResolveField(() => String, {
    description:
      'one plain sentence a recruiter reads: the evidence, how it relates to the required skill, its level, month and freshness, the credential behind it and its verification status, or what is missing',
  })
  async reason(@Parent() m: RequirementMatchObject, @Context() ctx: GraphqlContext): Promise<string> {
    const skills = ctx.loaders.get(SKILL_BY_ID);
    const [required, matched, credential] = await Promise.all([
      skills.load(m.requirement.skillId),
      m.matchedSkillId ? skills.load(m.matchedSkillId) : null,
      m.credentialId ? ctx.loaders.get(CREDENTIAL_BY_ID).load(m.credentialId) : null,
    ]);
    if (!required) throw AppException.notFound('Skill', m.requirement.skillId);
    return requirementReason({
      requiredSkill: required.name,
      requiredLevel: m.requirement.level,
      via: m.via,
      coverage: m.coverage,
      evidence:
        m.via === 'NONE' || !m.evidencedAt || m.evidenceLevel === null || m.source === null
          ? null
          : {
              skill: matched?.name ?? 'an unknown skill',
              level: m.evidenceLevel,
              evidencedAt: m.evidencedAt,
              decay: m.decay,
              similarity: m.similarity,
              strength: m.strength,
              source: m.source,
              credential: credential?.name ?? null,
              verification: m.verification,
            },
      gap: m.gap(),
    });
  }
}
