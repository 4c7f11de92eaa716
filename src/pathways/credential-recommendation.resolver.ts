import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { GraphqlContext } from '../common/graphql-context';
import { CredentialObject } from '../credentials/credential.object';
import { loadCredentials } from '../credentials/credential.resolver';
import { SKILL_BY_ID } from '../skills/skill.loaders';
import { SkillObject } from '../skills/skill.object';
import { CredentialRecommendationObject } from './credential-recommendation.object';
import { requireCredential } from './pathway.resolver';

async function loadSkills(ctx: GraphqlContext, ids: readonly string[]): Promise<SkillObject[]> {
  const found = await ctx.loaders.get(SKILL_BY_ID).loadMany(ids);
  return found.filter((s): s is SkillObject => s !== null && !(s instanceof Error));
}

@Resolver(() => CredentialRecommendationObject)
export class CredentialRecommendationResolver {
  @ResolveField(() => CredentialObject)
  credential(@Parent() r: CredentialRecommendationObject, @Context() ctx: GraphqlContext): Promise<CredentialObject> {
    return requireCredential(ctx, r.credentialId);
  }

  @ResolveField(() => [SkillObject], { description: "required skills whose requirement it brings to full coverage, in the job's order" })
  closes(@Parent() r: CredentialRecommendationObject, @Context() ctx: GraphqlContext): Promise<SkillObject[]> {
    return loadSkills(ctx, r.closesSkillIds);
  }

  @ResolveField(() => [CredentialObject], { description: 'to earn first (prerequisites, transitively, and for a stack its chosen components), in step order' })
  prerequisitesMissing(@Parent() r: CredentialRecommendationObject, @Context() ctx: GraphqlContext): Promise<CredentialObject[]> {
    return loadCredentials(ctx, r.prerequisitesMissingIds);
  }

  @ResolveField(() => [CredentialObject], { description: 'stacked credentials that earning it would complete' })
  completesStack(@Parent() r: CredentialRecommendationObject, @Context() ctx: GraphqlContext): Promise<CredentialObject[]> {
    return loadCredentials(ctx, r.completesStackIds);
  }
}
