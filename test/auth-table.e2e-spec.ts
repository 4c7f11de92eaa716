import { GraphQLSchemaHost } from '@nestjs/graphql';
import { getNamedType, GraphQLField, GraphQLSchema, isEnumType, isInputObjectType, isObjectType } from 'graphql';
import { ALLOW, AUTHORIZATION_TABLE, Condition } from '../src/auth/authorization-table';
import { ruleFor } from '../src/auth/authorization';
import { Role, ROLES } from '../src/auth/role.enum';
import { readFixture } from './fixtures/open-badges/helpers';
import { GqlResult, ok, startTestApp, TestApp } from './support/test-app';

/**
 * The authorization table, tested from the table itself: every served root operation must be in
 * it, and every operation is called by every role, with arguments that satisfy the role's
 * conditions (expected: no error at all) and, for conditional rules, with arguments that break
 * each condition (expected: FORBIDDEN, or NOT_FOUND for a recruiter's hidden candidate). Roles
 * the table leaves out get FORBIDDEN.
 */

const ADVISOR_SUB = 'matrix-advisor';
const ICT_ACCESSIBILITY = '340dc94a-f1c2-5bf4-81d3-34fc534f8965';
const ICT_ACCESSIBILITY_URI = 'http://data.europa.eu/esco/skill/3e23db60-0c3d-498a-a6ac-ffbed0ecb033';
const SIGNED_BADGE = 'v2/dataIntegrityProof/didKey/legacyRegistry-noStatus-noExpiry-alignments.json';

/** What a sample's arguments may refer to: the target candidate, its pathway, and shared catalogue ids. */
interface Fx {
  candidateId: string;
  pathwayId: string;
  sub: string;
  jobId: string;
  skillId: string;
  credentialId: string;
  occupationId: string;
  auditId: string;
  n: number;
  /** a new job created by `createdBy` (default: the ADMIN of the test app) */
  freshJob(createdBy?: string): Promise<string>;
  freshCredential(): Promise<string>;
  /** the handle of the first candidate in a masked ranking by the recruiter `sub` */
  maskedHandle(sub: string): Promise<string>;
}

interface Sample {
  query: string;
  vars(fx: Fx): Record<string, unknown> | Promise<Record<string, unknown>>;
}

let counter = 0;

