import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadTrustListFile } from '../src/cli/trust-load';
import { jsonLdIssuer, jwtIssuer, ob3Credential, tamperSubject } from './fixtures/open-badges/helpers';
import { GqlResult, ok, startTestApp, TestApp } from './support/test-app';

/** Seeded catalogue credential (data/catalogue/credentials.json, key openlearn-teamwork). */
const TEAMWORK = {
  id: '6838cdb9-b803-59e4-a8d7-25f45d4c7ea4',
  name: 'Collaboration and Teamwork',
  issuer: 'OpenLearn Academy',
  skills: ['e90727ee-9b90-5ae7-b295-8430c9d6f848', 'dbcf1337-9191-5ae4-ae76-d0282d75339d', 'ffb5d8ea-84b5-57e4-bca9-4181cbf83626'],
};
const AS_OF = '2025-03-01T00:00:00Z';
const IMPORT = `mutation($input: ImportBadgeInput!) { importBadge(input: $input) {
  id verification verifiedBy expiresAt verificationChecks { name outcome detail } credential { id name issuer learnerRecord }
} }`;
const sec = (iso: string) => Math.floor(Date.parse(iso) / 1000);
const vcJwt = (c: Record<string, any>) => ({ iss: c.issuer.id, sub: c.credentialSubject.id, jti: c.id, nbf: sec(c.validFrom as string), vc: c });
const check = (e: { verificationChecks: { name: string; outcome: string; detail: string | null }[] }, name: string) => e.verificationChecks.find((c) => c.name === name);

