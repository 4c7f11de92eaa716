import { AppException } from '../common/errors/app.exception';
import { AccessFacts, authorize, canReadField } from './authorization';
import { ALLOW, AUTHORIZATION_TABLE, LEARNER_EVIDENCE_SOURCES, RoleRule } from './authorization-table';
import { Principal } from './principal';
import { Role, ROLES } from './role.enum';

const OWN = '11111111-1111-4111-8111-111111111111';
const ASSIGNED = '22222222-2222-4222-8222-222222222222';
const HIDDEN = '33333333-3333-4333-8333-333333333333';
const VISIBLE = '44444444-4444-4444-8444-444444444444';
const OWN_PATHWAY = 'aaaaaaaa-1111-4111-8111-111111111111';
const ASSIGNED_PATHWAY = 'aaaaaaaa-2222-4222-8222-222222222222';
const TEMPLATE = 'aaaaaaaa-0000-4000-8000-000000000000';
const OTHERS_TEMPLATE = 'aaaaaaaa-0000-4000-8000-000000000001';
const ADMIN_TEMPLATE = 'aaaaaaaa-0000-4000-8000-000000000002';
const MY_JOB = 'bbbbbbbb-0000-4000-8000-000000000000';
const OTHERS_JOB = 'bbbbbbbb-0000-4000-8000-000000000001';
const SEEDED_JOB = 'bbbbbbbb-0000-4000-8000-000000000002';

const facts: AccessFacts = {
  isDiscoverable: async (id) => id !== HIDDEN,
  isAssigned: async (sub, id) => sub === 'adv' && id === ASSIGNED,
  pathwayOwner: async (id) => ({ [OWN_PATHWAY]: OWN, [ASSIGNED_PATHWAY]: ASSIGNED, [TEMPLATE]: null, [OTHERS_TEMPLATE]: null, [ADMIN_TEMPLATE]: null })[id],
  jobCreator: async (id) => ({ [MY_JOB]: 'rec', [OTHERS_JOB]: 'another-recruiter', [SEEDED_JOB]: null })[id],
  templateCreator: async (id) => ({ [TEMPLATE]: 'adv', [OTHERS_TEMPLATE]: 'another-advisor', [ADMIN_TEMPLATE]: 'root' })[id],
};

const P: Record<Role, Principal> = {
  ADMIN: { sub: 'root', role: Role.ADMIN, candidateId: null },
  RECRUITER: { sub: 'rec', role: Role.RECRUITER, candidateId: null },
  ADVISOR: { sub: 'adv', role: Role.ADVISOR, candidateId: null },
  LEARNER: { sub: 'me', role: Role.LEARNER, candidateId: OWN },
};

async function outcome(operation: string, role: Role, args: Record<string, unknown>): Promise<string> {
  try {
    const decision = await authorize(operation, P[role], args, facts);
    return decision.candidateScope ? `scope:${decision.candidateScope.kind}` : 'allowed';
  } catch (error) {
    return error instanceof AppException ? error.code : String(error);
  }
}

describe('the authorization table: the rules of the product', () => {
  const ops = Object.keys(AUTHORIZATION_TABLE);
  const allowedFor = (role: Role) => ops.filter((op) => AUTHORIZATION_TABLE[op][role] === ALLOW).sort();
  const catalogueReads = [
    'Query.credential',
    'Query.credentials',
    'Query.exportCtdl',
    'Query.extractSkills',
    'Query.job',
    'Query.jobs',
    'Query.occupation',
    'Query.occupations',
    'Query.resolveSkills',
    'Query.searchSkills',
    'Query.skill',
    'Query.skillByUri',
    'Query.skillNeighborhood',
    'Query.skills',
  ];

  it('gives ADMIN every operation without conditions (lists: every row)', () => {
    for (const op of ops) {
      const rule = AUTHORIZATION_TABLE[op].ADMIN as RoleRule;
      expect({ op, rule: rule === ALLOW ? ALLOW : rule.map((c) => (c.check === 'scope' ? `scope:${c.scope}` : c.check)) }).toEqual({
        op,
        rule: op === 'Query.candidates' ? ['scope:all'] : ALLOW,
      });
    }
  });

  it('gives learners and advisors only the catalogue unconditionally', () => {
    expect(allowedFor(Role.LEARNER)).toEqual(catalogueReads);
    expect(allowedFor(Role.ADVISOR)).toEqual(catalogueReads);
  });

  it('gives recruiters the catalogue, job management and ranking unconditionally, nothing about people', () => {
    expect(allowedFor(Role.RECRUITER)).toEqual(
      [
        ...catalogueReads,
        'Mutation.createJob',
        'Mutation.createJobFromOccupation',
        'Mutation.createJobFromText',
        'Mutation.unmaskCandidate',
        'Query.rankCandidates',
      ].sort(),
    );
  });

  it.each([
    ['Mutation.createSkill'],
    ['Mutation.createCredential'],
    ['Mutation.updateCredential'],
    ['Mutation.deleteCredential'],
    ['Mutation.importCtdl'],
    ['Mutation.createCandidate'],
    ['Mutation.awardCredential'],
    ['Query.rankingAudit'],
    ['Query.replayRanking'],
    ['Query.impactReport'],
    ['Query.biasAudit'],
  ])('keeps %s for ADMIN only', (op) => {
    expect(Object.keys(AUTHORIZATION_TABLE[op])).toEqual(['ADMIN']);
  });

  it('never lets a recruiter see a person through pathways, demographics or advisor assignments', () => {
    for (const op of ['Query.recommendCredentials', 'Query.planPathway', 'Query.pathway', 'Query.pathways', 'Query.renewals', 'Mutation.setDemographics', 'Mutation.assignAdvisor']) {
      expect({ op, recruiter: AUTHORIZATION_TABLE[op].RECRUITER }).toEqual({ op, recruiter: undefined });
    }
  });
});

