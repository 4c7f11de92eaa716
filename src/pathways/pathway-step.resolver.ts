import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { GraphqlContext } from '../common/graphql-context';
import { CredentialObject } from '../credentials/credential.object';
import { loadCredentials } from '../credentials/credential.resolver';
import { PathwayStepObject } from './pathway-step.object';
import { requireCredential } from './pathway.resolver';

@Resolver(() => PathwayStepObject)
export class PathwayStepResolver {
  @ResolveField(() => CredentialObject)
  credential(@Parent() step: PathwayStepObject, @Context() ctx: GraphqlContext): Promise<CredentialObject> {
    return requireCredential(ctx, step.credentialId);
  }

  @ResolveField(() => [CredentialObject], { description: 'stacked credentials completed by this step' })
  earnsStack(@Parent() step: PathwayStepObject, @Context() ctx: GraphqlContext): Promise<CredentialObject[]> {
    return loadCredentials(ctx, step.earnsStackIds);
  }
}