/** One valid call per operation; arguments are variables named like the arguments, so the table's paths address them. */
const SAMPLES: Record<string, Sample> = {
  'Query.skill': { query: 'query($id: ID!) { skill(id: $id) { id } }', vars: (fx) => ({ id: fx.skillId }) },
  'Query.skillByUri': { query: 'query($uri: String!) { skillByUri(uri: $uri) { id } }', vars: () => ({ uri: ICT_ACCESSIBILITY_URI }) },
  'Query.skills': { query: '{ skills(first: 2) { totalCount } }', vars: () => ({}) },
  'Query.searchSkills': { query: '{ searchSkills(query: "accessibility", first: 2) { score } }', vars: () => ({}) },
  'Query.extractSkills': { query: '{ extractSkills(text: "ICT accessibility standards and teamwork") { score } }', vars: () => ({}) },
  'Query.resolveSkills': { query: '{ resolveSkills(texts: ["teamwork"]) { text } }', vars: () => ({}) },
  'Query.skillNeighborhood': { query: 'query($id: ID!) { skillNeighborhood(id: $id) { nodes { distance } } }', vars: (fx) => ({ id: fx.skillId }) },
  'Query.credential': { query: 'query($id: ID!) { credential(id: $id) { id } }', vars: (fx) => ({ id: fx.credentialId }) },
  'Query.credentials': { query: '{ credentials(first: 2) { totalCount } }', vars: () => ({}) },
  'Query.occupation': { query: 'query($id: ID!) { occupation(id: $id) { id } }', vars: (fx) => ({ id: fx.occupationId }) },
  'Query.occupations': { query: '{ occupations(first: 2) { totalCount } }', vars: () => ({}) },
  'Query.job': { query: 'query($id: ID!) { job(id: $id) { id } }', vars: (fx) => ({ id: fx.jobId }) },
  'Query.jobs': { query: '{ jobs(first: 2) { totalCount } }', vars: () => ({}) },
  'Mutation.createSkill': {
    query: 'mutation($input: CreateSkillInput!) { createSkill(input: $input) { id } }',
    vars: (fx) => ({ input: { name: `Matrix skill ${fx.n}`, category: 'TECHNICAL' } }),
  },
  'Mutation.createCredential': {
    query: 'mutation($input: CreateCredentialInput!) { createCredential(input: $input) { id } }',
    vars: (fx) => ({ input: { name: `Matrix credential ${fx.n}`, issuer: 'Matrix', type: 'BADGE', hours: 1, cost: 0, skills: [{ skillId: fx.skillId, level: 2 }] } }),
  },
  'Mutation.updateCredential': {
    query: 'mutation($input: UpdateCredentialInput!) { updateCredential(input: $input) { id } }',
    vars: async (fx) => ({ input: { id: await fx.freshCredential(), hours: 2 } }),
  },
  'Mutation.deleteCredential': { query: 'mutation($id: ID!) { deleteCredential(id: $id) }', vars: async (fx) => ({ id: await fx.freshCredential() }) },
  'Mutation.importCtdl': {
    query: 'mutation($document: String!) { importCtdl(document: $document) { credentials { id } warnings } }',
    vars: (fx) => ({
      document: JSON.stringify({
        '@context': 'https://credreg.net/ctdl/schema/context/json',
        '@id': `https://example.org/ctdl/matrix-course-${fx.n}`,
        '@type': 'ceterms:Course',
        'ceterms:name': { en: `Matrix course ${fx.n}` },
        'ceterms:offeredBy': [{ '@type': 'ceterms:CredentialOrganization', 'ceterms:name': { en: 'Matrix' } }],
        'ceterms:estimatedDuration': [{ 'ceterms:exactDuration': 'PT3H' }],
        'ceterms:estimatedCost': [{ 'ceterms:price': 0, 'ceterms:currency': 'USD' }],
      }),
    }),
  },
  'Query.exportCtdl': { query: 'query($credentialIds: [ID!]!) { exportCtdl(credentialIds: $credentialIds) }', vars: (fx) => ({ credentialIds: [fx.credentialId] }) },
  'Mutation.createJob': {
    query: 'mutation($input: CreateJobInput!) { createJob(input: $input) { id } }',
    vars: (fx) => ({ input: { title: `Matrix job ${fx.n}`, requirements: [{ skillId: fx.skillId }] } }),
  },
  'Mutation.updateJob': { query: 'mutation($input: UpdateJobInput!) { updateJob(input: $input) { id } }', vars: async (fx) => ({ input: { id: await fx.freshJob(fx.sub), title: 'Renamed' } }) },
  'Mutation.deleteJob': { query: 'mutation($id: ID!) { deleteJob(id: $id) }', vars: async (fx) => ({ id: await fx.freshJob(fx.sub) }) },
  'Mutation.createJobFromOccupation': {
    query: 'mutation($occupationId: ID!) { createJobFromOccupation(occupationId: $occupationId) { id } }',
    vars: (fx) => ({ occupationId: fx.occupationId }),
  },
  'Mutation.createJobFromText': {
    query: 'mutation($title: String!, $text: String!) { createJobFromText(title: $title, text: $text) { id } }',
    vars: () => ({ title: 'Matrix text job', text: 'We need ICT accessibility standards and teamwork.' }),
  },
  'Query.candidate': { query: 'query($id: ID!) { candidate(id: $id) { id name } }', vars: (fx) => ({ id: fx.candidateId }) },
  'Query.candidates': { query: '{ candidates(first: 5) { totalCount edges { node { id } } } }', vars: () => ({}) },
  'Mutation.createCandidate': {
    query: 'mutation($input: CreateCandidateInput!) { createCandidate(input: $input) { id } }',
    vars: (fx) => ({ input: { name: `Matrix person ${fx.n}` } }),
  },
  'Mutation.updateCandidate': {
    query: 'mutation($input: UpdateCandidateInput!) { updateCandidate(input: $input) { id } }',
    vars: (fx) => ({ input: { id: fx.candidateId, discoverable: false } }),
  },
  'Mutation.deleteCandidate': { query: 'mutation($id: ID!) { deleteCandidate(id: $id) }', vars: (fx) => ({ id: fx.candidateId }) },
  'Mutation.awardCredential': {
    query: 'mutation($input: AwardCredentialInput!) { awardCredential(input: $input) { id } }',
    vars: (fx) => ({ input: { candidateId: fx.candidateId, credentialId: fx.credentialId, issuedAt: '2024-01-01T00:00:00Z' } }),
  },
  'Mutation.addSkillEvidence': {
    query: 'mutation($input: AddSkillEvidenceInput!) { addSkillEvidence(input: $input) { id } }',
    vars: (fx) => ({ input: { candidateId: fx.candidateId, skillId: fx.skillId, level: 3, evidencedAt: '2024-06-01T00:00:00Z', source: 'SELF_REPORTED' } }),
  },
  'Mutation.importBadge': {
    query: 'mutation($input: ImportBadgeInput!) { importBadge(input: $input) { id } }',
    vars: (fx) => ({ input: { candidateId: fx.candidateId, credential: readFixture(SIGNED_BADGE) } }),
  },
  'Mutation.importBadges': {
    query: 'mutation($input: ImportBadgeInput!) { importBadges(input: $input) { id } }',
    vars: (fx) => ({ input: { candidateId: fx.candidateId, credential: readFixture(SIGNED_BADGE) } }),
  },
  'Mutation.registerIssuerKey': {
    query: 'mutation($input: RegisterIssuerKeyInput!) { registerIssuerKey(input: $input) { keyId } }',
    vars: () => ({ input: { keyId: 'did:web:matrix.example#key-1', publicKeyJwk: '{"kty":"OKP","crv":"Ed25519","x":"qUu0oFER8iC2FTk4l4nlsZn68RnA5zuacHjzWf3nt-o"}' } }),
  },
  'Mutation.removeIssuerKey': { query: 'mutation($keyId: String!) { removeIssuerKey(keyId: $keyId) }', vars: () => ({ keyId: 'did:web:matrix.example#key-1' }) },
  'Query.issuerKeys': { query: '{ issuerKeys(first: 2) { totalCount } }', vars: () => ({}) },
  'Mutation.loadTrustList': { query: 'mutation($document: String!) { loadTrustList(document: $document) { loaded } }', vars: () => ({ document: '{"issuers": []}' }) },
  'Query.trustedIssuers': { query: '{ trustedIssuers { issuerId } }', vars: () => ({}) },
  'Mutation.assignAdvisor': {
    query: 'mutation($candidateId: ID!, $advisorSub: String!) { assignAdvisor(candidateId: $candidateId, advisorSub: $advisorSub) { advisorSub } }',
    vars: (fx) => ({ candidateId: fx.candidateId, advisorSub: 'another-advisor' }),
  },
  'Mutation.unassignAdvisor': {
    query: 'mutation($candidateId: ID!, $advisorSub: String!) { unassignAdvisor(candidateId: $candidateId, advisorSub: $advisorSub) }',
    vars: (fx) => ({ candidateId: fx.candidateId, advisorSub: fx.sub }),
  },
  'Mutation.setDemographics': {
    query: 'mutation($candidateId: ID!, $input: DemographicsInput!) { setDemographics(candidateId: $candidateId, input: $input) { sex } }',
    vars: (fx) => ({ candidateId: fx.candidateId, input: { sex: 'FEMALE' } }),
  },
  'Query.rankCandidates': { query: 'query($jobId: ID!) { rankCandidates(jobId: $jobId, first: 3) { totalCount } }', vars: (fx) => ({ jobId: fx.jobId }) },
  'Query.matchCandidate': {
    query: 'query($candidateId: ID!, $jobId: ID!) { matchCandidate(candidateId: $candidateId, jobId: $jobId) { score } }',
    vars: (fx) => ({ candidateId: fx.candidateId, jobId: fx.jobId }),
  },
  'Query.skillGap': {
    query: 'query($candidateId: ID!, $jobId: ID!) { skillGap(candidateId: $candidateId, jobId: $jobId) { score } }',
    vars: (fx) => ({ candidateId: fx.candidateId, jobId: fx.jobId }),
  },
  'Mutation.unmaskCandidate': {
    query: 'mutation($handle: ID!) { unmaskCandidate(handle: $handle) { id } }',
    vars: async (fx) => ({ handle: await fx.maskedHandle(fx.sub) }),
  },
  'Query.recommendCredentials': {
    query: 'query($candidateId: ID!, $jobId: ID!) { recommendCredentials(candidateId: $candidateId, jobId: $jobId) { scoreGain } }',
    vars: (fx) => ({ candidateId: fx.candidateId, jobId: fx.jobId }),
  },
  'Query.planPathway': {
    query: 'query($input: PlanPathwayInput!) { planPathway(input: $input) { finalScore } }',
    vars: (fx) => ({ input: { candidateId: fx.candidateId, jobId: fx.jobId } }),
  },
  'Query.renewals': { query: 'query($candidateId: ID!) { renewals(candidateId: $candidateId) { horizonMonths } }', vars: (fx) => ({ candidateId: fx.candidateId }) },
  'Query.pathways': { query: 'query($candidateId: ID!) { pathways(candidateId: $candidateId) { id } }', vars: (fx) => ({ candidateId: fx.candidateId }) },
  'Query.pathway': { query: 'query($id: ID!) { pathway(id: $id) { id } }', vars: (fx) => ({ id: fx.pathwayId }) },
  'Mutation.savePathway': {
    query: 'mutation($input: SavePathwayInput!) { savePathway(input: $input) { id } }',
    vars: (fx) => ({ input: { name: 'Matrix pathway', candidateId: fx.candidateId, credentialIds: [fx.credentialId] } }),
  },
  'Mutation.updatePathway': {
    query: 'mutation($input: UpdatePathwayInput!) { updatePathway(input: $input) { id } }',
    vars: (fx) => ({ input: { id: fx.pathwayId, name: 'Renamed pathway' } }),
  },
  'Mutation.deletePathway': { query: 'mutation($id: ID!) { deletePathway(id: $id) }', vars: (fx) => ({ id: fx.pathwayId }) },
  'Query.rankingAudit': { query: 'query($jobId: ID) { rankingAudit(jobId: $jobId, first: 2) { totalCount } }', vars: (fx) => ({ jobId: fx.jobId }) },
  'Query.replayRanking': { query: 'query($auditId: ID!) { replayRanking(auditId: $auditId) { matches } }', vars: (fx) => ({ auditId: fx.auditId }) },
  'Query.verifyAuditChain': { query: '{ verifyAuditChain { intact } }', vars: () => ({}) },
  'Query.impactReport': { query: 'query($jobId: ID!) { impactReport(jobId: $jobId, topN: 5) { population } }', vars: (fx) => ({ jobId: fx.jobId }) },
  'Query.biasAudit': {
    query: 'query($jobIds: [ID!]) { biasAudit(jobIds: $jobIds, from: "2020-01-01T00:00:00Z", to: "2100-01-01T00:00:00Z") { population } }',
    vars: (fx) => ({ jobIds: [fx.jobId] }),
  },
};

