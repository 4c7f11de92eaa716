import { GraphQLError } from 'graphql';
import { ErrorCode } from '../common/errors/error-code.enum';
import { Principal } from './principal';
import { AuthenticationError } from './authentication.error';
import { TokenService } from './token.service';

/** UNAUTHENTICATED, answered with HTTP 401. */
export function unauthenticated(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.UNAUTHENTICATED, http: { status: 401, headers: new Map([['www-authenticate', 'Bearer']]) } } });
}

/**
 * Authenticates a GraphQL request while its context is built, before the query is even parsed:
 * a request without a valid bearer token gets UNAUTHENTICATED (HTTP 401) and nothing else.
 */
export async function authenticateRequest(tokens: TokenService, authorization: string | string[] | undefined): Promise<Principal> {
  try {
    return await tokens.authenticate(authorization);
  } catch (error) {
    if (error instanceof AuthenticationError) throw unauthenticated(error.message);
    throw error;
  }
}
