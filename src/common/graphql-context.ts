import type { Request } from 'express';
import type { CandidateScope } from '../auth/authorization';
import type { Principal } from '../auth/principal';
import { RequestLoaders } from './loaders/request-loaders';

export interface GraphqlContext {
  req: Request;
  loaders: RequestLoaders;
  /** the verified caller (every GraphQL request carries a valid bearer token) */
  principal: Principal;
  /** set by the authorization guard for list operations over people (see src/auth/authorization-table.ts) */
  candidateScope?: CandidateScope;
}