function setAt(vars: Record<string, unknown>, path: string, value: unknown): Record<string, unknown> {
  const copy = structuredClone(vars);
  const keys = path.split('.');
  let target = copy as Record<string, unknown>;
  for (const key of keys.slice(0, -1)) target = (target[key] ??= {}) as Record<string, unknown>;
  target[keys[keys.length - 1]] = value;
  return copy;
}

/** The values of the enum at an argument path of a root field (e.g. input.source → EvidenceSource). */
function enumValuesAt(schema: GraphQLSchema, operation: string, path: string): string[] {
  const [typeName, fieldName] = operation.split('.');
  const root = schema.getType(typeName);
  if (!isObjectType(root)) throw new Error(`no type ${typeName}`);
  const field: GraphQLField<unknown, unknown> = root.getFields()[fieldName];
  const [first, ...rest] = path.split('.');
  let type = getNamedType(field.args.find((a) => a.name === first)!.type);
  for (const key of rest) {
    if (!isInputObjectType(type)) throw new Error(`${path}: ${key} is not in an input object`);
    type = getNamedType(type.getFields()[key].type);
  }
  if (!isEnumType(type)) throw new Error(`${path} is not an enum`);
  return type.getValues().map((v) => v.name);
}

const codeOf = (r: GqlResult) => r.errors?.[0]?.extensions?.code;

