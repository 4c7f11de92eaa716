import { Args, Context, Float, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { canReadField } from '../auth/authorization';
import { CandidateObject } from '../candidates/candidate.object';
import { GraphqlContext } from '../common/graphql-context';
import { LoaderKey } from '../common/loaders/loader-key';
import { BiasAuditArgs } from './bias-audit.args';
import { BiasAuditService } from './bias-audit.service';
import { DemographicsInput } from './demographics.input';
import { DemographicsObject } from './demographics.object';
import { FairnessService } from './fairness.service';
import { ImpactReportObject } from './impact-report.object';

export const DEMOGRAPHICS_BY_CANDIDATE = new LoaderKey<string, DemographicsObject | null>('demographicsByCandidate');

@Resolver(() => CandidateObject)
export class FairnessResolver {
  constructor(
    private readonly service: FairnessService,
    private readonly audits: BiasAuditService,
  ) {}

  @Mutation(() => DemographicsObject, { description: 'Records (replaces) a self-declaration for bias audits: by the learner themself or an ADMIN. Never used for scoring.' })
  setDemographics(@Args('candidateId', { type: () => ID }) candidateId: string, @Args('input') input: DemographicsInput): Promise<DemographicsObject> {
    return this.service.setDemographics(candidateId, input);
  }

  @Query(() => ImpactReportObject, {
    description:
      "Bias audit of the ranking for a job now (every discoverable candidate ranked at asOf), by the method of NYC Local Law 144's rules: scoring rates above the median, impact ratios against the highest-scoring category, unknowns counted and left out, categories under minShare excluded from the ratios; the selection rate at top N beside it",
  })
  impactReport(
    @Args('jobId', { type: () => ID }) jobId: string,
    @Args('topN', { type: () => Int, nullable: true, defaultValue: 20 }) topN: number,
    @Args('asOf', { type: () => Date, nullable: true }) asOf: Date | null,
    @Args('minShare', { type: () => Float, nullable: true, defaultValue: 0.02, description: 'categories under this share of everyone scored are excluded from the impact ratios' })
    minShare: number,
  ): Promise<ImpactReportObject> {
    return this.service.impactReport(jobId, topN, asOf, minShare ?? 0.02);
  }

  @Query(() => ImpactReportObject, {
    description:
      'Bias audit over what the tool really did: the ranking audit records of a period (one job, several, or all), each person scored counted once per job with the last score shown to them (historical data); same method as impactReport',
  })
  biasAudit(@Args() args: BiasAuditArgs): Promise<ImpactReportObject> {
    return this.audits.biasAudit({ jobIds: args.jobIds ?? null, from: args.from, to: args.to, topN: args.topN ?? 20, minShare: args.minShare ?? 0.02 });
  }

  @ResolveField(() => DemographicsObject, { nullable: true, description: 'the self-declaration, visible to ADMIN and the learner themself only (null otherwise)' })
  async demographics(@Parent() candidate: CandidateObject, @Context() ctx: GraphqlContext): Promise<DemographicsObject | null> {
    if (candidate.masking || !canReadField('Candidate.demographics', ctx.principal, candidate.id)) return null;
    return ctx.loaders.get(DEMOGRAPHICS_BY_CANDIDATE).load(candidate.id);
  }
}