describe('credentials you can trust: forged badges stay the learner’s own claim', () => {
  let t: TestApp;
  let jobId: string;
  let uris: string[];
  beforeAll(async () => {
    t = await startTestApp();
    jobId = ok(
      await t.gql(`mutation($input: CreateJobInput!) { createJob(input: $input) { id } }`, {
        input: { title: 'Team facilitator', requirements: TEAMWORK.skills.map((skillId) => ({ skillId, level: 3, weight: 1 })) },
      }),
    ).createJob.id;
    uris = await Promise.all(TEAMWORK.skills.map(async (id) => ok(await t.gql(`query($id: ID!) { skill(id: $id) { externalUri } }`, { id })).skill.externalUri as string));
  });
  afterAll(() => t.close());

  const candidate = async (name: string) => ok(await t.gql(`mutation($n: String!) { createCandidate(input: { name: $n }) { id } }`, { n: name })).createCandidate.id as string;
  const importBadge = async (candidateId: string, credential: string | object) =>
    ok(await t.gql(IMPORT, { input: { candidateId, credential: typeof credential === 'string' ? credential : JSON.stringify(credential) } })).importBadge;
  const score = async (candidateId: string) =>
    ok(await t.gql(`query($c: ID!, $j: ID!, $a: DateTime) { matchCandidate(candidateId: $c, jobId: $j, asOf: $a) { score } }`, { c: candidateId, j: jobId, a: AS_OF })).matchCandidate
      .score as number;
  const catalogue = async () => (await t.dataSource.query(`SELECT id, name, issuer FROM credential WHERE owner_candidate_id IS NULL ORDER BY id`)) as unknown[];
  const loadTrust = (issuers: unknown[]) => t.gql(`mutation($d: String!) { loadTrustList(document: $d) { loaded removed issuers { issuerId trustedFor } } }`, { d: JSON.stringify({ issuers }) });

  /** An OB3 badge naming the catalogue certification, aligned to its skills. */
  const teamworkBadge = (issuerId: string, id: string) => {
    const c = ob3Credential(issuerId, { id, validFrom: AS_OF, issuer: { id: issuerId, type: ['Profile'], name: TEAMWORK.issuer } });
    c.credentialSubject.achievement = {
      id: 'https://openlearn.example/badges/teamwork',
      type: ['Achievement'],
      name: TEAMWORK.name,
      criteria: { narrative: 'Done.' },
      alignment: uris.map((targetUrl) => ({ type: ['Alignment'], targetUrl, targetFramework: 'ESCO' })),
    };
    return c;
  };

  it('a self-signed did:jwk badge naming a catalogue certification: UNVERIFIED, not mapped, catalogue unchanged, scored as a claim', async () => {
    const forger = await jwtIssuer('EdDSA');
    const learner = await candidate('Forging Learner');
    const before = await catalogue();
    const scoreBefore = await score(learner);

    const forged = await importBadge(learner, await forger.sign(vcJwt(teamworkBadge(forger.did, 'urn:uuid:f0e9d8c7-0000-4000-8000-000000000001'))));
    expect(forged).toMatchObject({ verification: 'UNVERIFIED', verifiedBy: null, credential: { name: TEAMWORK.name, issuer: TEAMWORK.issuer, learnerRecord: true } });
    expect(forged.credential.id).not.toBe(TEAMWORK.id);
    expect(check(forged, 'proof')?.outcome).toBe('PASS');
    expect(check(forged, 'issuer-trust')).toMatchObject({ outcome: 'FAIL', detail: expect.stringContaining('self-made identity (did:jwk') });
    expect(await catalogue()).toEqual(before);
    // never recommended: the learner's record is not in the catalogue pathways draw from
    const recs = ok(await t.gql(`query($c: ID!, $j: ID!) { recommendCredentials(candidateId: $c, jobId: $j, first: 50) { credential { id } } }`, { c: learner, j: jobId }))
      .recommendCredentials;
    expect(recs.map((r: any) => r.credential.id)).not.toContain(forged.credential.id);

    // The same badge, awarded from the catalogue (what a trusted import would give): full confidence.
    const holder = await candidate('Awarded Holder');
    ok(await t.gql(`mutation($input: AwardCredentialInput!) { awardCredential(input: $input) { id } }`, { input: { candidateId: holder, credentialId: TEAMWORK.id, issuedAt: AS_OF } }));
    const forgedScore = await score(learner);
    const verifiedScore = await score(holder);
    expect(forgedScore).toBeGreaterThan(scoreBefore);
    expect(forgedScore).toBeLessThan(verifiedScore);
    // 3 (default level) × 0.6 (UNVERIFIED, as self-reported) against required level 3 on each requirement;
    // the catalogue credential: its level 2 × 1.0 against 3
    expect(forgedScore).toBeCloseTo(0.6, 6);
    expect(verifiedScore).toBeCloseTo(2 / 3, 6);

    // deleting the learner deletes their own records with them (the catalogue stays)
    ok(await t.gql(`mutation($id: ID!) { deleteCandidate(id: $id) }`, { id: learner }));
    expect(await t.dataSource.query(`SELECT id FROM credential WHERE id = $1`, [forged.credential.id])).toEqual([]);
    expect(await catalogue()).toEqual(before);
  });

  it('the same issuer on the trust list, for the catalogue issuer: VERIFIED, mapped onto the catalogue credential at full confidence', async () => {
    const school = await jwtIssuer('EdDSA');
    const learner = await candidate('Trusted Learner');
    ok(await loadTrust([{ id: school.did, name: 'OpenLearn', trustedFor: [TEAMWORK.issuer] }]));
    const before = await catalogue();
    const earned = await importBadge(learner, await school.sign(vcJwt(teamworkBadge(school.did, 'urn:uuid:f0e9d8c7-0000-4000-8000-000000000002'))));
    ok(await loadTrust([]));
    expect(earned).toMatchObject({ verification: 'VERIFIED', verifiedBy: school.did, credential: { id: TEAMWORK.id, learnerRecord: false } });
    expect(check(earned, 'issuer-trust')?.outcome).toBe('PASS');
    expect(await catalogue()).toEqual(before);
    expect(await score(learner)).toBeCloseTo(2 / 3, 6); // the catalogue's levels (2) at full confidence, as awarded
  });

  it('a key given in the verification method fragment: UNVERIFIED / FAILED, then VERIFIED / FAILED once the ADMIN registers it', async () => {
    const ISSUER = 'https://issuer.example/issuers/1';
    const issuer = await jsonLdIssuer({ did: ISSUER, fragmentKey: true });
    const learner = await candidate('Fragment Learner');
    const intact = (n: number) => issuer.sign(ob3Credential(ISSUER, { id: `urn:uuid:f0e9d8c7-0000-4000-8000-00000000010${n}` }));
    const c1 = await intact(1);
    expect((await importBadge(learner, c1)).verification).toBe('UNVERIFIED');
    expect((await importBadge(learner, tamperSubject(c1))).verification).toBe('FAILED');

    ok(await t.gql(`mutation($input: RegisterIssuerKeyInput!) { registerIssuerKey(input: $input) { keyId } }`, {
      input: { keyId: ISSUER, issuerId: ISSUER, publicKeyMultibase: issuer.publicKeyMultibase },
    }));
    const c2 = await intact(2);
    const after = await importBadge(learner, c2);
    expect([after.verification, after.verifiedBy]).toEqual(['VERIFIED', ISSUER]);
    const tampered = await importBadge(learner, tamperSubject(c2));
    expect(tampered.verification).toBe('FAILED');
    expect(check(tampered, 'proof')?.outcome).toBe('FAIL');
    // a recruiter sees verified / unverified and by whom on the candidate's credentials
    const seen = ok(await t.as('RECRUITER')(`query($id: ID!) { candidate(id: $id) { credentials { verification verifiedBy } } }`, { id: learner })).candidate.credentials;
    expect(seen).toEqual(
      expect.arrayContaining([
        { verification: 'UNVERIFIED', verifiedBy: null },
        { verification: 'VERIFIED', verifiedBy: ISSUER },
        { verification: 'FAILED', verifiedBy: null },
      ]),
    );
  });

  it('an expired credential keeps its expiresAt whatever its status', async () => {
    const forger = await jwtIssuer('ES256');
    const learner = await candidate('Expired Learner');
    const c = ob3Credential(forger.did, { id: 'urn:uuid:f0e9d8c7-0000-4000-8000-000000000201', validFrom: '2020-01-01T00:00:00Z', validUntil: '2021-01-01T00:00:00Z' });
    const jwt = await forger.sign({ ...vcJwt(c), exp: sec('2021-01-01T00:00:00Z') });
    const earned = await importBadge(learner, jwt);
    expect([earned.verification, earned.expiresAt]).toEqual(['UNVERIFIED', '2021-01-01T00:00:00.000Z']);
    expect(check(earned, 'validity-window')?.outcome).toBe('FAIL');
    // validUntil before validFrom: still recorded as stated
    const odd = ob3Credential(forger.did, { id: 'urn:uuid:f0e9d8c7-0000-4000-8000-000000000202', validFrom: '2022-01-01T00:00:00Z', validUntil: '2021-06-01T00:00:00Z' });
    expect((await importBadge(learner, await forger.sign({ ...vcJwt(odd), exp: sec('2021-06-01T00:00:00Z') }))).expiresAt).toBe('2021-06-01T00:00:00.000Z');
  });

  it('loads the trust list from a file with the CLI loader; a bad list is refused with the field, changing nothing', async () => {
    const issuer = await jsonLdIssuer();
    const dir = mkdtempSync(join(tmpdir(), 'trust-'));
    const file = join(dir, 'trust-list.json');
    writeFileSync(file, JSON.stringify({ issuers: [{ id: issuer.did, name: 'Example University', trustedFor: 'Example University' }] }));
    expect(await loadTrustListFile(file, t.dataSource)).toEqual({ loaded: 1, removed: 0 });
    const listed = ok(await t.gql(`{ trustedIssuers { issuerId name trustedFor loadedBy } }`)).trustedIssuers;
    expect(listed).toEqual([{ issuerId: issuer.did, name: 'Example University', trustedFor: ['Example University'], loadedBy: null }]);

    const learner = await candidate('Listed Learner');
    const earned = await importBadge(learner, await issuer.sign(ob3Credential(issuer.did, { id: 'urn:uuid:f0e9d8c7-0000-4000-8000-000000000301' })));
    expect([earned.verification, earned.verifiedBy]).toEqual(['VERIFIED', issuer.did]);

    // a did:web issuer listed with its key: its credentials verify with that key
    const web = await jsonLdIssuer({ did: 'did:web:listed.example' });
    const withKey = ok(await loadTrust([{ id: web.did, trustedFor: ['Listed Academy'], publicKeys: [web.publicKeyMultibase] }])).loadTrustList;
    expect(withKey).toMatchObject({ loaded: 1, removed: 1, issuers: [{ issuerId: web.did, trustedFor: ['Listed Academy'] }] });
    const webEarned = await importBadge(learner, await web.sign(ob3Credential(web.did, { id: 'urn:uuid:f0e9d8c7-0000-4000-8000-000000000302' })));
    expect([webEarned.verification, webEarned.verifiedBy]).toEqual(['VERIFIED', web.did]);
    expect(await loadTrustListFile(file, t.dataSource)).toEqual({ loaded: 1, removed: 1 });

    const bad: GqlResult = await loadTrust([{ id: issuer.did, trustedFor: [] }]);
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'document' });
    expect(bad.errors?.[0]?.message).toContain('issuers[0].trustedFor');
    expect(ok(await t.gql(`{ trustedIssuers { issuerId } }`)).trustedIssuers).toHaveLength(1);
    const refused = await t.as('RECRUITER')(`mutation($d: String!) { loadTrustList(document: $d) { loaded } }`, { d: '{"issuers": []}' });
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(ok(await loadTrust([])).loadTrustList).toMatchObject({ loaded: 0, removed: 1 });
  });
});
