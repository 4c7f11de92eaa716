import { Args, Context, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CANDIDATE_BY_ID } from '../candidates/candidate.loaders';
import { CandidateObject } from '../candidates/candidate.object';
import { AppException } from '../common/errors/app.exception';
import { GraphqlContext } from '../common/graphql-context';
import { PathwayService } from './pathway.service';
import { RenewalsArgs } from './renewals.args';
import { RenewalsObject } from './renewals.object';

@Resolver(() => RenewalsObject)
export class RenewalsResolver {
  constructor(private readonly service: PathwayService) {}

  @Query(() => RenewalsObject, {
    description:
      "What lapses within horizonMonths (1..120) of asOf (default: the start of the current UTC day): skills whose strongest evidence is useful now (strength >= 2) but not at the horizon's end (decay, or its credential expires), skills that lapsed within the last horizonMonths (useful then, below now), and held credentials that expire; each with the least-cost credential that renews it",
  })
  renewals(@Args() args: RenewalsArgs): Promise<RenewalsObject> {
    return this.service.renewals(args);
  }

  @ResolveField(() => CandidateObject)
  async candidate(@Parent() r: RenewalsObject, @Context() ctx: GraphqlContext): Promise<CandidateObject> {
    const candidate = await ctx.loaders.get(CANDIDATE_BY_ID).load(r.candidateId);
    if (!candidate) throw AppException.notFound('Candidate', r.candidateId);
    return candidate;
  }
}
