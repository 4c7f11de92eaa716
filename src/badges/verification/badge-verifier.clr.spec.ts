import { fixtureJson, jsonLdIssuer, jwtIssuer, ob3Credential, tamperSubject, trustListStore } from '../../../test/fixtures/open-badges/helpers';
import { BadgeVerifier } from './badge-verifier';
import type { BadgeVerificationResult } from './types';

const NOW = new Date('2026-06-01T00:00:00Z');
// Trusts every issuer by its own DID (a trust list listing them all): VERIFIED means intact here; untrusted cases build their own verifier.
const verifier = new BadgeVerifier({ now: () => NOW, trustedKeys: trustListStore() });
const CLR_CONTEXT = 'https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json';
const A = 'v2/dataIntegrityProof/didKey/legacyRegistry-noStatus-noExpiry-alignments.json';
const B = 'v1/ed25519/didKey/oidf-noStatus-expired.json';

function check(r: BadgeVerificationResult, name: string) {
  const c = r.checks.find((x) => x.name === name);
  if (!c) throw new Error(`no ${name} check`);
  return c;
}

function clr(issuerId: string, items: unknown[]): Record<string, any> {
  return {
    '@context': ['https://www.w3.org/ns/credentials/v2', CLR_CONTEXT, 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
    id: 'urn:uuid:0e3a2c55-5f5e-4c1a-9d1e-9a1b2c3d4e5f',
    type: ['VerifiableCredential', 'ClrCredential'],
    issuer: { id: issuerId, type: ['Profile'], name: 'Registrar' },
    validFrom: '2025-01-01T00:00:00Z',
    name: 'Learner record',
    credentialSubject: { id: 'did:example:learner-1', type: ['ClrSubject'], verifiableCredential: items },
  };
}

function vcJwt(cred: Record<string, any>) {
  return { iss: cred.issuer.id, jti: cred.id, sub: cred.credentialSubject.id, nbf: Math.floor(Date.parse(cred.validFrom as string) / 1000), vc: cred };
}

describe('CLR 2.0: one result per contained credential', () => {
  it('a VC-JWT CLR with 2 embedded JSON-LD credentials gives 2 verified results', async () => {
    const registrar = await jwtIssuer('EdDSA');
    const jwt = await registrar.sign(vcJwt(clr(registrar.did, [fixtureJson(A), fixtureJson(B)])));
    const results = await verifier.verify(jwt, {});
    expect(results).toHaveLength(2);
    expect(results.map((r) => r.status)).toEqual(['VERIFIED', 'VERIFIED']);
    expect(results.map((r) => r.achievement.name)).toEqual(['Text analysis', fixtureJson(B).credentialSubject.achievement.name]);
    for (const r of results) {
      expect(r.format).toBe('OB3_JSONLD');
      expect(check(r, 'clr-envelope').outcome).toBe('PASS');
      expect(r.container).toMatchObject({ type: 'CLR', format: 'OB3_JWT', id: 'urn:uuid:0e3a2c55-5f5e-4c1a-9d1e-9a1b2c3d4e5f', issuerId: registrar.did });
    }
    expect(results[0].credentialHash).not.toBe(results[1].credentialHash);
    expect(check(results[1], 'validity-window').outcome).toBe('FAIL'); // B is expired
  });

  it('the contained credentials hash as they would alone (idempotent re-import)', async () => {
    const registrar = await jwtIssuer('EdDSA');
    const [inClr] = await verifier.verify(await registrar.sign(vcJwt(clr(registrar.did, [fixtureJson(A)]))), {});
    const [alone] = await verifier.verify(JSON.stringify(fixtureJson(A)), {});
    expect(inClr.credentialHash).toBe(alone.credentialHash);
  });

  it('a CLR may carry VC-JWT credentials', async () => {
    const registrar = await jwtIssuer('EdDSA');
    const school = await jwtIssuer('ES256');
    const inner = ob3Credential(school.did);
    const innerJwt = await school.sign(vcJwt(inner));
    const results = await verifier.verify(await registrar.sign(vcJwt(clr(registrar.did, [innerJwt, fixtureJson(A)]))), {});
    expect(results.map((r) => [r.format, r.status])).toEqual([
      ['OB3_JWT', 'VERIFIED'],
      ['OB3_JSONLD', 'VERIFIED'],
    ]);
  });

  it('a tampered credential inside a CLR fails on its own; the others stay verified', async () => {
    const registrar = await jwtIssuer('EdDSA');
    const results = await verifier.verify(await registrar.sign(vcJwt(clr(registrar.did, [tamperSubject(fixtureJson(A)), fixtureJson(B)]))), {});
    expect(results.map((r) => r.status)).toEqual(['FAILED', 'VERIFIED']);
  });

  it('a CLR whose envelope signature is broken fails every contained credential', async () => {
    const registrar = await jwtIssuer('EdDSA');
    const jwt = await registrar.sign(vcJwt(clr(registrar.did, [fixtureJson(A), fixtureJson(B)])));
    const other = await registrar.sign(vcJwt(clr(registrar.did, [fixtureJson(B), fixtureJson(A)])));
    const [h, p] = jwt.split('.');
    const forged = `${h}.${p}.${other.split('.')[2]}`;
    const results = await verifier.verify(forged, {});
    expect(results.map((r) => r.status)).toEqual(['FAILED', 'FAILED']);
    expect(check(results[0], 'clr-envelope').outcome).toBe('FAIL');
  });

  it('a JSON-LD CLR: the CLR context is not bundled, so the envelope is UNKNOWN and each credential is verified alone', async () => {
    const doc = clr('did:example:registrar', [fixtureJson(A), fixtureJson(B)]);
    const results = await verifier.verify(JSON.stringify(doc), {});
    expect(results).toHaveLength(2);
    expect(results.map((r) => r.status)).toEqual(['VERIFIED', 'VERIFIED']);
    expect(check(results[0], 'clr-envelope')).toMatchObject({ outcome: 'UNKNOWN', detail: expect.stringContaining('not bundled') as unknown });
    expect(results[0].container).toMatchObject({ type: 'CLR', format: 'OB3_JSONLD' });
  });

  it('an empty CLR is bad input', async () => {
    await expect(verifier.verify(JSON.stringify(clr('did:example:registrar', [])), {})).rejects.toMatchObject({ code: 'MALFORMED' });
  });

  it('a CLR item that is not an Open Badge is bad input', async () => {
    const plain = fixtureJson('v2/dataIntegrityProof/didKey/legacyRegistry-noStatus-noExpiry-minimal.json');
    await expect(verifier.verify(JSON.stringify(clr('did:example:registrar', [fixtureJson(A), plain])), {})).rejects.toMatchObject({
      code: 'UNKNOWN_CREDENTIAL_TYPE',
      reason: expect.stringContaining('CLR item 2') as unknown,
    });
  });

  it('a signed JSON-LD CLR is checked when its context is supplied (extraContexts; test stand-in context)', async () => {
    // NOT the official CLR 2.0 context (not on npm, not vendored): a minimal stand-in under its URL, to
    // exercise the envelope-proof path that the real context enables once the lead vendors it.
    const standIn = {
      '@context': {
        id: '@id',
        type: '@type',
        ClrCredential: { '@id': 'https://clr.test/vocab#ClrCredential' },
        ClrSubject: {
          '@id': 'https://clr.test/vocab#ClrSubject',
          '@context': {
            id: '@id',
            type: '@type',
            verifiableCredential: { '@id': 'https://www.w3.org/2018/credentials#verifiableCredential', '@type': '@id', '@container': '@graph' },
          },
        },
      },
    };
    const v = new BadgeVerifier({ now: () => NOW, trustedKeys: trustListStore(), extraContexts: { [CLR_CONTEXT]: standIn } });
    const registrar = await jsonLdIssuer({ extraContexts: { [CLR_CONTEXT]: standIn } });
    // same VC version inside and out: the VC 2.0 context's protected terms reach into embedded credentials
    const doc = clr(registrar.did, [fixtureJson(A), fixtureJson('v2/ed25519/didKey/legacy-noStatus-noExpiry.json')]);
    const signed = await registrar.sign(doc);
    const results = await v.verify(JSON.stringify(signed), {});
    expect(results.map((r) => r.status)).toEqual(['VERIFIED', 'VERIFIED']);
    expect(check(results[0], 'clr-envelope').outcome).toBe('PASS');
    signed.name = 'Learner record (edited)';
    const tampered = await v.verify(JSON.stringify(signed), {});
    expect(tampered.map((r) => r.status)).toEqual(['FAILED', 'FAILED']);
    expect(check(tampered[0], 'clr-envelope').outcome).toBe('FAIL');
  });
});
