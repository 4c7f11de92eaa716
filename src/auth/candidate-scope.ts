import { GraphqlContext } from '../common/graphql-context';
import { CandidateScope } from './authorization';

/**
 * The scope the authorization guard decided for a list of people. Fails closed: a list resolver
 * reached without the guard's decision shows nothing but an error.
 */
export function requireCandidateScope(ctx: GraphqlContext): CandidateScope {
  if (!ctx.candidateScope) throw new Error('no candidate scope: the authorization guard did not run for this list');
  return ctx.candidateScope;
}
