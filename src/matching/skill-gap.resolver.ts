import { Args, Context, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CandidateObject } from '../candidates/candidate.object';
import { GraphqlContext } from '../common/graphql-context';
import { MatchCandidateArgs } from './match-candidate.args';
import { loadCandidate } from './matching.resolver';
import { MatchingService } from './matching.service';
import { SkillGapObject } from './skill-gap.object';

@Resolver(() => SkillGapObject)
export class SkillGapResolver {
  constructor(private readonly service: MatchingService) {}

  @Query(() => SkillGapObject)
  skillGap(@Args() args: MatchCandidateArgs): Promise<SkillGapObject> {
    return this.service.gap(args);
  }

  @ResolveField(() => CandidateObject)
  candidate(@Parent() gap: SkillGapObject, @Context() ctx: GraphqlContext): Promise<CandidateObject> {
    return loadCandidate(ctx, gap.candidateId);
  }
}
