import { CanActivate, ExecutionContext, Injectable, Logger } from '@nestjs/common';
import { GqlContextType, GqlExecutionContext } from '@nestjs/graphql';
import { GraphQLResolveInfo } from 'graphql';
import { GraphqlContext } from '../common/graphql-context';
import { AccessFactsRepository } from './access-facts.repository';
import { authorize } from './authorization';
import { AUTHORIZATION_TABLE } from './authorization-table';
import { unauthenticated } from './authentication';

const ROOT_TYPES = new Set(['Query', 'Mutation', 'Subscription']);

/**
 * The one place the authorization table is enforced: runs before every root Query/Mutation
 * resolver (global guard), looks up `Type.field` in the table and checks the caller's role and
 * the ownership conditions against the field's arguments. HTTP routes (/health) are not GraphQL
 * and pass through.
 */
@Injectable()
export class AuthorizationGuard implements CanActivate {
  private readonly logger = new Logger('Authorization');
  private readonly warned = new Set<string>();

  constructor(private readonly facts: AccessFactsRepository) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType<GqlContextType>() !== 'graphql') return true;
    const gql = GqlExecutionContext.create(context);
    const info = gql.getInfo<GraphQLResolveInfo>();
    if (!ROOT_TYPES.has(info.parentType.name)) return true;
    const ctx = gql.getContext<GraphqlContext>();
    if (!ctx.principal) throw unauthenticated('Missing bearer token: send Authorization: Bearer <token>');
    const operation = `${info.parentType.name}.${info.fieldName}`;
    if (!AUTHORIZATION_TABLE[operation] && !this.warned.has(operation)) {
      this.warned.add(operation);
      this.logger.warn(`${operation} is not in the authorization table: ADMIN only`);
    }
    const decision = await authorize(operation, ctx.principal, gql.getArgs<Record<string, unknown>>(), this.facts);
    if (decision.candidateScope) ctx.candidateScope = decision.candidateScope;
    return true;
  }
}