describe('the authorization table, operation by operation and role by role', () => {
  let t: TestApp;
  let schema: GraphQLSchema;
  let shared: Omit<Fx, 'candidateId' | 'pathwayId' | 'sub' | 'n'>;

  const insertCandidate = async (discoverable: boolean): Promise<string> =>
    (await t.dataSource.query(`INSERT INTO candidate (name, discoverable) VALUES ($1, $2) RETURNING id`, [`Matrix candidate ${++counter}`, discoverable]))[0].id;
  const insertPathway = async (candidateId: string | null): Promise<string> =>
    (await t.dataSource.query(`INSERT INTO pathway (name, candidate_id) VALUES ('Matrix pathway', $1) RETURNING id`, [candidateId]))[0].id;
  const assign = (candidateId: string, sub: string) =>
    t.dataSource.query(`INSERT INTO advisor_assignment (candidate_id, advisor_sub, assigned_by) VALUES ($1, $2, 'test')`, [candidateId, sub]);

  beforeAll(async () => {
    t = await startTestApp();
    schema = t.app.get(GraphQLSchemaHost).schema;
    const credentials = ok(await t.gql(`{ credentials(first: 100) { edges { node { id prerequisites { id } components { id } } } } }`)).credentials.edges.map((e: any) => e.node);
    const credentialId = credentials.find((c: any) => c.prerequisites.length === 0 && c.components.length === 0).id;
    const occupationId = ok(await t.gql(`{ occupations(first: 1) { edges { node { id } } } }`)).occupations.edges[0].node.id;
    const jobId = ok(
      await t.gql(`mutation($input: CreateJobInput!) { createJob(input: $input) { id } }`, {
        input: { title: 'Matrix ranking job', requirements: [{ skillId: ICT_ACCESSIBILITY, level: 2 }] },
      }),
    ).createJob.id;
    ok(await t.gql(`query($j: ID!) { rankCandidates(jobId: $j, first: 3) { totalCount } }`, { j: jobId }));
    const [{ id: auditId }] = await t.dataSource.query(`SELECT id FROM ranking_audit ORDER BY seq DESC LIMIT 1`);
    shared = {
      jobId,
      skillId: ICT_ACCESSIBILITY,
      credentialId,
      occupationId,
      auditId,
      freshJob: async (createdBy) => {
        const call = createdBy ? t.as('RECRUITER', { sub: createdBy }) : t.gql;
        return ok(await call(`mutation($input: CreateJobInput!) { createJob(input: $input) { id } }`, { input: { title: `Fresh job ${++counter}`, requirements: [{ skillId: ICT_ACCESSIBILITY }] } }))
          .createJob.id;
      },
      maskedHandle: async (sub) =>
        ok(await t.as('RECRUITER', { sub })(`query($j: ID!) { rankCandidates(jobId: $j, first: 1, masked: true) { edges { node { candidate { id } } } } }`, { j: jobId })).rankCandidates.edges[0].node
          .candidate.id,
      freshCredential: async () =>
        ok(
          await t.gql(`mutation($input: CreateCredentialInput!) { createCredential(input: $input) { id } }`, {
            input: { name: `Fresh credential ${++counter}`, issuer: 'Matrix', type: 'BADGE', hours: 1, cost: 0, skills: [{ skillId: ICT_ACCESSIBILITY, level: 1 }] },
          }),
        ).createCredential.id,
    };
  });
  afterAll(() => t.close());

  const servedOperations = (): string[] =>
    (['Query', 'Mutation'] as const).flatMap((typeName) => {
      const type = schema.getType(typeName);
      return isObjectType(type) ? Object.keys(type.getFields()).map((f) => `${typeName}.${f}`) : [];
    });

  it('lists every root Query and Mutation field of the served schema (nothing is left unguarded)', () => {
    expect(servedOperations().filter((op) => !AUTHORIZATION_TABLE[op])).toEqual([]);
    expect(schema.getSubscriptionType()).toBeFalsy();
  });

  it('has a sample call for every served operation', () => {
    expect(servedOperations().filter((op) => !SAMPLES[op])).toEqual([]);
  });

  /** Who the role acts as, and a candidate that satisfies its conditions (own, assigned, discoverable). */
  async function actor(role: Role): Promise<{ sub: string; candidateId: string; call: TestApp['gql'] }> {
    const candidateId = await insertCandidate(true);
    if (role === Role.ADVISOR) await assign(candidateId, ADVISOR_SUB);
    const sub = role === Role.ADVISOR ? ADVISOR_SUB : `matrix-${role.toLowerCase()}-${counter}`;
    return { sub, candidateId, call: t.as(role, { sub, candidateId: role === Role.LEARNER ? candidateId : null }) };
  }

  /** Arguments that break one condition, and the code the refusal must carry. */
  async function violate(operation: string, condition: Condition, vars: Record<string, unknown>, hidden: string): Promise<[Record<string, unknown>, string] | null> {
    switch (condition.check) {
      case 'scope':
        return null;
      case 'sub':
        return [setAt(vars, condition.arg, 'somebody-else'), 'FORBIDDEN'];
      case 'creator':
        if (condition.of === 'job') return [setAt(vars, condition.arg, await shared.freshJob('somebody-else')), 'FORBIDDEN'];
        return [setAt(vars, condition.arg, (await t.dataSource.query(`INSERT INTO pathway (name, created_by) VALUES ('Their template', 'somebody-else') RETURNING id`))[0].id), 'FORBIDDEN'];
      case 'oneOf': {
        const other = enumValuesAt(schema, operation, condition.arg).find((v) => !condition.values.includes(v))!;
        return [setAt(vars, condition.arg, other), 'FORBIDDEN'];
      }
      default: {
        const code = condition.check === 'discoverable' ? 'NOT_FOUND' : 'FORBIDDEN';
        if ('candidate' in condition.subject) return [setAt(vars, condition.subject.candidate, hidden), code];
        return [setAt(vars, condition.subject.pathway, await insertPathway(hidden)), code];
      }
    }
  }

  const operations = Object.keys(AUTHORIZATION_TABLE).sort();

  it.each(operations)('%s', async (operation) => {
    if (!servedOperations().includes(operation)) return; // listed ahead of its module (fails the sample test once served)
    const sample = SAMPLES[operation];
    const outcomes: string[] = [];
    for (const role of ROLES) {
      const rule = ruleFor(operation, role);
      const me = await actor(role);
      const fx: Fx = { ...shared, candidateId: me.candidateId, pathwayId: await insertPathway(me.candidateId), sub: me.sub, n: ++counter };
      const vars = await sample.vars(fx);
      const allowed = await me.call(sample.query, vars);
      if (rule === undefined) {
        outcomes.push(`${role} refused: ${codeOf(allowed)}`);
        expect({ role, code: codeOf(allowed), data: allowed.data?.[operation.split('.')[1]] ?? null }).toEqual({ role, code: 'FORBIDDEN', data: null });
        continue;
      }
      expect({ role, errors: allowed.errors }).toEqual({ role, errors: undefined });
      outcomes.push(`${role} allowed`);
      if (rule === ALLOW) continue;
      const hidden = await insertCandidate(false);
      for (const condition of rule) {
        const broken = await violate(operation, condition, await sample.vars({ ...fx, n: ++counter }), hidden);
        if (!broken) continue;
        const refused = await me.call(sample.query, broken[0]);
        expect({ role, check: condition.check, code: codeOf(refused), data: refused.data?.[operation.split('.')[1]] ?? null }).toEqual({
          role,
          check: condition.check,
          code: broken[1],
          data: null,
        });
        outcomes.push(`${role} refused when ${condition.check} fails: ${broken[1]}`);
      }
    }
    expect(outcomes.length).toBeGreaterThanOrEqual(ROLES.length);
  });

  it('refuses every operation without a token, before anything runs (UNAUTHENTICATED, HTTP 401)', async () => {
    for (const operation of servedOperations()) {
      const r = await t.raw(SAMPLES[operation].query, {});
      expect({ operation, status: r.status, code: codeOf(r), data: r.data }).toEqual({ operation, status: 401, code: 'UNAUTHENTICATED', data: undefined });
    }
  });
});

