import { registerEnumType } from '@nestjs/graphql';

/** Who a bearer token speaks for (the `role` claim). */
export enum Role {
  ADMIN = 'ADMIN',
  RECRUITER = 'RECRUITER',
  ADVISOR = 'ADVISOR',
  LEARNER = 'LEARNER',
}

export const ROLES: readonly Role[] = [Role.ADMIN, Role.RECRUITER, Role.ADVISOR, Role.LEARNER];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

registerEnumType(Role, {
  name: 'Role',
  valuesMap: {
    ADMIN: { description: 'everything, including audits and the catalogue' },
    RECRUITER: { description: 'jobs, and ranking and matching discoverable candidates' },
    ADVISOR: { description: 'the learners assigned to them and their pathways' },
    LEARNER: { description: 'their own candidate record (the candidateId claim)' },
  },
});
