import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { GraphqlContext } from '../common/graphql-context';
import { ListArgs } from '../common/pagination/list.args';
import { CreateSkillInput } from './create-skill.input';
import { RelatedSkillObject } from './related-skill.object';
import { SkillConnection } from './skill-connection.object';
import { BROADER_IDS_BY_SKILL, NARROWER_IDS_BY_SKILL, RELATED_BY_SKILL, SKILL_BY_ID } from './skill.loaders';
import { SkillObject } from './skill.object';
import { SkillService } from './skill.service';

async function loadSkills(ctx: GraphqlContext, ids: string[]): Promise<SkillObject[]> {
  const skills = await ctx.loaders.get(SKILL_BY_ID).loadMany(ids);
  return skills.filter((s): s is SkillObject => s !== null && !(s instanceof Error)).sort((a, b) => a.name.localeCompare(b.name));
}

@Resolver(() => SkillObject)
export class SkillResolver {
  constructor(private readonly service: SkillService) {}

  @Query(() => SkillObject, { nullable: true })
  skill(@Args('id', { type: () => ID }) id: string): Promise<SkillObject | null> {
    return this.service.findById(id);
  }

  @Query(() => SkillObject, { nullable: true })
  skillByUri(@Args('uri') uri: string): Promise<SkillObject | null> {
    return this.service.findByUri(uri);
  }

  @Query(() => SkillConnection, { description: 'Skills in alphabetical order, optionally filtered by a name substring' })
  skills(@Args() args: ListArgs): Promise<SkillConnection> {
    return this.service.list(args);
  }

  @Mutation(() => SkillObject)
  createSkill(@Args('input') input: CreateSkillInput): Promise<SkillObject> {
    return this.service.create(input);
  }

  @ResolveField(() => [SkillObject])
  async broader(@Parent() skill: SkillObject, @Context() ctx: GraphqlContext): Promise<SkillObject[]> {
    return loadSkills(ctx, await ctx.loaders.get(BROADER_IDS_BY_SKILL).load(skill.id));
  }

  @ResolveField(() => [SkillObject])
  async narrower(@Parent() skill: SkillObject, @Context() ctx: GraphqlContext): Promise<SkillObject[]> {
    return loadSkills(ctx, await ctx.loaders.get(NARROWER_IDS_BY_SKILL).load(skill.id));
  }

  @ResolveField(() => [RelatedSkillObject])
  async related(@Parent() skill: SkillObject, @Context() ctx: GraphqlContext): Promise<RelatedSkillObject[]> {
    const edges = await ctx.loaders.get(RELATED_BY_SKILL).load(skill.id);
    const skills = await loadSkills(ctx, edges.map((e) => e.skillId));
    const weights = new Map(edges.map((e) => [e.skillId, e.weight]));
    return skills.map((s) => ({ skill: s, weight: weights.get(s.id) ?? 0 })).sort((a, b) => b.weight - a.weight || a.skill.name.localeCompare(b.skill.name));
  }
}
