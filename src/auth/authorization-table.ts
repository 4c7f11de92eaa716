import { Role } from './role.enum';

/**
 * THE authorization table: every root operation of the API (`Query.x`, `Mutation.y`) × role.
 * Enforced in one place (AuthorizationGuard, which runs before every root resolver) and tested
 * from this same table (test/auth-table.e2e-spec.ts iterates it for every operation and role, and
 * checks that every root field of the served schema is listed here).
 *
 * A role missing from an operation's entry is refused (FORBIDDEN). A role's rule is either
 * ALLOW, or a list of conditions that must all hold:
 *
 *  own(arg)            LEARNER: the candidate named by the argument is the token's candidateId
 *  assigned(arg)       ADVISOR: that candidate is assigned to the token's sub (advisor_assignment)
 *  discoverable(arg)   RECRUITER: that candidate exists and is discoverable; otherwise NOT_FOUND
 *                      (a recruiter cannot tell a hidden candidate from a missing one)
 *  … with pathway(arg): the candidate a saved pathway belongs to; `templates: true` also admits
 *                      a pathway that belongs to nobody (a template)
 *  … with { optional: true }: an omitted/null candidate argument passes (e.g. a template pathway)
 *  createdJob(arg)     the job named by the argument was created by the token's sub (a missing
 *                      job passes, to be NOT_FOUND)
 *  createdTemplate(arg) if the pathway named by the argument is a template, it was created by
 *                      the token's sub (a learner's pathway passes: other conditions judge it)
 *  sub(arg)            the argument equals the token's sub
 *  oneOf(arg, values)  the argument is one of the values (e.g. the evidence sources a learner may claim)
 *  scope(kind)         a list operation: allowed, and the rows are filtered to the role's scope
 *                      (discoverable candidates, assigned learners, oneself) by the data layer
 *
 * Other refusals are FORBIDDEN. An operation that is served but not listed here is refused to
 * every role but ADMIN (and the table test fails), so nothing new is left unguarded.
 *
 * Field-level rules (nested data) are in FIELD_RULES below.
 */

/** Where a condition finds the candidate it is about. */
export type Subject =
  /** a candidate id argument, e.g. `candidateId` or `input.candidateId` */
  | { readonly candidate: string; readonly optional?: boolean }
  /** the candidate a saved pathway (id argument) belongs to */
  | { readonly pathway: string; readonly templates?: boolean };

export type CandidateScopeKind = 'all' | 'discoverable' | 'assigned' | 'own';

export type Condition =
  | { readonly check: 'own' | 'assigned' | 'discoverable'; readonly subject: Subject }
  | { readonly check: 'sub'; readonly arg: string }
  | { readonly check: 'creator'; readonly of: 'job' | 'template'; readonly arg: string }
  | { readonly check: 'oneOf'; readonly arg: string; readonly values: readonly string[] }
  | { readonly check: 'scope'; readonly scope: CandidateScopeKind };

export const ALLOW = 'allow' as const;
export type RoleRule = typeof ALLOW | readonly Condition[];
export type OperationRule = Readonly<Partial<Record<Role, RoleRule>>>;

type SubjectOptions = { optional?: boolean };
const candidate = (arg: string, o: SubjectOptions = {}): Subject => ({ candidate: arg, ...o });

export const own = (arg: string, o?: SubjectOptions): Condition => ({ check: 'own', subject: candidate(arg, o) });
export const assigned = (arg: string, o?: SubjectOptions): Condition => ({ check: 'assigned', subject: candidate(arg, o) });
export const discoverable = (arg: string): Condition => ({ check: 'discoverable', subject: candidate(arg) });
export const ownPathway = (arg: string, templates = false): Condition => ({ check: 'own', subject: { pathway: arg, templates } });
export const assignedPathway = (arg: string, templates = false): Condition => ({ check: 'assigned', subject: { pathway: arg, templates } });
export const sub = (arg: string): Condition => ({ check: 'sub', arg });
export const createdJob = (arg: string): Condition => ({ check: 'creator', of: 'job', arg });
export const createdTemplate = (arg: string): Condition => ({ check: 'creator', of: 'template', arg });
export const oneOf = (arg: string, values: readonly string[]): Condition => ({ check: 'oneOf', arg, values });
export const scope = (kind: CandidateScopeKind): Condition => ({ check: 'scope', scope: kind });

const EVERYONE: OperationRule = { ADMIN: ALLOW, RECRUITER: ALLOW, ADVISOR: ALLOW, LEARNER: ALLOW };
const ADMIN_ONLY: OperationRule = { ADMIN: ALLOW };
const JOB_MANAGERS: OperationRule = { ADMIN: ALLOW, RECRUITER: ALLOW };

/** A candidate's own data: ADMIN, the learner, their advisors, and recruiters for discoverable candidates. */
const personRead = (arg: string): OperationRule => ({ ADMIN: ALLOW, RECRUITER: [discoverable(arg)], ADVISOR: [assigned(arg)], LEARNER: [own(arg)] });
/** Gaps, recommendations and pathways: ADMIN, the learner and their advisors. */
const learning = (arg: string): OperationRule => ({ ADMIN: ALLOW, ADVISOR: [assigned(arg)], LEARNER: [own(arg)] });

/** Evidence sources a learner may record about themself (assessments and credentials come from others). */
export const LEARNER_EVIDENCE_SOURCES = ['SELF_REPORTED', 'EXPERIENCE'] as const;

