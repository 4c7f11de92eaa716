import { createHash } from 'node:crypto';
import { fixtureJson, jwtIssuer, JwtIssuer, ob3Credential, readFixture, tamperSubject } from './fixtures/open-badges/helpers';
import { ok, startTestApp, TestApp } from './support/test-app';

/** Seeded ESCO skills (data/catalogue/skills.json). */
const ICT_ACCESSIBILITY = { id: '340dc94a-f1c2-5bf4-81d3-34fc534f8965', uri: 'http://data.europa.eu/esco/skill/3e23db60-0c3d-498a-a6ac-ffbed0ecb033' };
const TEST_ACCESSIBILITY = { id: 'c0707490-9e5a-514a-ae8d-9b70bad314c0', name: 'test system accessibility for users with special needs' };
/** Seeded catalogue credential (data/catalogue/credentials.json, key openlearn-teamwork). */
const TEAMWORK = {
  id: '6838cdb9-b803-59e4-a8d7-25f45d4c7ea4',
  skills: ['e90727ee-9b90-5ae7-b295-8430c9d6f848', 'dbcf1337-9191-5ae4-ae76-d0282d75339d', 'ffb5d8ea-84b5-57e4-bca9-4181cbf83626'],
};

/** A signed OB3 (VC 2.0, eddsa-rdfc-2022, did:key) fixture, no status, no expiry; its alignments are not ESCO. */
const SIGNED = 'v2/dataIntegrityProof/didKey/legacyRegistry-noStatus-noExpiry-alignments.json';
const EXPIRED = 'v2/ed25519/didKey/legacy-noStatus-expired.json';

const EARNED_FIELDS = 'id issuedAt expiresAt verification verifiedBy verificationChecks { name outcome detail } credential { id name issuer type hours cost description learnerRecord }';
const LOAD_TRUST = `mutation($document: String!) { loadTrustList(document: $document) { loaded removed } }`;
const IMPORT = `mutation($input: ImportBadgeInput!) { importBadge(input: $input) { ${EARNED_FIELDS} } }`;
const IMPORT_ALL = `mutation($input: ImportBadgeInput!) { importBadges(input: $input) { ${EARNED_FIELDS} } }`;

const sec = (iso: string) => Math.floor(Date.parse(iso) / 1000);

/** VC-JWT 1.1 payload: the credential in the `vc` claim, registered claims mirroring it. */
function vcJwtPayload(cred: Record<string, any>): Record<string, unknown> {
  return {
    iss: cred.issuer.id,
    sub: cred.credentialSubject.id,
    jti: cred.id,
    nbf: sec(cred.validFrom as string),
    ...(cred.validUntil ? { exp: sec(cred.validUntil as string) } : {}),
    vc: cred,
  };
}

