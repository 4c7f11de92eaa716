import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { GraphqlContext } from '../common/graphql-context';
import { IssuerKeyConnection } from './issuer-key-connection.object';
import { IssuerKeyObject } from './issuer-key.object';
import { IssuerKeyService } from './issuer-key.service';
import { IssuerKeysArgs } from './issuer-keys.args';
import { RegisterIssuerKeyInput } from './register-issuer-key.input';

/** The trust store of badge verification: issuer keys that cannot be resolved offline (ADMIN only). */
@Resolver(() => IssuerKeyObject)
export class IssuerKeyResolver {
  constructor(private readonly service: IssuerKeyService) {}

  @Query(() => IssuerKeyConnection, { description: 'Issuer keys trusted for badge verification, by key id' })
  issuerKeys(@Args() args: IssuerKeysArgs): Promise<IssuerKeyConnection> {
    return this.service.list(args);
  }

  @Mutation(() => IssuerKeyObject, {
    description:
      'Trusts a public key for a did:web (or other DID) or https issuer key id, so that importBadge can verify its credentials. ' +
      'The same key again changes nothing; another key under the same key id replaces it (registration REPLACED). ' +
      'Credentials imported before keep the verification they had.',
  })
  registerIssuerKey(@Args('input') input: RegisterIssuerKeyInput, @Context() ctx: GraphqlContext): Promise<IssuerKeyObject> {
    return this.service.register(input, ctx.principal);
  }

  @Mutation(() => Boolean, { description: 'Stops trusting the key registered under a key id; false when there was none' })
  removeIssuerKey(@Args('keyId') keyId: string): Promise<boolean> {
    return this.service.remove(keyId);
  }
}
