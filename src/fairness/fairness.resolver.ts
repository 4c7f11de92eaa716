import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { canReadField } from '../auth/authorization';
import { CandidateObject } from '../candidates/candidate.object';
import { GraphqlContext } from '../common/graphql-context';
import { LoaderKey } from '../common/loaders/loader-key';
import { DemographicsInput } from './demographics.input';
import { DemographicsObject } from './demographics.object';
import { FairnessService } from './fairness.service';
import { ImpactReportObject } from './impact-report.object';

export const DEMOGRAPHICS_BY_CANDIDATE = new LoaderKey<string, DemographicsObject | null>('demographicsByCandidate');

@Resolver(() => CandidateObject)
export class FairnessResolver {
  constructor(private readonly service: FairnessService) {}

  @Mutation(() => DemographicsObject, { description: 'Records (replaces) a self-declaration for bias audits: by the learner themself or an ADMIN. Never used for scoring.' })
  setDemographics(@Args('candidateId', { type: () => ID }) candidateId: string, @Args('input') input: DemographicsInput): Promise<DemographicsObject> {
    return this.service.setDemographics(candidateId, input);
  }

  @Query(() => ImpactReportObject, {
    description:
      'Adverse-impact report of the ranking for a job: per self-declared category and intersection, selection rates (top N; above the median score) and impact ratios against the most-selected group, flagged below 0.8; groups under 5 are not judged',
  })
  impactReport(
    @Args('jobId', { type: () => ID }) jobId: string,
    @Args('topN', { type: () => Int, nullable: true, defaultValue: 20 }) topN: number,
    @Args('asOf', { type: () => Date, nullable: true }) asOf: Date | null,
  ): Promise<ImpactReportObject> {
    return this.service.impactReport(jobId, topN, asOf);
  }

  @ResolveField(() => DemographicsObject, { nullable: true, description: 'the self-declaration, visible to ADMIN and the learner themself only (null otherwise)' })
  async demographics(@Parent() candidate: CandidateObject, @Context() ctx: GraphqlContext): Promise<DemographicsObject | null> {
    if (candidate.masking || !canReadField('Candidate.demographics', ctx.principal, candidate.id)) return null;
    return ctx.loaders.get(DEMOGRAPHICS_BY_CANDIDATE).load(candidate.id);
  }
}
