import { Args, Context, Float, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CANDIDATE_BY_ID } from '../candidates/candidate.loaders';
import { CandidateObject } from '../candidates/candidate.object';
import { AppException } from '../common/errors/app.exception';
import { GraphqlContext } from '../common/graphql-context';
import { CREDENTIAL_BY_ID } from '../credentials/credential.loaders';
import { CredentialObject } from '../credentials/credential.object';
import { JOB_BY_ID } from '../jobs/job.loaders';
import { JobObject } from '../jobs/job.object';
import { CredentialRecommendationObject } from './credential-recommendation.object';
import { PathwayPlanObject } from './pathway-plan.object';
import { PathwayStepObject } from './pathway-step.object';
import { PATHWAY_VIEW, PathwayView } from './pathway.loaders';
import { PathwayObject } from './pathway.object';
import { PathwayService } from './pathway.service';
import { PlanPathwayInput } from './plan-pathway.input';
import { RecommendCredentialsArgs } from './recommend-credentials.args';
import { SavePathwayInput } from './save-pathway.input';
import { UpdatePathwayInput } from './update-pathway.input';

export async function requireCredential(ctx: GraphqlContext, id: string): Promise<CredentialObject> {
  const credential = await ctx.loaders.get(CREDENTIAL_BY_ID).load(id);
  if (!credential) throw AppException.notFound('Credential', id);
  return credential;
}

@Resolver(() => PathwayObject)
export class PathwayResolver {
  constructor(private readonly service: PathwayService) {}

  @Query(() => [CredentialRecommendationObject], {
    description:
      'Credentials the candidate does not hold, each scored as if earned now with its missing prerequisites (and, for a stack, the cheapest components completing it); ranked by score gain per hour (per cost unit when only maxCost is given), ties: larger gain, fewer hours, id. first: 1..50; maxHours/maxCost (>= 0) filter on the bundle totals. Zero gains are left out.',
  })
  recommendCredentials(@Args() args: RecommendCredentialsArgs): Promise<CredentialRecommendationObject[]> {
    return this.service.recommend(args);
  }

  @Query(() => PathwayPlanObject, {
    description:
      'The cheapest set of credentials (hours or cost) that lifts the candidate to targetScore within the budgets, proven optimal by a MIP solver within a time limit (greedy fallback); when the target cannot be reached, the plan with the highest reachable score',
  })
  planPathway(@Args('input') input: PlanPathwayInput): Promise<PathwayPlanObject> {
    return this.service.plan(input);
  }

  @Query(() => PathwayObject, { nullable: true })
  pathway(@Args('id', { type: () => ID }) id: string): Promise<PathwayObject | null> {
    return this.service.findById(id);
  }

  @Query(() => [PathwayObject], { description: "The candidate's saved pathways, oldest first" })
  pathways(@Args('candidateId', { type: () => ID }) candidateId: string): Promise<PathwayObject[]> {
    return this.service.listByCandidate(candidateId);
  }

  @Mutation(() => PathwayObject, {
    description: 'Saves an ordered list of credentials; refused (BAD_USER_INPUT) when a credential comes before a prerequisite the candidate does not hold',
  })
  savePathway(@Args('input') input: SavePathwayInput, @Context() ctx: GraphqlContext): Promise<PathwayObject> {
    return this.service.save(input, ctx.principal.sub);
  }

  @Mutation(() => PathwayObject)
  updatePathway(@Args('input') input: UpdatePathwayInput): Promise<PathwayObject> {
    return this.service.update(input);
  }

  @Mutation(() => ID, { description: 'Deletes a saved pathway and its steps; returns the id' })
  deletePathway(@Args('id', { type: () => ID }) id: string): Promise<string> {
    return this.service.delete(id);
  }

  @ResolveField(() => CandidateObject, { nullable: true })
  async candidate(@Parent() p: PathwayObject, @Context() ctx: GraphqlContext): Promise<CandidateObject | null> {
    return p.candidateId ? ctx.loaders.get(CANDIDATE_BY_ID).load(p.candidateId) : null;
  }

  @ResolveField(() => JobObject, { nullable: true })
  async job(@Parent() p: PathwayObject, @Context() ctx: GraphqlContext): Promise<JobObject | null> {
    return p.jobId ? ctx.loaders.get(JOB_BY_ID).load(p.jobId) : null;
  }

  @ResolveField(() => [PathwayStepObject], { description: "in the saved order, scored against the job with the candidate's evidence now" })
  async steps(@Parent() p: PathwayObject, @Context() ctx: GraphqlContext): Promise<PathwayStepObject[]> {
    return (await view(ctx, p)).steps;
  }

  @ResolveField(() => Float, {
    description:
      "share of the steps' hours the candidate already holds (earned, not failed, revoked or expired); when the steps have no hours, the share of steps held; 0 without a candidate",
  })
  async progress(@Parent() p: PathwayObject, @Context() ctx: GraphqlContext): Promise<number> {
    return (await view(ctx, p)).progress;
  }

  @ResolveField(() => String, { description: 'the pathway as a Mermaid flowchart' })
  async mermaid(@Parent() p: PathwayObject, @Context() ctx: GraphqlContext): Promise<string> {
    return (await view(ctx, p)).mermaid;
  }

  @ResolveField(() => Float, { description: "the candidate's score for the job now; 0 without a job" })
  async startScore(@Parent() p: PathwayObject, @Context() ctx: GraphqlContext): Promise<number> {
    return (await view(ctx, p)).startScore;
  }

  @ResolveField(() => Float, { description: 'score after the last step; 0 without a job' })
  async projectedScore(@Parent() p: PathwayObject, @Context() ctx: GraphqlContext): Promise<number> {
    return (await view(ctx, p)).projectedScore;
  }

  @ResolveField(() => Float)
  async totalHours(@Parent() p: PathwayObject, @Context() ctx: GraphqlContext): Promise<number> {
    return (await view(ctx, p)).totalHours;
  }

  @ResolveField(() => Float)
  async totalCost(@Parent() p: PathwayObject, @Context() ctx: GraphqlContext): Promise<number> {
    return (await view(ctx, p)).totalCost;
  }
}

function view(ctx: GraphqlContext, p: PathwayObject): Promise<PathwayView> {
  return ctx.loaders.get(PATHWAY_VIEW).load(p);
}