describe('importBadge: Open Badges / CLR import', () => {
  let t: TestApp;
  let issuer: JwtIssuer;
  beforeAll(async () => {
    t = await startTestApp();
    issuer = await jwtIssuer('EdDSA');
  });
  afterAll(() => t.close());

  const createCandidate = async (name: string, email?: string): Promise<string> =>
    ok(await t.gql(`mutation($input: CreateCandidateInput!) { createCandidate(input: $input) { id } }`, { input: { name, ...(email ? { email } : {}) } })).createCandidate.id;

  const importBadge = (candidateId: string, credential: string) => t.gql(IMPORT, { input: { candidateId, credential } });

  const count = async (sql: string, params: unknown[] = []): Promise<number> => {
    const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM ${sql}`, params);
    return n as number;
  };
  const totals = async () => ({
    credentials: await count('credential'),
    credentialSkills: await count('credential_skill'),
    earned: await count('earned_credential'),
    evidence: await count('skill_evidence'),
  });

  /** An OB3 badge as a VC-JWT signed by the test issuer (did:jwk, so verifiable offline). */
  const signedJwt = (cred: Record<string, any>) => issuer.sign(vcJwtPayload(cred));

  const accessibilityBadge = (overrides: { subject?: Record<string, unknown>; id?: string } = {}) => {
    const cred = ob3Credential(issuer.did, { id: overrides.id ?? 'urn:uuid:5b0f3a52-0000-4000-8000-000000000001', validFrom: '2025-03-01T00:00:00Z' });
    cred.credentialSubject.achievement = {
      id: 'https://academy.example/achievements/accessibility-auditing',
      type: ['Achievement'],
      name: 'Accessibility Auditing',
      description: 'Audits web applications against WCAG.',
      criteria: { narrative: 'Audited three production sites.' },
      achievementType: 'Certificate',
      creditsAvailable: 2,
      alignment: [
        { type: ['Alignment'], targetName: 'accessibility standards', targetUrl: ICT_ACCESSIBILITY.uri, targetFramework: 'ESCO' },
        { type: ['Alignment'], targetName: TEST_ACCESSIBILITY.name, targetFramework: 'ESCO' },
        { type: ['Alignment'], targetName: 'underwater basket weaving', targetUrl: 'https://example.org/skills/basket' },
      ],
      resultDescription: [
        {
          id: 'urn:uuid:rd-1',
          type: ['ResultDescription'],
          name: 'Audit proficiency',
          resultType: 'RubricCriterionLevel',
          rubricCriterionLevel: [
            { id: 'urn:uuid:lvl-1', type: ['RubricCriterionLevel'], name: 'Novice' },
            { id: 'urn:uuid:lvl-2', type: ['RubricCriterionLevel'], name: 'Intermediate' },
            { id: 'urn:uuid:lvl-3', type: ['RubricCriterionLevel'], name: 'Advanced' },
          ],
        },
      ],
    };
    cred.credentialSubject.result = [{ type: ['Result'], resultDescription: 'urn:uuid:rd-1', achievedLevel: 'urn:uuid:lvl-3' }];
    Object.assign(cred.credentialSubject, overrides.subject ?? {});
    return cred;
  };

  const trust = async (issuers: { id: string; trustedFor: string[] }[]) => ok(await t.gql(LOAD_TRUST, { document: JSON.stringify({ issuers }) })).loadTrustList;
  const catalogueCredential = async (id: string) => ok(await t.gql(`query($id: ID!) { credential(id: $id) { id } }`, { id })).credential;

  it('imports a signed did:key fixture as UNVERIFIED (intact, untrusted) with its checks, as the learner\'s own record; importing it again changes nothing', async () => {
    const candidateId = await createCandidate('Badge Holder');
    const before = await totals();
    const first = ok(await importBadge(candidateId, readFixture(SIGNED))).importBadge;
    expect(first).toMatchObject({
      issuedAt: '2010-01-01T00:00:00.000Z',
      expiresAt: null,
      verification: 'UNVERIFIED',
      verifiedBy: null,
      credential: { name: 'Text analysis', issuer: 'Example University', type: 'BADGE', hours: 0, cost: 0, learnerRecord: true },
    });
    expect(first.credential.description).toContain('Analyze a sample text');
    expect(first.verificationChecks).toEqual(expect.arrayContaining([{ name: 'proof', outcome: 'PASS', detail: expect.any(String) }]));
    expect(first.verificationChecks).toEqual(expect.arrayContaining([{ name: 'issuer-trust', outcome: 'FAIL', detail: expect.stringContaining('self-made') }]));
    // not in the catalogue: not served by credential(id) nor listed
    expect(await catalogueCredential(first.credential.id)).toBeNull();
    const listed = ok(await t.gql(`{ credentials(first: 100, search: "Text analysis") { edges { node { id } } } }`)).credentials.edges;
    expect(listed.map((e: any) => e.node.id)).not.toContain(first.credential.id);
    expect(first.verificationChecks.find((c: any) => c.name === 'validity-window').outcome).not.toBe('FAIL');
    expect(first.verificationChecks.every((c: any) => ['PASS', 'FAIL', 'UNKNOWN', 'SKIPPED'].includes(c.outcome))).toBe(true);

    // No ESCO alignment and no alignment name close to a skill: a learner record without skills, no evidence.
    expect(await totals()).toEqual({ ...before, credentials: before.credentials + 1, earned: before.earned + 1 });
    const [row] = await t.dataSource.query(
      'SELECT external_id, verification, source_hash, jsonb_array_length(verification_checks)::int AS checks FROM earned_credential e JOIN credential c ON c.id = e.credential_id WHERE e.id = $1',
      [first.id],
    );
    expect(row).toMatchObject({ external_id: 'https://1edtech.edu/achievements/1', verification: 'UNVERIFIED', checks: first.verificationChecks.length });
    expect(row.source_hash).toMatch(/^[0-9a-f]{64}$/);

    const again = ok(await importBadge(candidateId, readFixture(SIGNED))).importBadge;
    expect(again).toEqual(first);
    // The same document re-serialised (other whitespace and key order) is the same credential.
    const reordered = JSON.stringify(Object.fromEntries(Object.entries(fixtureJson(SIGNED)).reverse()), null, 4);
    expect(ok(await importBadge(candidateId, reordered)).importBadge.id).toBe(first.id);
    expect(await totals()).toEqual({ ...before, credentials: before.credentials + 1, earned: before.earned + 1 });

    // The stored checks are served on the candidate's credentials too (through the loader).
    const profile = ok(await t.gql(`query($id: ID!) { candidate(id: $id) { credentials { id verificationChecks { name outcome detail } } } }`, { id: candidateId })).candidate;
    expect(profile.credentials).toEqual([{ id: first.id, verificationChecks: first.verificationChecks }]);

    // Another candidate importing the same document gets their own record (never shared, never renamed by them).
    const other = await createCandidate('Second Holder');
    const renamed = fixtureJson(SIGNED);
    const theirs = ok(await importBadge(other, readFixture(SIGNED))).importBadge;
    expect(theirs.id).not.toBe(first.id);
    expect(theirs.credential.id).not.toBe(first.credential.id);
    renamed.credentialSubject.achievement.name = 'Renamed by someone else';
    expect(ok(await importBadge(other, JSON.stringify(renamed))).importBadge.verification).toBe('FAILED');
    expect(ok(await t.gql(`query($id: ID!) { candidate(id: $id) { credentials { credential { name } } } }`, { id: candidateId })).candidate.credentials).toEqual([
      { credential: { name: 'Text analysis' } },
    ]);
    expect(await count('credential')).toBe(before.credentials + 3);
  });

  it('keeps a tampered copy as FAILED, with no evidence', async () => {
    const candidateId = await createCandidate('Tamper Example');
    const original = ok(await importBadge(candidateId, readFixture(SIGNED))).importBadge;
    const before = await totals();
    const tampered = ok(await importBadge(candidateId, JSON.stringify(tamperSubject(fixtureJson(SIGNED))))).importBadge;
    expect(tampered.id).not.toBe(original.id);
    expect(tampered.verification).toBe('FAILED');
    expect(tampered.verificationChecks).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'proof', outcome: 'FAIL' })]));
    // Its own record, apart from the intact one.
    expect(tampered.credential.id).not.toBe(original.credential.id);
    expect(await totals()).toEqual({ ...before, credentials: before.credentials + 1, earned: before.earned + 1 });

    // A tampered JWT with ESCO alignments: FAILED, no evidence and no catalogue skills from it.
    const jwt = await signedJwt(accessibilityBadge({ id: 'urn:uuid:5b0f3a52-0000-4000-8000-0000000000aa' }));
    const [h, p, s] = jwt.split('.');
    const payload = JSON.parse(Buffer.from(p, 'base64url').toString()) as Record<string, any>;
    payload.vc.credentialSubject.achievement.name = 'Xccessibility Auditing Plus';
    payload.vc.credentialSubject.achievement.id = 'https://academy.example/achievements/forged';
    const forged = ok(await importBadge(candidateId, `${h}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.${s}`)).importBadge;
    expect(forged.verification).toBe('FAILED');
    expect(forged.verificationChecks).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'proof', outcome: 'FAIL' })]));
    expect(await count('skill_evidence WHERE earned_credential_id = $1', [forged.id])).toBe(0);
    expect(await count('credential_skill WHERE credential_id = $1', [forged.credential.id])).toBe(0);
    expect(await count('skill_evidence WHERE candidate_id = $1', [candidateId])).toBe(0);
  });

  it('reports an expired credential: validity-window FAIL and expiresAt in the past', async () => {
    const candidateId = await createCandidate('Expired Example');
    const before = await totals();
    const earned = ok(await importBadge(candidateId, readFixture(EXPIRED))).importBadge;
    expect(earned).toMatchObject({ issuedAt: '2010-01-01T00:00:00.000Z', expiresAt: '2011-01-01T00:00:00.000Z', verification: 'UNVERIFIED' });
    expect(Date.parse(earned.expiresAt)).toBeLessThan(Date.now());
    expect(earned.verificationChecks).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'validity-window', outcome: 'FAIL' })]));
    expect(earned.credential).toMatchObject({ name: 'Teamwork', issuer: 'Example Corp', type: 'BADGE' });
    expect(await totals()).toEqual({ ...before, credentials: before.credentials + 1, earned: before.earned + 1 });
  });

  it('imports a signed VC-JWT: ESCO and name alignments become evidence at the achieved rubric level', async () => {
    const email = 'learner@example.org';
    const candidateId = await createCandidate('Accessibility Learner', email);
    const salt = 'pepper';
    const identifier = [{ type: 'IdentityObject', identityType: 'emailAddress', hashed: true, salt, identityHash: `sha256$${createHash('sha256').update(email + salt).digest('hex')}` }];
    const before = await totals();
    const earned = ok(await importBadge(candidateId, await signedJwt(accessibilityBadge({ subject: { identifier } })))).importBadge;
    expect(earned).toMatchObject({
      issuedAt: '2025-03-01T00:00:00.000Z',
      expiresAt: null,
      verification: 'UNVERIFIED',
      credential: { name: 'Accessibility Auditing', issuer: 'Test Academy', type: 'CERTIFICATE', hours: 0, cost: 0, learnerRecord: true },
    });
    const outcomes = Object.fromEntries(earned.verificationChecks.map((c: any) => [c.name, c.outcome]));
    expect(outcomes).toMatchObject({ 'proof': 'PASS', 'recipient-identity': 'PASS' });

    // "Advanced" → level 4, for the ESCO URI alignment and the exact-name alignment; the unknown one is ignored.
    const profile = ok(await t.gql(`query($id: ID!) { candidate(id: $id) { evidence { level source evidencedAt skill { id } } } }`, { id: candidateId })).candidate;
    expect(profile.evidence.map((e: any) => [e.skill.id, e.level, e.source, e.evidencedAt]).sort()).toEqual(
      [
        [ICT_ACCESSIBILITY.id, 4, 'CREDENTIAL', '2025-03-01T00:00:00.000Z'],
        [TEST_ACCESSIBILITY.id, 4, 'CREDENTIAL', '2025-03-01T00:00:00.000Z'],
      ].sort(),
    );
    expect(await count('skill_evidence WHERE earned_credential_id = $1', [earned.id])).toBe(2);
    // The learner's record lists the mapped skills (seen with the learner's record, not in the catalogue).
    expect(await catalogueCredential(earned.credential.id)).toBeNull();
    const catalogue = ok(
      await t.gql(`query($id: ID!) { candidate(id: $id) { credentials { credential { academicCredits skills { level skill { id } } } } } }`, { id: candidateId }),
    ).candidate.credentials[0].credential;
    expect(catalogue.academicCredits).toBe(2);
    expect(catalogue.skills.map((s: any) => [s.skill.id, s.level]).sort()).toEqual([[ICT_ACCESSIBILITY.id, 4], [TEST_ACCESSIBILITY.id, 4]].sort());
    expect(await totals()).toEqual({
      credentials: before.credentials + 1,
      credentialSkills: before.credentialSkills + 2,
      earned: before.earned + 1,
      evidence: before.evidence + 2,
    });

    // Another assertion of the same achievement (another credential id, no results): its own record again,
    // evidence at the default level.
    const other = accessibilityBadge({ id: 'urn:uuid:5b0f3a52-0000-4000-8000-000000000002' });
    delete other.credentialSubject.result;
    delete other.credentialSubject.achievement.resultDescription;
    const second = ok(await importBadge(candidateId, await signedJwt(other))).importBadge;
    expect(second.id).not.toBe(earned.id);
    expect(second.credential.id).not.toBe(earned.credential.id);
    expect(await t.dataSource.query('SELECT skill_id, level FROM skill_evidence WHERE earned_credential_id = $1 ORDER BY skill_id', [second.id])).toEqual(
      [
        { skill_id: ICT_ACCESSIBILITY.id, level: 3 },
        { skill_id: TEST_ACCESSIBILITY.id, level: 3 },
      ].sort((a, b) => a.skill_id.localeCompare(b.skill_id)),
    );
    expect(await count('credential')).toBe(before.credentials + 2);
  });

  it('fails the recipient check when the badge was issued to another email, and writes no evidence', async () => {
    const candidateId = await createCandidate('Someone Else', 'someone@example.org');
    const identifier = [{ type: 'IdentityObject', identityType: 'emailAddress', hashed: false, identityHash: 'learner@example.org' }];
    const earned = ok(await importBadge(candidateId, await signedJwt(accessibilityBadge({ id: 'urn:uuid:5b0f3a52-0000-4000-8000-000000000003', subject: { identifier } })))).importBadge;
    expect(earned.verification).toBe('FAILED');
    expect(earned.verificationChecks).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'recipient-identity', outcome: 'FAIL' })]));
    expect(await count('skill_evidence WHERE candidate_id = $1', [candidateId])).toBe(0);
  });

  it('maps an achievement named like a catalogue credential onto it only once its issuer is trusted for that catalogue issuer', async () => {
    const candidateId = await createCandidate('Team Player');
    const cred = ob3Credential(issuer.did, { id: 'urn:uuid:5b0f3a52-0000-4000-8000-000000000004', issuer: { id: issuer.did, type: ['Profile'], name: 'OpenLearn Academy' } });
    cred.credentialSubject.achievement = { id: 'https://openlearn.example/badges/teamwork', type: ['Achievement'], name: 'collaboration and teamwork', criteria: { narrative: 'Done.' } };
    const untrusted = ok(await importBadge(candidateId, await signedJwt(cred))).importBadge;
    expect([untrusted.verification, untrusted.credential.learnerRecord]).toEqual(['UNVERIFIED', true]);
    expect(untrusted.credential.id).not.toBe(TEAMWORK.id);

    // trusted, but for another catalogue issuer: VERIFIED, still the learner's own record
    await trust([{ id: issuer.did, trustedFor: ['Some Other Academy'] }]);
    cred.id = 'urn:uuid:5b0f3a52-0000-4000-8000-000000000014';
    const otherIssuer = ok(await importBadge(candidateId, await signedJwt(cred))).importBadge;
    expect([otherIssuer.verification, otherIssuer.verifiedBy, otherIssuer.credential.learnerRecord]).toEqual(['VERIFIED', issuer.did, true]);

    expect(await trust([{ id: issuer.did, trustedFor: ['OpenLearn Academy'] }])).toEqual({ loaded: 1, removed: 0 });
    cred.id = 'urn:uuid:5b0f3a52-0000-4000-8000-000000000024';
    const before = await totals();
    const earned = ok(await importBadge(candidateId, await signedJwt(cred))).importBadge;
    await trust([]);
    expect([earned.verification, earned.verifiedBy, earned.credential.learnerRecord]).toEqual(['VERIFIED', issuer.did, false]);
    expect(earned.credential.id).toBe(TEAMWORK.id);
    expect(await t.dataSource.query('SELECT skill_id, level FROM skill_evidence WHERE earned_credential_id = $1 ORDER BY skill_id', [earned.id])).toEqual(
      [...TEAMWORK.skills].sort().map((skill_id) => ({ skill_id, level: 2 })),
    );
    expect(await totals()).toEqual({ ...before, earned: before.earned + 1, evidence: before.evidence + 3 });
  });

  it('imports every credential of a CLR with importBadges; importBadge returns the first', async () => {
    const candidateId = await createCandidate('Record Holder');
    const clr = {
      '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
      id: 'urn:uuid:0e3a2c55-5f5e-4c1a-9d1e-9a1b2c3d4e5f',
      type: ['VerifiableCredential', 'ClrCredential'],
      issuer: { id: issuer.did, type: ['Profile'], name: 'Registrar' },
      validFrom: '2025-01-01T00:00:00Z',
      name: 'Learner record',
      credentialSubject: { id: 'did:example:learner-1', type: ['ClrSubject'], verifiableCredential: [fixtureJson(SIGNED), fixtureJson(EXPIRED)] },
    };
    const jwt = await issuer.sign({ iss: issuer.did, jti: clr.id, sub: 'did:example:learner-1', nbf: sec(clr.validFrom), vc: clr });
    const before = await totals();
    const all = ok(await t.gql(IMPORT_ALL, { input: { candidateId, credential: jwt } })).importBadges;
    expect(all.map((e: any) => [e.credential.name, e.verification])).toEqual([
      ['Text analysis', 'UNVERIFIED'],
      ['Teamwork', 'UNVERIFIED'],
    ]);
    expect(all[0].verificationChecks).toEqual(expect.arrayContaining([{ name: 'clr-envelope', outcome: 'PASS', detail: expect.any(String) }]));
    // Two learner records, two earned credentials.
    expect(await totals()).toEqual({ ...before, credentials: before.credentials + 2, earned: before.earned + 2 });
    const first = ok(await importBadge(candidateId, jwt)).importBadge;
    expect(first).toEqual(all[0]);
    // Each contained credential alone is the same credential.
    expect(ok(await importBadge(candidateId, readFixture(EXPIRED))).importBadge.id).toBe(all[1].id);
    expect(await totals()).toEqual({ ...before, credentials: before.credentials + 2, earned: before.earned + 2 });
  });

  it('records a credential imported twice at the same time once', async () => {
    const candidateId = await createCandidate('Double Click');
    const jwt = await signedJwt(accessibilityBadge({ id: 'urn:uuid:5b0f3a52-0000-4000-8000-000000000005' }));
    const before = await totals();
    const [a, b] = await Promise.all([importBadge(candidateId, jwt), importBadge(candidateId, jwt)]);
    expect(ok(a).importBadge.id).toBe(ok(b).importBadge.id);
    expect(await totals()).toEqual({ credentials: before.credentials + 1, credentialSkills: before.credentialSkills + 2, earned: before.earned + 1, evidence: before.evidence + 2 });
  });

  it('serves [] as the checks of an awarded catalogue credential', async () => {
    const candidateId = await createCandidate('Awarded Example');
    const awarded = ok(
      await t.gql(`mutation($input: AwardCredentialInput!) { awardCredential(input: $input) { id verificationChecks { name } } }`, {
        input: { candidateId, credentialId: TEAMWORK.id, issuedAt: '2024-01-01T00:00:00Z' },
      }),
    ).awardCredential;
    expect(awarded.verificationChecks).toEqual([]);
  });

  it('refuses what is not a credential and an unknown candidate, writing nothing', async () => {
    const candidateId = await createCandidate('Careful Example');
    const before = await totals();
    const cases: [string, string, string, string | RegExp][] = [
      [candidateId, 'this is not a credential', 'input.credential', /neither JSON nor a compact JWT/],
      [candidateId, '{"@context": ', 'input.credential', /not valid JSON/],
      [candidateId, 'https://badges.example/assertions/1', 'input.credential', /URL/],
      [candidateId, JSON.stringify({ type: ['VerifiableCredential'], issuer: 'did:example:1', credentialSubject: {} }), 'input.credential', /./],
      [candidateId, '', 'input.credential', /empty/],
      [candidateId, '   ', 'input.credential', /empty/],
      ['not-a-uuid', readFixture(SIGNED), 'input.candidateId', /input.candidateId must be an id/],
    ];
    for (const [id, credential, field, message] of cases) {
      const result = await importBadge(id, credential);
      expect([result.errors?.[0].extensions?.code, result.errors?.[0].extensions?.field]).toEqual(['BAD_USER_INPUT', field]);
      expect(result.errors?.[0].message).toMatch(message);
    }
    const unknown = await importBadge('00000000-0000-4000-8000-000000000000', readFixture(SIGNED));
    expect([unknown.errors?.[0].extensions?.code, unknown.errors?.[0].extensions?.field]).toEqual(['NOT_FOUND', 'input.candidateId']);
    const unknownAll = await t.gql(IMPORT_ALL, { input: { candidateId: '00000000-0000-4000-8000-000000000000', credential: readFixture(SIGNED) } });
    expect(unknownAll.errors?.[0].extensions?.code).toBe('NOT_FOUND');

    expect(await totals()).toEqual(before);
  });

  // Request bodies are capped at 1 MiB (src/bootstrap.ts), so a credential over 1 MiB never reaches GraphQL:
  // it is refused before anything runs, as a GraphQL error with BAD_USER_INPUT (HTTP 413).
  it('refuses a credential over 1 MiB (UTF-8 bytes) as BAD_USER_INPUT, writing nothing', async () => {
    const candidateId = await createCandidate('Large Example');
    const before = await totals();
    const tooLarge = JSON.stringify({ padding: 'é'.repeat(524_290) }); // multi-byte characters count twice
    expect(tooLarge.length).toBeLessThan(1_048_576);
    expect(Buffer.byteLength(tooLarge)).toBeGreaterThan(1_048_576);
    const large = await importBadge(candidateId, tooLarge);
    expect([large.status, large.errors?.[0].extensions?.code]).toEqual([413, 'BAD_USER_INPUT']);
    expect(large.errors?.[0].message).toMatch(/1048576 bytes/);
    expect(await totals()).toEqual(before);
  });
});
