import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { GraphqlContext } from '../common/graphql-context';
import { ListArgs } from '../common/pagination/list.args';
import { SKILL_BY_ID } from '../skills/skill.loaders';
import { CreateCredentialInput } from './create-credential.input';
import { CredentialConnection } from './credential-connection.object';
import { CredentialSkillObject } from './credential-skill.object';
import { COMPONENT_IDS, CREDENTIAL_BY_ID, CREDENTIAL_SKILLS, PREREQUISITE_IDS, STACKS_INTO_IDS } from './credential.loaders';
import { CredentialObject } from './credential.object';
import { CredentialService } from './credential.service';
import { UpdateCredentialInput } from './update-credential.input';

export async function loadCredentials(ctx: GraphqlContext, ids: readonly string[]): Promise<CredentialObject[]> {
  const found = await ctx.loaders.get(CREDENTIAL_BY_ID).loadMany(ids);
  return found.filter((c): c is CredentialObject => c !== null && !(c instanceof Error));
}

const byName = (a: CredentialObject, b: CredentialObject) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id);

@Resolver(() => CredentialObject)
export class CredentialResolver {
  constructor(private readonly service: CredentialService) {}

  @Query(() => CredentialObject, { nullable: true })
  credential(@Args('id', { type: () => ID }) id: string): Promise<CredentialObject | null> {
    return this.service.findById(id);
  }

  @Query(() => CredentialConnection, { description: 'Catalogue credentials in alphabetical order, optionally filtered by a name substring' })
  credentials(@Args() args: ListArgs): Promise<CredentialConnection> {
    return this.service.list(args);
  }

  @Mutation(() => CredentialObject)
  createCredential(@Args('input') input: CreateCredentialInput): Promise<CredentialObject> {
    return this.service.create(input);
  }

  @Mutation(() => CredentialObject)
  updateCredential(@Args('input') input: UpdateCredentialInput): Promise<CredentialObject> {
    return this.service.update(input);
  }

  @Mutation(() => ID, { description: 'Deletes a credential nobody holds and no other credential or pathway uses; returns its id' })
  deleteCredential(@Args('id', { type: () => ID }) id: string): Promise<string> {
    return this.service.delete(id);
  }

  @ResolveField(() => [CredentialSkillObject])
  async skills(@Parent() credential: CredentialObject, @Context() ctx: GraphqlContext): Promise<CredentialSkillObject[]> {
    const rows = await ctx.loaders.get(CREDENTIAL_SKILLS).load(credential.id);
    const skills = await ctx.loaders.get(SKILL_BY_ID).loadMany(rows.map((r) => r.skillId));
    return rows
      .map((r, i) => ({ skill: skills[i], level: r.level }))
      .filter((r): r is CredentialSkillObject => !!r.skill && !(r.skill instanceof Error))
      .sort((a, b) => b.level - a.level || a.skill.name.localeCompare(b.skill.name));
  }

  @ResolveField(() => [CredentialObject], { description: 'must be held before this one can be earned' })
  async prerequisites(@Parent() credential: CredentialObject, @Context() ctx: GraphqlContext): Promise<CredentialObject[]> {
    return (await loadCredentials(ctx, await ctx.loaders.get(PREREQUISITE_IDS).load(credential.id))).sort(byName);
  }

  @ResolveField(() => [CredentialObject], { description: 'this credential stacks from these' })
  async components(@Parent() credential: CredentialObject, @Context() ctx: GraphqlContext): Promise<CredentialObject[]> {
    return (await loadCredentials(ctx, await ctx.loaders.get(COMPONENT_IDS).load(credential.id))).sort(byName);
  }

  @ResolveField(() => [CredentialObject], { description: 'the credentials this one is a component of' })
  async stacksInto(@Parent() credential: CredentialObject, @Context() ctx: GraphqlContext): Promise<CredentialObject[]> {
    return (await loadCredentials(ctx, await ctx.loaders.get(STACKS_INTO_IDS).load(credential.id))).sort(byName);
  }
}
