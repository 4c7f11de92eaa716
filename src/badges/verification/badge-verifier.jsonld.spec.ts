import { createHash } from 'node:crypto';
import { encodeStatusList, jsonLdIssuer, ob3Credential, tamperSubject, trustListStore } from '../../../test/fixtures/open-badges/helpers';
import { escoSkillUris, levelFromResults } from './achievement-mapping';
import { BadgeVerifier } from './badge-verifier';
import type { BadgeVerificationResult, StatusListStore } from './types';

/** JSON-LD credentials signed in the tests with generated Ed25519 keys. */
const NOW = new Date('2026-06-01T00:00:00Z');
// Trusts every issuer by its own DID (a trust list listing them all): VERIFIED means intact here; untrusted cases build their own verifier.
const verifier = new BadgeVerifier({ now: () => NOW, trustedKeys: trustListStore() });
const ED25519_2020 = 'https://w3id.org/security/suites/ed25519-2020/v1';

function check(r: BadgeVerificationResult, name: string) {
  const c = r.checks.find((x) => x.name === name);
  if (!c) throw new Error(`no ${name} check in ${JSON.stringify(r.checks)}`);
  return c;
}

describe('JSON-LD credentials signed with generated keys', () => {
  it('did:key + DataIntegrityProof eddsa-rdfc-2022: VERIFIED; one changed character: FAILED', async () => {
    const issuer = await jsonLdIssuer();
    const signed = await issuer.sign(ob3Credential(issuer.did));
    expect(signed.proof).toMatchObject({ type: 'DataIntegrityProof', cryptosuite: 'eddsa-rdfc-2022' });
    expect((await verifier.verify(JSON.stringify(signed), {}))[0].status).toBe('VERIFIED');
    expect((await verifier.verify(JSON.stringify(tamperSubject(signed)), {}))[0].status).toBe('FAILED');
  });

  it('did:key + Ed25519Signature2020 on VC 1.1: VERIFIED', async () => {
    const issuer = await jsonLdIssuer();
    const cred = ob3Credential(issuer.did);
    cred['@context'] = ['https://www.w3.org/2018/credentials/v1', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json', ED25519_2020];
    delete cred.validFrom;
    cred.issuanceDate = '2024-01-01T00:00:00Z';
    const signed = await issuer.sign(cred, 'Ed25519Signature2020');
    const [r] = await verifier.verify(JSON.stringify(signed), {});
    expect(r.status).toBe('VERIFIED');
    expect(check(r, 'format').detail).toContain('1.1');
    expect(r.issuedAt).toEqual(new Date('2024-01-01T00:00:00Z'));
  });

  it('did:jwk issuer (Ed25519) resolved locally', async () => {
    const issuer = await jsonLdIssuer({ method: 'jwk' });
    expect(issuer.did).toMatch(/^did:jwk:/u);
    const signed = await issuer.sign(ob3Credential(issuer.did));
    expect(signed.proof.verificationMethod).toBe(`${issuer.did}#0`);
    expect((await verifier.verify(JSON.stringify(signed), {}))[0].status).toBe('VERIFIED');
    expect((await verifier.verify(JSON.stringify(tamperSubject(signed)), {}))[0].status).toBe('FAILED');
  });

  describe('did:web issuer (needs the trust store)', () => {
    const did = 'did:web:academy.example';
    const vmId = `${did}#key-1`;

    it('UNVERIFIED without a registered key (nothing is fetched)', async () => {
      const issuer = await jsonLdIssuer({ did, vmId });
      const [r] = await verifier.verify(JSON.stringify(await issuer.sign(ob3Credential(did))), {});
      expect(r.status).toBe('UNVERIFIED');
      expect(check(r, 'proof')).toMatchObject({ outcome: 'UNKNOWN', detail: expect.stringContaining('trust store') as unknown });
    });

    it('VERIFIED with the key registered (multikey string) — and FAILED when tampered', async () => {
      const issuer = await jsonLdIssuer({ did, vmId });
      const signed = await issuer.sign(ob3Credential(did));
      const v = new BadgeVerifier({ now: () => NOW, trustedKeys: { lookup: (id) => (id === vmId ? issuer.publicKeyMultibase : null) } });
      expect((await v.verify(JSON.stringify(signed), {}))[0].status).toBe('VERIFIED');
      expect((await v.verify(JSON.stringify(tamperSubject(signed)), {}))[0].status).toBe('FAILED');
    });

    it('FAILED when the signing key belongs to another DID than the issuer', async () => {
      const evil = 'did:web:evil.example';
      const issuer = await jsonLdIssuer({ did: evil, vmId: `${evil}#key-1` });
      const signed = await issuer.sign(ob3Credential(did));
      const v = new BadgeVerifier({ now: () => NOW, trustedKeys: { lookup: (id) => (id.startsWith(evil) ? issuer.publicKeyMultibase : null) } });
      const [r] = await v.verify(JSON.stringify(signed), {});
      expect(r.status).toBe('FAILED');
      expect(check(r, 'proof').detail).toMatch(/issuer must match the verification method controller/u);
    });
  });

  it('REVOKED from a JSON-LD status list credential known offline (signed by the same issuer)', async () => {
    const issuer = await jsonLdIssuer();
    const listUrl = 'https://academy.example/status/3';
    const list = await issuer.sign({
      '@context': ['https://www.w3.org/ns/credentials/v2'],
      id: listUrl,
      type: ['VerifiableCredential', 'BitstringStatusListCredential'],
      issuer: issuer.did,
      validFrom: '2024-01-01T00:00:00Z',
      credentialSubject: { id: `${listUrl}#list`, type: 'BitstringStatusList', statusPurpose: 'revocation', encodedList: encodeStatusList([5]) },
    });
    const statusLists: StatusListStore = { lookup: (u) => (u === listUrl ? list : null) };
    const v = new BadgeVerifier({ now: () => NOW, trustedKeys: trustListStore(), statusLists });
    const entry = (i: number) => ({
      credentialStatus: { id: `${listUrl}#${i}`, type: 'BitstringStatusListEntry', statusPurpose: 'revocation', statusListIndex: String(i), statusListCredential: listUrl },
    });
    const [revoked] = await v.verify(JSON.stringify(await issuer.sign(ob3Credential(issuer.did, entry(5)))), {});
    expect(revoked.status).toBe('REVOKED');
    const [fine] = await v.verify(JSON.stringify(await issuer.sign(ob3Credential(issuer.did, entry(6)))), {});
    expect(fine.status).toBe('VERIFIED');
    expect(check(fine, 'credential-status').outcome).toBe('PASS');
    // Without the store the same credential's status is unknown, not revoked.
    const [unknown] = await verifier.verify(JSON.stringify(await issuer.sign(ob3Credential(issuer.did, entry(5)))), {});
    expect(unknown.status).toBe('VERIFIED');
    expect(check(unknown, 'credential-status').outcome).toBe('UNKNOWN');
  });

  it('unsigned credential: UNVERIFIED; unsupported proof suite: UNVERIFIED', async () => {
    const issuer = await jsonLdIssuer();
    const [unsigned] = await verifier.verify(JSON.stringify(ob3Credential(issuer.did)), {});
    expect(unsigned.status).toBe('UNVERIFIED');
    expect(check(unsigned, 'proof').detail).toContain('no proof');
    const signed = await issuer.sign(ob3Credential(issuer.did));
    signed.proof.cryptosuite = 'ecdsa-rdfc-2019';
    const [other] = await verifier.verify(JSON.stringify(signed), {});
    expect(other.status).toBe('UNVERIFIED');
    expect(check(other, 'proof').detail).toContain('not supported');
  });

  it('checks a hashed email identifier of a signed JSON-LD credential', async () => {
    const issuer = await jsonLdIssuer();
    const salt = 's@lt';
    const identifier = [
      {
        type: 'IdentityObject',
        identityType: 'emailAddress',
        hashed: true,
        salt,
        identityHash: `sha256$${createHash('sha256').update(`grace@example.org${salt}`).digest('hex')}`,
      },
    ];
    const signed = JSON.stringify(await issuer.sign(ob3Credential(issuer.did, {}, { identifier })));
    expect((await verifier.verify(signed, { recipientEmail: 'Grace@Example.org' }))[0].status).toBe('VERIFIED');
    const [wrong] = await verifier.verify(signed, { recipientEmail: 'mallory@example.org' });
    expect(wrong.status).toBe('FAILED');
    expect(check(wrong, 'recipient-identity').outcome).toBe('FAIL');
  });

  it('extracts result descriptions and the achieved level', async () => {
    const issuer = await jsonLdIssuer();
    const cred = ob3Credential(issuer.did);
    cred.credentialSubject.achievement.creditsAvailable = 5;
    cred.credentialSubject.achievement.resultDescription = [
      {
        id: 'urn:uuid:rd-1',
        type: ['ResultDescription'],
        name: 'Proficiency',
        resultType: 'RubricCriterionLevel',
        rubricCriterionLevel: [
          { id: 'urn:uuid:lvl-1', type: ['RubricCriterionLevel'], name: 'Novice' },
          { id: 'urn:uuid:lvl-2', type: ['RubricCriterionLevel'], name: 'Competent' },
          { id: 'urn:uuid:lvl-3', type: ['RubricCriterionLevel'], name: 'Expert' },
        ],
      },
    ];
    cred.credentialSubject.result = [{ type: ['Result'], resultDescription: 'urn:uuid:rd-1', achievedLevel: 'urn:uuid:lvl-2' }];
    const [r] = await verifier.verify(JSON.stringify(await issuer.sign(cred)), {});
    expect(r.status).toBe('VERIFIED');
    expect(r.achievement.creditsAvailable).toBe(5);
    expect(r.results).toEqual([
      {
        resultDescriptionId: 'urn:uuid:rd-1',
        name: 'Proficiency',
        resultType: 'RubricCriterionLevel',
        achievedLevel: { id: 'urn:uuid:lvl-2', name: 'Competent' },
        levels: ['Novice', 'Competent', 'Expert'],
      },
    ]);
    expect(levelFromResults(r.results)).toEqual({ label: 'Competent', rank: 2, outOf: 3, description: 'Proficiency', source: 'rubric-level' });
    expect(escoSkillUris(r.achievement.alignments)).toEqual(['http://data.europa.eu/esco/skill/8d0e6b7a-2b2c-4f3d-9c6e-0f1a2b3c4d5e']);
  });
});