describe('owners of jobs and templates', () => {
  let t: TestApp;
  let credentialId: string;
  const alice = () => t.as('RECRUITER', { sub: 'owner-alice' });
  const bob = () => t.as('RECRUITER', { sub: 'owner-bob' });
  const carol = () => t.as('ADVISOR', { sub: 'owner-carol' });
  const dave = () => t.as('ADVISOR', { sub: 'owner-dave' });
  const createJob = 'mutation($input: CreateJobInput!) { createJob(input: $input) { id } }';
  const updateJob = 'mutation($input: UpdateJobInput!) { updateJob(input: $input) { id title } }';
  const deleteJob = 'mutation($id: ID!) { deleteJob(id: $id) }';
  const savePathway = 'mutation($input: SavePathwayInput!) { savePathway(input: $input) { id } }';
  const updatePathway = 'mutation($input: UpdatePathwayInput!) { updatePathway(input: $input) { id name } }';
  const deletePathway = 'mutation($id: ID!) { deletePathway(id: $id) }';

  beforeAll(async () => {
    t = await startTestApp();
    const credentials = ok(await t.gql(`{ credentials(first: 100) { edges { node { id prerequisites { id } components { id } } } } }`)).credentials.edges.map((e: any) => e.node);
    credentialId = credentials.find((c: any) => c.prerequisites.length === 0 && c.components.length === 0).id;
  });
  afterAll(() => t.close());

  const row = async (table: 'job' | 'pathway', id: string) => (await t.dataSource.query(`SELECT title_or_name, created_by FROM (SELECT id, ${table === 'job' ? 'title' : 'name'} AS title_or_name, created_by FROM ${table}) r WHERE id = $1`, [id]))[0];

  it('records who created a job; only that recruiter or an ADMIN updates or deletes it (FORBIDDEN otherwise, nothing changes)', async () => {
    const jobId = ok(await alice()(createJob, { input: { title: 'Alice job', requirements: [{ skillId: ICT_ACCESSIBILITY }] } })).createJob.id;
    expect(await row('job', jobId)).toEqual({ title_or_name: 'Alice job', created_by: 'owner-alice' });
    const fromText = ok(await alice()('mutation { createJobFromText(title: "Text job", text: "ICT accessibility standards") { id } }')).createJobFromText.id;
    const occupationId = ok(await t.gql(`{ occupations(first: 1) { edges { node { id } } } }`)).occupations.edges[0].node.id;
    const fromOccupation = ok(await alice()('mutation($o: ID!) { createJobFromOccupation(occupationId: $o) { id } }', { o: occupationId })).createJobFromOccupation.id;
    for (const id of [fromText, fromOccupation]) expect((await row('job', id)).created_by).toBe('owner-alice');

    const renamed = await bob()(updateJob, { input: { id: jobId, title: 'Bob was here' } });
    expect([renamed.errors?.[0].extensions?.code, renamed.errors?.[0].message, renamed.data]).toEqual(['FORBIDDEN', 'Forbidden: Mutation.updateJob is only for jobs you created', null]);
    expect((await bob()(deleteJob, { id: jobId })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(await row('job', jobId)).toEqual({ title_or_name: 'Alice job', created_by: 'owner-alice' });

    expect(ok(await alice()(updateJob, { input: { id: jobId, title: 'Alice job 2' } })).updateJob.title).toBe('Alice job 2');
    expect(ok(await t.gql(updateJob, { input: { id: jobId, title: 'Admin edit' } })).updateJob.title).toBe('Admin edit');
    // the creator stays the recruiter after an ADMIN edit
    expect((await row('job', jobId)).created_by).toBe('owner-alice');
    // a seeded job has no creator: ADMIN only
    const [{ id: seeded }] = await t.dataSource.query(`SELECT id FROM job WHERE created_by IS NULL LIMIT 1`);
    expect((await alice()(updateJob, { input: { id: seeded, title: 'Mine now' } })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    // a missing job is still NOT_FOUND
    expect((await alice()(deleteJob, { id: '00000000-0000-4000-8000-000000000000' })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(ok(await alice()(deleteJob, { id: fromText })).deleteJob).toBe(fromText);
    expect(ok(await t.gql(deleteJob, { id: jobId })).deleteJob).toBe(jobId);
  });

  it('records who saved a template; only that advisor or an ADMIN renames or deletes it, ADMIN templates included', async () => {
    const mine = ok(await carol()(savePathway, { input: { name: 'Carol template', credentialIds: [credentialId] } })).savePathway.id;
    const admins = ok(await t.gql(savePathway, { input: { name: 'Admin template', credentialIds: [credentialId] } })).savePathway.id;
    expect(await row('pathway', mine)).toEqual({ title_or_name: 'Carol template', created_by: 'owner-carol' });
    for (const id of [mine, admins]) {
      const renamed = await dave()(updatePathway, { input: { id, name: 'Dave was here' } });
      expect([renamed.errors?.[0].extensions?.code, renamed.errors?.[0].message]).toEqual(['FORBIDDEN', 'Forbidden: Mutation.updatePathway is only for templates you created']);
      expect((await dave()(deletePathway, { id })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    expect((await carol()(updatePathway, { input: { id: admins, name: 'Carol was here' } })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await row('pathway', admins)).title_or_name).toBe('Admin template');
    expect(ok(await carol()(updatePathway, { input: { id: mine, name: 'Carol template 2' } })).updatePathway.name).toBe('Carol template 2');
    // everyone with pathway access still reads templates
    expect(ok(await dave()('query($id: ID!) { pathway(id: $id) { name } }', { id: mine })).pathway.name).toBe('Carol template 2');
    expect(ok(await t.gql(updatePathway, { input: { id: mine, name: 'Admin edit' } })).updatePathway.name).toBe('Admin edit');
    expect(ok(await carol()(deletePathway, { id: mine })).deletePathway).toBe(mine);
    expect(ok(await t.gql(deletePathway, { id: admins })).deletePathway).toBe(admins);
  });
});
