import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { GraphqlContext } from '../common/graphql-context';
import { TrustListLoadObject } from './trust-list-load.object';
import { TrustListService } from './trust-list.service';
import { TrustedIssuerObject } from './trusted-issuer.object';

/** The ADMIN's trust list: which issuers' credentials are VERIFIED and which catalogue issuers each may map onto. */
@Resolver(() => TrustedIssuerObject)
export class TrustListResolver {
  constructor(private readonly service: TrustListService) {}

  @Query(() => [TrustedIssuerObject], { description: 'The loaded trust list, by issuer id (ADMIN only)' })
  trustedIssuers(): Promise<TrustedIssuerObject[]> {
    return this.service.list();
  }

  @Mutation(() => TrustListLoadObject, {
    description:
      'Replaces the trust list with the JSON document { "issuers": [ { "id", "name"?, "trustedFor": ["<catalogue issuer>"], "publicKeys"?: ["z6Mk…" | JWK] } ] } ' +
      '(ADMIN only; also `npm run trust:load -- <file>`). Applies to the next import; earlier imports keep their verification.',
  })
  loadTrustList(@Args('document') document: string, @Context() ctx: GraphqlContext): Promise<TrustListLoadObject> {
    return this.service.load(document, ctx.principal);
  }
}
