import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { GraphqlContext } from '../common/graphql-context';
import { AppException } from '../common/errors/app.exception';
import { CREDENTIAL_BY_ID } from '../credentials/credential.loaders';
import { CredentialObject } from '../credentials/credential.object';
import { EarnedCredentialObject } from './earned-credential.object';

@Resolver(() => EarnedCredentialObject)
export class EarnedCredentialResolver {
  @ResolveField(() => CredentialObject)
  async credential(@Parent() earned: EarnedCredentialObject, @Context() ctx: GraphqlContext): Promise<CredentialObject> {
    const credential = await ctx.loaders.get(CREDENTIAL_BY_ID).load(earned.credentialId);
    if (!credential) throw AppException.notFound('Credential', earned.credentialId);
    return earned.credentialMask && credential.learnerRecord ? { ...credential, id: earned.credentialMask(credential.id) } : credential;
  }
}