describe('authorize', () => {
  it.each<[string, Role, Record<string, unknown>, string]>([
    ['Query.candidate', Role.ADMIN, { id: HIDDEN }, 'allowed'],
    ['Query.candidate', Role.LEARNER, { id: OWN }, 'allowed'],
    ['Query.candidate', Role.LEARNER, { id: OWN.toUpperCase() }, 'allowed'],
    ['Query.candidate', Role.LEARNER, { id: VISIBLE }, 'FORBIDDEN'],
    ['Query.candidate', Role.LEARNER, { id: 'not-a-uuid' }, 'FORBIDDEN'],
    ['Query.candidate', Role.ADVISOR, { id: ASSIGNED }, 'allowed'],
    ['Query.candidate', Role.ADVISOR, { id: VISIBLE }, 'FORBIDDEN'],
    ['Query.candidate', Role.RECRUITER, { id: VISIBLE }, 'allowed'],
    ['Query.candidate', Role.RECRUITER, { id: HIDDEN }, 'NOT_FOUND'],
    ['Query.candidate', Role.RECRUITER, { id: 'junk' }, 'NOT_FOUND'],
    ['Query.candidates', Role.ADMIN, {}, 'scope:all'],
    ['Query.candidates', Role.RECRUITER, {}, 'scope:discoverable'],
    ['Query.candidates', Role.ADVISOR, {}, 'scope:assigned'],
    ['Query.candidates', Role.LEARNER, {}, 'scope:own'],
    ['Mutation.addSkillEvidence', Role.LEARNER, { input: { candidateId: OWN, source: 'SELF_REPORTED' } }, 'allowed'],
    ['Mutation.addSkillEvidence', Role.LEARNER, { input: { candidateId: OWN, source: 'ASSESSMENT' } }, 'FORBIDDEN'],
    ['Mutation.addSkillEvidence', Role.LEARNER, { input: { candidateId: VISIBLE, source: 'EXPERIENCE' } }, 'FORBIDDEN'],
    ['Mutation.addSkillEvidence', Role.ADVISOR, { input: { candidateId: ASSIGNED, source: 'EXPERIENCE' } }, 'FORBIDDEN'],
    ['Mutation.deleteCandidate', Role.LEARNER, { id: OWN }, 'allowed'],
    ['Mutation.deleteCandidate', Role.LEARNER, { id: VISIBLE }, 'FORBIDDEN'],
    ['Mutation.unassignAdvisor', Role.ADVISOR, { candidateId: VISIBLE, advisorSub: 'adv' }, 'allowed'],
    ['Mutation.unassignAdvisor', Role.ADVISOR, { candidateId: ASSIGNED, advisorSub: 'other' }, 'FORBIDDEN'],
    ['Query.pathway', Role.LEARNER, { id: OWN_PATHWAY }, 'allowed'],
    ['Query.pathway', Role.LEARNER, { id: TEMPLATE }, 'allowed'],
    ['Query.pathway', Role.LEARNER, { id: ASSIGNED_PATHWAY }, 'FORBIDDEN'],
    ['Query.pathway', Role.LEARNER, { id: 'aaaaaaaa-9999-4999-8999-999999999999' }, 'FORBIDDEN'],
    ['Mutation.updatePathway', Role.LEARNER, { input: { id: TEMPLATE } }, 'FORBIDDEN'],
    ['Mutation.updatePathway', Role.ADVISOR, { input: { id: TEMPLATE } }, 'allowed'],
    ['Mutation.updatePathway', Role.ADVISOR, { input: { id: OTHERS_TEMPLATE } }, 'FORBIDDEN'],
    ['Mutation.updatePathway', Role.ADVISOR, { input: { id: ADMIN_TEMPLATE } }, 'FORBIDDEN'],
    ['Mutation.updatePathway', Role.ADMIN, { input: { id: OTHERS_TEMPLATE } }, 'allowed'],
    ['Mutation.deletePathway', Role.ADVISOR, { id: OTHERS_TEMPLATE }, 'FORBIDDEN'],
    ['Mutation.deletePathway', Role.ADVISOR, { id: TEMPLATE }, 'allowed'],
    ['Mutation.updatePathway', Role.ADVISOR, { input: { id: ASSIGNED_PATHWAY } }, 'allowed'],
    ['Mutation.updateJob', Role.RECRUITER, { input: { id: MY_JOB } }, 'allowed'],
    ['Mutation.updateJob', Role.RECRUITER, { input: { id: MY_JOB.toUpperCase() } }, 'allowed'],
    ['Mutation.updateJob', Role.RECRUITER, { input: { id: OTHERS_JOB } }, 'FORBIDDEN'],
    ['Mutation.updateJob', Role.RECRUITER, { input: { id: SEEDED_JOB } }, 'FORBIDDEN'],
    ['Mutation.updateJob', Role.RECRUITER, { input: { id: 'bbbbbbbb-9999-4999-8999-999999999999' } }, 'allowed'], // NOT_FOUND from the operation
    ['Mutation.updateJob', Role.ADMIN, { input: { id: OTHERS_JOB } }, 'allowed'],
    ['Mutation.deleteJob', Role.RECRUITER, { id: MY_JOB }, 'allowed'],
    ['Mutation.deleteJob', Role.RECRUITER, { id: OTHERS_JOB }, 'FORBIDDEN'],
    ['Mutation.deleteJob', Role.ADVISOR, { id: MY_JOB }, 'FORBIDDEN'],
    ['Mutation.deletePathway', Role.ADVISOR, { id: ASSIGNED_PATHWAY }, 'allowed'],
    ['Mutation.deletePathway', Role.ADVISOR, { id: OWN_PATHWAY }, 'FORBIDDEN'],
    ['Mutation.savePathway', Role.ADVISOR, { input: { name: 'template' } }, 'allowed'],
    ['Mutation.savePathway', Role.LEARNER, { input: { name: 'template' } }, 'FORBIDDEN'],
    // the handle is judged by the operation (the caller's own masked ranking, a discoverable candidate)
    ['Mutation.unmaskCandidate', Role.RECRUITER, { handle: 'opaque' }, 'allowed'],
    ['Mutation.unmaskCandidate', Role.ADVISOR, { handle: 'opaque' }, 'FORBIDDEN'],
    ['Query.rankCandidates', Role.LEARNER, { jobId: VISIBLE }, 'FORBIDDEN'],
    ['Query.someday', Role.ADMIN, {}, 'allowed'],
    ['Query.someday', Role.RECRUITER, {}, 'FORBIDDEN'],
  ])('%s by %s with %j: %s', async (op, role, args, expected) => {
    expect(await outcome(op, role, args)).toBe(expected);
  });

  it('shows e-mail and demographics to ADMIN and the learner themself only', () => {
    for (const field of ['Candidate.email', 'Candidate.demographics'] as const) {
      expect(ROLES.map((r) => [r, canReadField(field, P[r], OWN), canReadField(field, P[r], VISIBLE)])).toEqual([
        [Role.ADMIN, true, true],
        [Role.RECRUITER, false, false],
        [Role.ADVISOR, false, false],
        [Role.LEARNER, true, false],
      ]);
      expect(canReadField(field, undefined, OWN)).toBe(false);
    }
  });

  it('leaves no learner-evidence source with the confidence of an assessment or a credential', () => {
    expect([...LEARNER_EVIDENCE_SOURCES].sort()).toEqual(['EXPERIENCE', 'SELF_REPORTED']);
  });
});
