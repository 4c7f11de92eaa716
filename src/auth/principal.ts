import { Role } from './role.enum';

/** The verified caller of a request, from the bearer token's claims. */
export interface Principal {
  /** the token's `sub` */
  readonly sub: string;
  readonly role: Role;
  /** the learner's own candidate record (LEARNER only; null for other roles) */
  readonly candidateId: string | null;
}
