import { Args, Context, ID, Mutation, Resolver } from '@nestjs/graphql';
import { GraphqlContext } from '../common/graphql-context';
import { AdvisorAssignmentObject } from './advisor-assignment.object';
import { AdvisorAssignmentService } from './advisor-assignment.service';

@Resolver(() => AdvisorAssignmentObject)
export class AdvisorAssignmentResolver {
  constructor(private readonly service: AdvisorAssignmentService) {}

  @Mutation(() => AdvisorAssignmentObject, { description: 'Lets an advisor (token sub) work with a learner: by an ADMIN or the learner themself' })
  assignAdvisor(
    @Args('candidateId', { type: () => ID }) candidateId: string,
    @Args('advisorSub') advisorSub: string,
    @Context() ctx: GraphqlContext,
  ): Promise<AdvisorAssignmentObject> {
    return this.service.assign(candidateId, advisorSub, ctx.principal);
  }

  @Mutation(() => Boolean, { description: 'Ends an assignment (ADMIN, the learner, or the advisor themself); false when there was none' })
  unassignAdvisor(@Args('candidateId', { type: () => ID }) candidateId: string, @Args('advisorSub') advisorSub: string): Promise<boolean> {
    return this.service.unassign(candidateId, advisorSub);
  }
}