export const AUTHORIZATION_TABLE: Readonly<Record<string, OperationRule>> = {
  // ------------------------------------------------ catalogue and jobs: reads for every role
  'Query.skill': EVERYONE,
  'Query.skillByUri': EVERYONE,
  'Query.skills': EVERYONE,
  'Query.searchSkills': EVERYONE,
  'Query.extractSkills': EVERYONE,
  'Query.resolveSkills': EVERYONE,
  'Query.skillNeighborhood': EVERYONE,
  'Query.credential': EVERYONE,
  'Query.credentials': EVERYONE,
  'Query.occupation': EVERYONE,
  'Query.occupations': EVERYONE,
  'Query.job': EVERYONE,
  'Query.jobs': EVERYONE,
  // ------------------------------------------------ catalogue writes: ADMIN
  'Mutation.createSkill': ADMIN_ONLY,
  'Mutation.createCredential': ADMIN_ONLY,
  'Mutation.updateCredential': ADMIN_ONLY,
  'Mutation.deleteCredential': ADMIN_ONLY,
  'Mutation.importCtdl': ADMIN_ONLY,
  'Query.exportCtdl': EVERYONE,
  // ------------------------------------------------ jobs: ADMIN and recruiters; a job is changed by its creator or an ADMIN
  'Mutation.createJob': JOB_MANAGERS,
  'Mutation.updateJob': { ADMIN: ALLOW, RECRUITER: [createdJob('input.id')] },
  'Mutation.deleteJob': { ADMIN: ALLOW, RECRUITER: [createdJob('id')] },
  'Mutation.createJobFromOccupation': JOB_MANAGERS,
  'Mutation.createJobFromText': JOB_MANAGERS,
  // ------------------------------------------------ people
  'Query.candidate': personRead('id'),
  'Query.candidates': { ADMIN: [scope('all')], RECRUITER: [scope('discoverable')], ADVISOR: [scope('assigned')], LEARNER: [scope('own')] },
  'Mutation.createCandidate': ADMIN_ONLY,
  'Mutation.updateCandidate': { ADMIN: ALLOW, LEARNER: [own('input.id')] },
  'Mutation.deleteCandidate': { ADMIN: ALLOW, LEARNER: [own('id')] },
  'Mutation.awardCredential': ADMIN_ONLY,
  'Mutation.addSkillEvidence': { ADMIN: ALLOW, LEARNER: [own('input.candidateId'), oneOf('input.source', LEARNER_EVIDENCE_SOURCES)] },
  'Mutation.importBadge': { ADMIN: ALLOW, LEARNER: [own('input.candidateId')] },
  'Mutation.importBadges': { ADMIN: ALLOW, LEARNER: [own('input.candidateId')] },
  'Mutation.registerIssuerKey': ADMIN_ONLY,
  'Mutation.removeIssuerKey': ADMIN_ONLY,
  'Query.issuerKeys': ADMIN_ONLY,
  'Mutation.loadTrustList': ADMIN_ONLY,
  'Query.trustedIssuers': ADMIN_ONLY,
  'Mutation.assignAdvisor': { ADMIN: ALLOW, LEARNER: [own('candidateId')] },
  'Mutation.unassignAdvisor': { ADMIN: ALLOW, LEARNER: [own('candidateId')], ADVISOR: [sub('advisorSub')] },
  'Mutation.setDemographics': { ADMIN: ALLOW, LEARNER: [own('candidateId')] },
  // ------------------------------------------------ matching (every rankCandidates/matchCandidate call is audited)
  'Query.rankCandidates': JOB_MANAGERS,
  'Query.matchCandidate': personRead('candidateId'),
  'Query.skillGap': personRead('candidateId'),
  // the handle is checked by the operation: a masked ranking of the caller's own (any, for ADMIN), a discoverable candidate
  'Mutation.unmaskCandidate': JOB_MANAGERS,
  // ------------------------------------------------ learning: recommendations and pathways
  'Query.recommendCredentials': learning('candidateId'),
  'Query.planPathway': learning('input.candidateId'),
  'Query.renewals': learning('candidateId'),
  'Query.pathways': learning('candidateId'),
  'Query.pathway': { ADMIN: ALLOW, ADVISOR: [assignedPathway('id', true)], LEARNER: [ownPathway('id', true)] },
  'Mutation.savePathway': { ADMIN: ALLOW, ADVISOR: [assigned('input.candidateId', { optional: true })], LEARNER: [own('input.candidateId')] },
  // templates (pathways of nobody) are changed by the advisor who saved them or an ADMIN
  'Mutation.updatePathway': { ADMIN: ALLOW, ADVISOR: [assignedPathway('input.id', true), createdTemplate('input.id')], LEARNER: [ownPathway('input.id')] },
  'Mutation.deletePathway': { ADMIN: ALLOW, ADVISOR: [assignedPathway('id', true), createdTemplate('id')], LEARNER: [ownPathway('id')] },
  // ------------------------------------------------ audits and fairness: ADMIN
  'Query.rankingAudit': ADMIN_ONLY,
  'Query.replayRanking': ADMIN_ONLY,
  'Query.verifyAuditChain': ADMIN_ONLY,
  'Query.impactReport': ADMIN_ONLY,
  'Query.biasAudit': ADMIN_ONLY,
};

/**
 * Fields of nested objects that only some callers may read; others get null. (Nested candidates
 * are otherwise reachable only through root operations that already checked the candidate.)
 */
export const FIELD_RULES: Readonly<Record<string, Readonly<Partial<Record<Role, 'allow' | 'own'>>>>> = {
  'Candidate.email': { ADMIN: 'allow', LEARNER: 'own' },
  'Candidate.demographics': { ADMIN: 'allow', LEARNER: 'own' },
};
