import { AppException } from '../common/errors/app.exception';
import { isUuid } from '../common/loaders/group-by';
import { ALLOW, AUTHORIZATION_TABLE, CandidateScopeKind, Condition, FIELD_RULES, OperationRule, Subject } from './authorization-table';
import { Principal } from './principal';
import { Role } from './role.enum';

/** What the policy needs to know from the database. */
export interface AccessFacts {
  /** the candidate exists and is discoverable */
  isDiscoverable(candidateId: string): Promise<boolean>;
  /** the candidate is assigned to this advisor */
  isAssigned(advisorSub: string, candidateId: string): Promise<boolean>;
  /** undefined: no such pathway; null: a template (belongs to nobody) */
  pathwayOwner(pathwayId: string): Promise<string | null | undefined>;
  /** undefined: no such job; null: no recorded creator (ADMIN only) */
  jobCreator(jobId: string): Promise<string | null | undefined>;
  /** undefined: no such template (a learner's pathway or none); null: no recorded creator */
  templateCreator(pathwayId: string): Promise<string | null | undefined>;
}

/** The rows a list of people may show to the caller. */
export type CandidateScope =
  | { readonly kind: 'all' }
  | { readonly kind: 'discoverable' }
  | { readonly kind: 'assigned'; readonly advisorSub: string }
  | { readonly kind: 'own'; readonly candidateId: string };

export interface Decision {
  /** set for list operations with a scope condition */
  readonly candidateScope?: CandidateScope;
}

/** The value at a dotted argument path, e.g. `input.candidateId`. */
export function argAt(args: Record<string, unknown>, path: string): unknown {
  let value: unknown = args;
  for (const key of path.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

export function ruleFor(operation: string, role: Role, table: Readonly<Record<string, OperationRule>> = AUTHORIZATION_TABLE): OperationRule[Role] {
  const entry = table[operation];
  // not listed: ADMIN only (and the table test fails until it is listed)
  if (!entry) return role === Role.ADMIN ? ALLOW : undefined;
  return entry[role];
}

function forbidden(operation: string, why: string): AppException {
  return AppException.forbidden(`Forbidden: ${operation} ${why}`);
}

function toScope(kind: CandidateScopeKind, principal: Principal): CandidateScope {
  switch (kind) {
    case 'all':
      return { kind: 'all' };
    case 'discoverable':
      return { kind: 'discoverable' };
    case 'assigned':
      return { kind: 'assigned', advisorSub: principal.sub };
    case 'own':
      // a learner token always carries a candidateId; anything else sees nobody
      return { kind: 'own', candidateId: principal.candidateId ?? '00000000-0000-0000-0000-000000000000' };
  }
}

/** The candidate a subject names: a string id, null for "nobody" (template / omitted), or a refusal reason. */
async function resolveSubject(subject: Subject, args: Record<string, unknown>, facts: AccessFacts): Promise<{ candidateId: string | null } | { refused: string }> {
  if ('candidate' in subject) {
    const value = argAt(args, subject.candidate);
    if (value === undefined || value === null) return subject.optional ? { candidateId: null } : { refused: `needs ${subject.candidate}` };
    if (typeof value !== 'string') return { refused: `needs ${subject.candidate}` };
    return { candidateId: value };
  }
  const id = argAt(args, subject.pathway);
  if (typeof id !== 'string' || !isUuid(id)) return { refused: 'is only for pathways of your own learners' };
  const owner = await facts.pathwayOwner(id);
  if (owner === undefined) return { refused: 'is only for pathways of your own learners' };
  if (owner === null) return subject.templates ? { candidateId: null } : { refused: 'is not allowed on template pathways for your role' };
  return { candidateId: owner };
}

async function check(operation: string, condition: Condition, principal: Principal, args: Record<string, unknown>, facts: AccessFacts): Promise<Decision> {
  switch (condition.check) {
    case 'scope':
      return { candidateScope: toScope(condition.scope, principal) };
    case 'sub': {
      if (argAt(args, condition.arg) !== principal.sub) throw forbidden(operation, `${condition.arg} must be your own (the token's sub)`);
      return {};
    }
    case 'creator': {
      const id = argAt(args, condition.arg);
      if (typeof id !== 'string' || !isUuid(id)) return {}; // refused as input or NOT_FOUND by the operation
      const creator = condition.of === 'job' ? await facts.jobCreator(id.toLowerCase()) : await facts.templateCreator(id.toLowerCase());
      if (creator === undefined) return {};
      if (creator !== principal.sub) throw forbidden(operation, condition.of === 'job' ? 'is only for jobs you created' : 'is only for templates you created');
      return {};
    }
    case 'oneOf': {
      const value = argAt(args, condition.arg);
      if (typeof value !== 'string' || !condition.values.includes(value)) {
        throw forbidden(operation, `${condition.arg} must be one of ${condition.values.join(', ')} for ${principal.role}`);
      }
      return {};
    }
    case 'own':
    case 'assigned':
    case 'discoverable': {
      const subject = await resolveSubject(condition.subject, args, facts);
      if ('refused' in subject) {
        if (condition.check === 'discoverable') {
          const path = 'candidate' in condition.subject ? condition.subject.candidate : condition.subject.pathway;
          throw AppException.notFound('Candidate', String(argAt(args, path) ?? ''), path);
        }
        throw forbidden(operation, subject.refused);
      }
      const candidateId = subject.candidateId;
      if (candidateId === null) return {};
      if (condition.check === 'own') {
        if (!principal.candidateId || candidateId.toLowerCase() !== principal.candidateId) throw forbidden(operation, 'is only for your own candidate record');
        return {};
      }
      if (condition.check === 'assigned') {
        if (!isUuid(candidateId) || !(await facts.isAssigned(principal.sub, candidateId.toLowerCase()))) {
          throw forbidden(operation, 'is only for learners assigned to you');
        }
        return {};
      }
      if (!isUuid(candidateId) || !(await facts.isDiscoverable(candidateId.toLowerCase()))) {
        const path = 'candidate' in condition.subject ? condition.subject.candidate : condition.subject.pathway;
        throw AppException.notFound('Candidate', candidateId, path);
      }
      return {};
    }
  }
}

/**
 * Decides whether `principal` may call `operation` (`Query.x` / `Mutation.y`) with these
 * arguments, from the authorization table. Throws FORBIDDEN or NOT_FOUND (AppException); returns
 * the candidate scope for list operations.
 */
export async function authorize(
  operation: string,
  principal: Principal,
  args: Record<string, unknown>,
  facts: AccessFacts,
  table: Readonly<Record<string, OperationRule>> = AUTHORIZATION_TABLE,
): Promise<Decision> {
  const rule = ruleFor(operation, principal.role, table);
  if (rule === undefined) throw forbidden(operation, `is not allowed for ${principal.role}`);
  if (rule === ALLOW) return {};
  let decision: Decision = {};
  for (const condition of rule) decision = { ...decision, ...(await check(operation, condition, principal, args, facts)) };
  return decision;
}

/** Field-level visibility (FIELD_RULES): may this caller read `field` of this candidate's record? */
export function canReadField(field: keyof typeof FIELD_RULES, principal: Principal | undefined, candidateId: string): boolean {
  if (!principal) return false;
  const rule = FIELD_RULES[field]?.[principal.role];
  if (rule === 'allow') return true;
  if (rule === 'own') return !!principal.candidateId && principal.candidateId === candidateId.toLowerCase();
  return false;
}
