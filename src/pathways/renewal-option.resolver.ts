import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { GraphqlContext } from '../common/graphql-context';
import { CredentialObject } from '../credentials/credential.object';
import { loadCredentials } from '../credentials/credential.resolver';
import { requireCredential } from './pathway.resolver';
import { RenewalOptionObject } from './renewal-option.object';

@Resolver(() => RenewalOptionObject)
export class RenewalOptionResolver {
  @ResolveField(() => CredentialObject)
  credential(@Parent() o: RenewalOptionObject, @Context() ctx: GraphqlContext): Promise<CredentialObject> {
    return requireCredential(ctx, o.credentialId);
  }

  @ResolveField(() => [CredentialObject], { description: 'to earn first, in step order' })
  prerequisitesMissing(@Parent() o: RenewalOptionObject, @Context() ctx: GraphqlContext): Promise<CredentialObject[]> {
    return loadCredentials(ctx, o.prerequisitesMissingIds);
  }
}
