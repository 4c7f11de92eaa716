import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { GraphqlContext } from '../common/graphql-context';
import { ListArgs } from '../common/pagination/list.args';
import { JobObject } from '../jobs/job.object';
import { SKILL_BY_ID } from '../skills/skill.loaders';
import { SkillObject } from '../skills/skill.object';
import { OccupationConnection } from './occupation-connection.object';
import { OCCUPATION_SKILLS } from './occupation.loaders';
import { OccupationObject } from './occupation.object';
import { OccupationService } from './occupation.service';

async function skillsOf(ctx: GraphqlContext, occupationId: string, essential: boolean): Promise<SkillObject[]> {
  const rows = (await ctx.loaders.get(OCCUPATION_SKILLS).load(occupationId)).filter((r) => r.essential === essential);
  const skills = await ctx.loaders.get(SKILL_BY_ID).loadMany(rows.map((r) => r.skillId));
  return skills.filter((s): s is SkillObject => !!s && !(s instanceof Error)).sort((a, b) => a.name.localeCompare(b.name));
}

@Resolver(() => OccupationObject)
export class OccupationResolver {
  constructor(private readonly service: OccupationService) {}

  @Query(() => OccupationObject, { nullable: true })
  occupation(@Args('id', { type: () => ID }) id: string): Promise<OccupationObject | null> {
    return this.service.findById(id);
  }

  @Query(() => OccupationConnection)
  occupations(@Args() args: ListArgs): Promise<OccupationConnection> {
    return this.service.list(args);
  }

  @Mutation(() => JobObject, { description: 'essential skills at level 3, optional ones at a lower weight' })
  createJobFromOccupation(
    @Args('occupationId', { type: () => ID }) occupationId: string,
    @Args('title', { type: () => String, nullable: true }) title: string | null | undefined,
    @Context() ctx: GraphqlContext,
  ): Promise<JobObject> {
    return this.service.createJob(occupationId, title, ctx.principal.sub);
  }

  @ResolveField(() => [SkillObject])
  essentialSkills(@Parent() occupation: OccupationObject, @Context() ctx: GraphqlContext): Promise<SkillObject[]> {
    return skillsOf(ctx, occupation.id, true);
  }

  @ResolveField(() => [SkillObject])
  optionalSkills(@Parent() occupation: OccupationObject, @Context() ctx: GraphqlContext): Promise<SkillObject[]> {
    return skillsOf(ctx, occupation.id, false);
  }
}
