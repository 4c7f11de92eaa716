import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { GraphqlContext } from '../common/graphql-context';
import { CredentialObject } from '../credentials/credential.object';
import { CredentialRenewalObject } from './credential-renewal.object';
import { requireCredential } from './pathway.resolver';

@Resolver(() => CredentialRenewalObject)
export class CredentialRenewalResolver {
  @ResolveField(() => CredentialObject)
  credential(@Parent() c: CredentialRenewalObject, @Context() ctx: GraphqlContext): Promise<CredentialObject> {
    return requireCredential(ctx, c.credentialId);
  }
}
