import { createHash } from 'node:crypto';
import { b64url, encodeStatusList, jwtIssuer, ob3Credential, trustListStore } from '../../../test/fixtures/open-badges/helpers';
import { BadgeVerifier } from './badge-verifier';
import { loadLibs } from './esm-libs';
import { jwkToMultibase } from './keys';
import type { BadgeVerificationResult, StatusListStore, TrustedKey } from './types';

const NOW = new Date('2026-06-01T00:00:00Z');
// Trusts every issuer by its own DID (a trust list listing them all): VERIFIED means intact here; untrusted cases build their own verifier.
const verifier = new BadgeVerifier({ now: () => NOW, trustedKeys: trustListStore() });
const sec = (iso: string) => Math.floor(new Date(iso).getTime() / 1000);

function check(r: BadgeVerificationResult, name: string) {
  const c = r.checks.find((x) => x.name === name);
  if (!c) throw new Error(`no ${name} check in ${JSON.stringify(r.checks)}`);
  return c;
}

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

/** Same JWT with one character of the payload's credentialSubject changed (signature kept). */
function tamperJwt(jwt: string): string {
  const [h, p, s] = jwt.split('.');
  const payload = JSON.parse(Buffer.from(p, 'base64url').toString()) as Record<string, any>;
  const cred = (payload.vc ?? payload) as Record<string, any>;
  cred.credentialSubject.achievement.name = `X${(cred.credentialSubject.achievement.name as string).slice(1)}`;
  return `${h}.${b64url(payload)}.${s}`;
}

function store(entries: Record<string, TrustedKey>) {
  return { lookup: (id: string) => entries[id] ?? null };
}

describe('OB3 as VC-JWT', () => {
  it('verifies an EdDSA VC-JWT (vc claim, typ JWT) from a did:jwk issuer', async () => {
    const issuer = await jwtIssuer('EdDSA');
    const cred = ob3Credential(issuer.did);
    const jwt = await issuer.sign(vcJwtPayload(cred));
    const [r] = await verifier.verify(jwt, {});
    expect(r.format).toBe('OB3_JWT');
    expect(r.status).toBe('VERIFIED');
    expect(check(r, 'proof').outcome).toBe('PASS');
    expect(check(r, 'jwt-claims').outcome).toBe('PASS');
    expect(check(r, 'issuer-key')).toMatchObject({ outcome: 'PASS', detail: expect.stringContaining('did:jwk') as unknown });
    expect(r.credentialHash).toBe(createHash('sha256').update(jwt).digest('hex'));
    expect(r.achievement.name).toBe('Data Analysis');
    expect(r.issuer).toEqual({ id: issuer.did, name: 'Test Academy' });
  });

  it('verifies an ES256 VC-JOSE credential (typ vc+jwt, credential as payload)', async () => {
    const issuer = await jwtIssuer('ES256');
    const jwt = await issuer.sign(ob3Credential(issuer.did), { typ: 'vc+jwt' });
    const [r] = await verifier.verify(jwt, {});
    expect(r.status).toBe('VERIFIED');
    expect(check(r, 'format').detail).toContain('credential payload');
  });

  it('resolves a did:key kid locally', async () => {
    const libs = await loadLibs();
    const { jose } = libs;
    const { privateKey, publicKey } = await jose.generateKeyPair('EdDSA', { extractable: true });
    const multibase = await jwkToMultibase(libs, await jose.exportJWK(publicKey));
    const did = `did:key:${multibase}`;
    const jwt = await new jose.SignJWT(vcJwtPayload(ob3Credential(did)) as never)
      .setProtectedHeader({ alg: 'EdDSA', typ: 'JWT', kid: `${did}#${multibase}` })
      .sign(privateKey);
    const [r] = await verifier.verify(jwt, {});
    expect(r.status).toBe('VERIFIED');
    expect(check(r, 'issuer-key').detail).toContain('did:key');
  });

  it('fails a JWT whose credentialSubject was changed by one character', async () => {
    const issuer = await jwtIssuer('EdDSA');
    const jwt = await issuer.sign(vcJwtPayload(ob3Credential(issuer.did)));
    const [r] = await verifier.verify(tamperJwt(jwt), {});
    expect(r.status).toBe('FAILED');
    expect(check(r, 'proof').outcome).toBe('FAIL');
  });

  it.each([
    ['iss', { iss: 'did:example:someone-else' }, /iss .* differs from issuer/u],
    ['sub', { sub: 'did:example:other-learner' }, /sub .* differs from credentialSubject.id/u],
    ['jti', { jti: 'urn:uuid:other' }, /jti .* differs from id/u],
    ['nbf', { nbf: sec('2023-01-01T00:00:00Z') }, /nbf .* differs from validFrom/u],
    ['exp', { exp: sec('2030-01-01T00:00:00Z') }, /exp .* differs from validUntil/u],
  ])('fails when the %s claim contradicts the credential', async (_name, override, detail) => {
    const issuer = await jwtIssuer('EdDSA');
    const cred = ob3Credential(issuer.did, { validUntil: '2031-01-01T00:00:00Z' });
    const jwt = await issuer.sign({ ...vcJwtPayload(cred), ...override });
    const [r] = await verifier.verify(jwt, {});
    expect(r.status).toBe('FAILED');
    expect(check(r, 'jwt-claims')).toMatchObject({ outcome: 'FAIL', detail: expect.stringMatching(detail) as unknown });
  });

  it('fills the credential from the registered claims when the vc claim leaves them out', async () => {
    const issuer = await jwtIssuer('EdDSA');
    const cred = ob3Credential(issuer.did);
    const payload = vcJwtPayload(cred);
    const vc = structuredClone(cred);
    delete vc.issuer;
    delete vc.id;
    delete vc.validFrom;
    delete vc.credentialSubject.id;
    const jwt = await issuer.sign({ ...payload, exp: sec('2030-01-01T00:00:00Z'), vc });
    const [r] = await verifier.verify(jwt, {});
    expect(r.status).toBe('VERIFIED');
    expect(r.issuer.id).toBe(issuer.did);
    expect(r.credentialId).toBe(cred.id);
    expect(r.subject.id).toBe('did:example:learner-1');
    expect(r.issuedAt).toEqual(new Date('2024-01-01T00:00:00Z'));
    expect(r.expiresAt).toEqual(new Date('2030-01-01T00:00:00Z'));
  });

  it('reports an expired JWT credential (exp = validUntil in the past) and keeps VERIFIED', async () => {
    const issuer = await jwtIssuer('EdDSA');
    const jwt = await issuer.sign(vcJwtPayload(ob3Credential(issuer.did, { validUntil: '2025-01-01T00:00:00Z' })));
    const [r] = await verifier.verify(jwt, {});
    expect(r.status).toBe('VERIFIED');
    expect(r.expiresAt).toEqual(new Date('2025-01-01T00:00:00Z'));
    expect(check(r, 'validity-window')).toMatchObject({ outcome: 'FAIL', detail: expect.stringMatching(/^expired/u) as unknown });
  });

  it('reports a not-yet-valid JWT credential', async () => {
    const issuer = await jwtIssuer('EdDSA');
    const jwt = await issuer.sign(vcJwtPayload(ob3Credential(issuer.did, { validFrom: '2030-01-01T00:00:00Z' })));
    const [r] = await verifier.verify(jwt, {});
    expect(check(r, 'validity-window').detail).toMatch(/^not yet valid/u);
  });

  describe('issuer keys that are not resolvable offline', () => {
    const issuerId = 'did:web:academy.example';
    const kid = `${issuerId}#key-1`;

    it('did:web without a trusted key: UNVERIFIED, no fetch', async () => {
      const issuer = await jwtIssuer('EdDSA', { did: issuerId, kid });
      const [r] = await verifier.verify(await issuer.sign(vcJwtPayload(ob3Credential(issuerId))), {});
      expect(r.status).toBe('UNVERIFIED');
      expect(check(r, 'proof').outcome).toBe('UNKNOWN');
      expect(check(r, 'issuer-key').detail).toContain('trust store');
    });

    it('did:web with the key registered by an ADMIN (by kid or by issuer): VERIFIED', async () => {
      const issuer = await jwtIssuer('EdDSA', { did: issuerId, kid });
      const jwt = await issuer.sign(vcJwtPayload(ob3Credential(issuerId)));
      const variants: Record<string, TrustedKey>[] = [{ [kid]: issuer.publicJwk }, { [issuerId]: issuer.publicJwk }, { [kid]: { publicKeyJwk: issuer.publicJwk, controller: issuerId } }];
      for (const entries of variants) {
        const v = new BadgeVerifier({ now: () => NOW, trustedKeys: store(entries) });
        const [r] = await v.verify(jwt, {});
        expect(r.status).toBe('VERIFIED');
        expect(check(r, 'issuer-key').detail).toContain('trust-store');
      }
    });

    it('did:web with a different registered key: FAILED', async () => {
      const issuer = await jwtIssuer('EdDSA', { did: issuerId, kid });
      const other = await jwtIssuer('EdDSA');
      const v = new BadgeVerifier({ now: () => NOW, trustedKeys: store({ [kid]: other.publicJwk }) });
      const [r] = await v.verify(await issuer.sign(vcJwtPayload(ob3Credential(issuerId))), {});
      expect(r.status).toBe('FAILED');
      expect(check(r, 'proof').outcome).toBe('FAIL');
    });

    it('an https issuer with a key registered under the issuer id: VERIFIED', async () => {
      const httpsIssuer = 'https://academy.example/issuer';
      const issuer = await jwtIssuer('ES256', { did: httpsIssuer, kid: 'key-2024' });
      const v = new BadgeVerifier({ now: () => NOW, trustedKeys: store({ [httpsIssuer]: issuer.publicJwk }) });
      const [r] = await v.verify(await issuer.sign(vcJwtPayload(ob3Credential(httpsIssuer))), {});
      expect(r.status).toBe('VERIFIED');
    });

    it('an inline jwk header proves integrity but not the issuer: UNVERIFIED', async () => {
      const httpsIssuer = 'https://academy.example/issuer';
      const issuer = await jwtIssuer('EdDSA', { did: httpsIssuer });
      const jwt = await issuer.sign(vcJwtPayload(ob3Credential(httpsIssuer)), { kid: undefined, jwk: issuer.publicJwk });
      const [r] = await verifier.verify(jwt, {});
      expect(r.status).toBe('UNVERIFIED');
      expect(check(r, 'proof').outcome).toBe('PASS');
      expect(check(r, 'issuer-key')).toMatchObject({ outcome: 'PASS', detail: expect.stringContaining('inline-jwk') as unknown });
      expect(check(r, 'issuer-trust')).toMatchObject({ outcome: 'FAIL', detail: expect.stringContaining('not one registered or listed') as unknown });
      const [t] = await verifier.verify(tamperJwt(jwt), {});
      expect(t.status).toBe('FAILED');
    });

    it('a kid controlled by someone other than the issuer: FAILED', async () => {
      const impostor = await jwtIssuer('EdDSA');
      const victim = await jwtIssuer('EdDSA');
      const [r] = await verifier.verify(await impostor.sign(vcJwtPayload(ob3Credential(victim.did))), {});
      expect(r.status).toBe('FAILED');
      expect(check(r, 'issuer-key').outcome).toBe('FAIL');
    });
  });
});

describe('credential status known offline (StatusListStore)', () => {
  const listUrl = 'https://academy.example/status/1';
  const entry = (index: number, purpose = 'revocation') => ({
    credentialStatus: {
      id: `${listUrl}#${index}`,
      type: 'BitstringStatusListEntry',
      statusPurpose: purpose,
      statusListIndex: String(index),
      statusListCredential: listUrl,
    },
  });
  const listJwt = async (issuer: Awaited<ReturnType<typeof jwtIssuer>>, bits: number[], purpose = 'revocation') =>
    issuer.sign(
      vcJwtPayload({
        '@context': ['https://www.w3.org/ns/credentials/v2'],
        id: listUrl,
        type: ['VerifiableCredential', 'BitstringStatusListCredential'],
        issuer: { id: issuer.did },
        validFrom: '2024-01-01T00:00:00Z',
        credentialSubject: { id: `${listUrl}#list`, type: 'BitstringStatusList', statusPurpose: purpose, encodedList: encodeStatusList(bits) },
      }),
    );
  const lists = (m: Record<string, string>): StatusListStore => ({ lookup: (u) => m[u] ?? null });

  it('REVOKED when the issuer-signed list has the bit set', async () => {
    const issuer = await jwtIssuer('EdDSA');
    const v = new BadgeVerifier({ now: () => NOW, trustedKeys: trustListStore(), statusLists: lists({ [listUrl]: await listJwt(issuer, [3, 42]) }) });
    const [r] = await v.verify(await issuer.sign(vcJwtPayload(ob3Credential(issuer.did, entry(42)))), {});
    expect(r.status).toBe('REVOKED');
    expect(check(r, 'credential-status')).toMatchObject({ outcome: 'FAIL', detail: expect.stringContaining('revoked') as unknown });
  });

  it('suspension bit set: REVOKED too (not currently valid)', async () => {
    const issuer = await jwtIssuer('EdDSA');
    const v = new BadgeVerifier({ now: () => NOW, trustedKeys: trustListStore(), statusLists: lists({ [listUrl]: await listJwt(issuer, [7], 'suspension') }) });
    const [r] = await v.verify(await issuer.sign(vcJwtPayload(ob3Credential(issuer.did, entry(7, 'suspension')))), {});
    expect(r.status).toBe('REVOKED');
    expect(check(r, 'credential-status').detail).toContain('suspended');
  });

  it('VERIFIED with a PASS status when the bit is clear', async () => {
    const issuer = await jwtIssuer('EdDSA');
    const v = new BadgeVerifier({ now: () => NOW, trustedKeys: trustListStore(), statusLists: lists({ [listUrl]: await listJwt(issuer, [3]) }) });
    const [r] = await v.verify(await issuer.sign(vcJwtPayload(ob3Credential(issuer.did, entry(42)))), {});
    expect(r.status).toBe('VERIFIED');
    expect(check(r, 'credential-status').outcome).toBe('PASS');
  });

  it('UNKNOWN when the list is not known offline, or was signed by another issuer', async () => {
    const issuer = await jwtIssuer('EdDSA');
    const other = await jwtIssuer('EdDSA');
    const jwt = await issuer.sign(vcJwtPayload(ob3Credential(issuer.did, entry(42))));
    const [a] = await verifier.verify(jwt, {});
    expect(a.status).toBe('VERIFIED');
    expect(check(a, 'credential-status').outcome).toBe('UNKNOWN');
    const v = new BadgeVerifier({ now: () => NOW, trustedKeys: trustListStore(), statusLists: lists({ [listUrl]: await listJwt(other, [42]) }) });
    const [b] = await v.verify(jwt, {});
    expect(b.status).toBe('VERIFIED');
    expect(check(b, 'credential-status')).toMatchObject({ outcome: 'UNKNOWN', detail: expect.stringContaining('not by the credential issuer') as unknown });
  });

  it('UNKNOWN when the status list credential has a bad signature', async () => {
    const issuer = await jwtIssuer('EdDSA');
    const good = await listJwt(issuer, [42]);
    const [h, , s] = good.split('.');
    const forged = await listJwt(issuer, []);
    const tampered = `${h}.${forged.split('.')[1]}.${s}`;
    const v = new BadgeVerifier({ now: () => NOW, trustedKeys: trustListStore(), statusLists: lists({ [listUrl]: tampered }) });
    const [r] = await v.verify(await issuer.sign(vcJwtPayload(ob3Credential(issuer.did, entry(42)))), {});
    expect(check(r, 'credential-status').outcome).toBe('UNKNOWN');
    expect(r.status).toBe('VERIFIED');
  });
});

describe('recipient identity hash', () => {
  const salt = 'pepper-123';
  const email = 'Ada.Lovelace@example.org';
  const identifier = (e: string, hashed = true) => ({
    identifier: [
      {
        type: 'IdentityObject',
        identityType: 'emailAddress',
        hashed,
        salt,
        identityHash: hashed ? `sha256$${createHash('sha256').update(e + salt).digest('hex')}` : e,
      },
    ],
  });

  it('PASS when the hash matches the candidate email (case-insensitive)', async () => {
    const issuer = await jwtIssuer('EdDSA');
    const jwt = await issuer.sign(vcJwtPayload(ob3Credential(issuer.did, {}, identifier(email.toLowerCase()))));
    const [r] = await verifier.verify(jwt, { recipientEmail: email });
    expect(r.status).toBe('VERIFIED');
    expect(check(r, 'recipient-identity').outcome).toBe('PASS');
    expect(r.subject.identityHash).toMatch(/^sha256\$[0-9a-f]{64}$/u);
  });

  it('FAILED when it was issued to another email', async () => {
    const issuer = await jwtIssuer('EdDSA');
    const jwt = await issuer.sign(vcJwtPayload(ob3Credential(issuer.did, {}, identifier('someone.else@example.org'))));
    const [r] = await verifier.verify(jwt, { recipientEmail: email });
    expect(r.status).toBe('FAILED');
    expect(check(r, 'recipient-identity').outcome).toBe('FAIL');
  });

  it('SKIPPED when the candidate has no email', async () => {
    const issuer = await jwtIssuer('EdDSA');
    const jwt = await issuer.sign(vcJwtPayload(ob3Credential(issuer.did, {}, identifier(email))));
    const [r] = await verifier.verify(jwt, { recipientEmail: null });
    expect(r.status).toBe('VERIFIED');
    expect(check(r, 'recipient-identity').outcome).toBe('SKIPPED');
  });

  it('compares an unhashed email identity as plain text', async () => {
    const issuer = await jwtIssuer('EdDSA');
    const jwt = await issuer.sign(vcJwtPayload(ob3Credential(issuer.did, {}, identifier('ada.lovelace@example.org', false))));
    expect((await verifier.verify(jwt, { recipientEmail: email }))[0].status).toBe('VERIFIED');
    expect((await verifier.verify(jwt, { recipientEmail: 'x@example.org' }))[0].status).toBe('FAILED');
  });
});

describe('Open Badges 2.0', () => {
  const issuerUrl = 'https://badges.example/issuer';
  const keyUrl = 'https://badges.example/keys/1';
  const revocationList = 'https://badges.example/revocations';
  const salt = 'deadsea';
  const email = 'learner@example.org';
  let signer: Awaited<ReturnType<typeof jwtIssuer>>;
  beforeAll(async () => {
    signer = await jwtIssuer('RS256', { did: issuerUrl, kid: keyUrl });
  });
  function assertion(extra: Record<string, unknown> = {}): Record<string, any> {
    return {
      '@context': 'https://w3id.org/openbadges/v2',
      type: 'Assertion',
      id: 'urn:uuid:3c1d6f3e-0000-4000-8000-000000000001',
      recipient: { type: 'email', hashed: true, salt, identity: `sha256$${createHash('sha256').update(email + salt).digest('hex')}` },
      issuedOn: '2024-03-01T00:00:00Z',
      expires: '2030-03-01T00:00:00Z',
      verification: { type: 'SignedBadge', creator: keyUrl },
      badge: {
        type: 'BadgeClass',
        id: 'urn:uuid:3c1d6f3e-0000-4000-8000-000000000002',
        name: 'SQL Basics',
        description: 'Writes SELECT queries with joins.',
        criteria: { narrative: 'Completed 10 exercises.' },
        alignment: [{ targetName: 'use databases', targetUrl: 'http://data.europa.eu/esco/skill/1a2b3c4d-0000-4000-8000-00000000abcd' }],
        issuer: { type: 'Profile', id: issuerUrl, name: 'Badge Org', revocationList },
      },
      ...extra,
    };
  }

  it('verifies a signed assertion (RS256 JWS) with the ADMIN-registered key', async () => {
    const jws = await signer.sign(assertion(), { typ: undefined, kid: undefined });
    const v = new BadgeVerifier({ now: () => NOW, trustedKeys: store({ [keyUrl]: { publicKeyJwk: signer.publicJwk, controller: issuerUrl } }) });
    const [r] = await v.verify(jws, { recipientEmail: email });
    expect(r.format).toBe('OB2_JWS');
    expect(r.status).toBe('VERIFIED');
    expect(check(r, 'recipient-identity').outcome).toBe('PASS');
    expect(check(r, 'credential-status').outcome).toBe('UNKNOWN');
    expect(r.issuer).toEqual({ id: issuerUrl, name: 'Badge Org' });
    expect(r.achievement).toMatchObject({ name: 'SQL Basics', criteria: 'Completed 10 exercises.' });
    expect(r.issuedAt).toEqual(new Date('2024-03-01T00:00:00Z'));
    expect(r.expiresAt).toEqual(new Date('2030-03-01T00:00:00Z'));
  });

  it('UNVERIFIED without a trusted key, FAILED when tampered, FAILED for another recipient', async () => {
    const jws = await signer.sign(assertion(), { typ: undefined, kid: undefined });
    expect((await verifier.verify(jws, {}))[0].status).toBe('UNVERIFIED');
    const v = new BadgeVerifier({ now: () => NOW, trustedKeys: store({ [issuerUrl]: signer.publicJwk }) });
    const [h, p, s] = jws.split('.');
    const payload = JSON.parse(Buffer.from(p, 'base64url').toString()) as Record<string, any>;
    payload.badge.name = 'SQL Basicz';
    expect((await v.verify(`${h}.${b64url(payload)}.${s}`, {}))[0].status).toBe('FAILED');
    expect((await v.verify(jws, { recipientEmail: 'other@example.org' }))[0].status).toBe('FAILED');
  });

  it('REVOKED when the issuer revocation list (known offline) names the assertion', async () => {
    const jws = await signer.sign(assertion(), { typ: undefined, kid: undefined });
    const v = new BadgeVerifier({
      now: () => NOW,
      trustedKeys: store({ [issuerUrl]: signer.publicJwk }),
      statusLists: { lookup: (u) => (u === revocationList ? { type: 'RevocationList', revokedAssertions: [{ id: assertion().id, revocationReason: 'issued in error' }] } : null) },
    });
    const [r] = await v.verify(jws, {});
    expect(r.status).toBe('REVOKED');
    expect(check(r, 'credential-status').detail).toContain('issued in error');
  });

  it('imports a hosted assertion as UNVERIFIED (cannot be checked offline)', async () => {
    const hosted = assertion({ id: 'https://badges.example/assertions/1', verification: { type: 'hosted' } });
    const [r] = await verifier.verify(JSON.stringify(hosted), { recipientEmail: email });
    expect(r.format).toBe('OB2_HOSTED');
    expect(r.status).toBe('UNVERIFIED');
    expect(check(r, 'signature')).toMatchObject({ outcome: 'UNKNOWN', detail: expect.stringContaining('not done offline') as unknown });
    expect(check(r, 'recipient-identity').outcome).toBe('PASS');
    expect(r.achievement.alignments).toHaveLength(1);
    const [mismatch] = await verifier.verify(JSON.stringify(hosted), { recipientEmail: 'other@example.org' });
    expect(mismatch.status).toBe('FAILED');
  });

  it('a hosted assertion whose BadgeClass is only a URL still imports', async () => {
    const hosted = assertion({ verification: { type: 'HostedBadge' }, badge: 'https://badges.example/badges/sql' });
    const [r] = await verifier.verify(JSON.stringify(hosted), {});
    expect(r.status).toBe('UNVERIFIED');
    expect(r.achievement).toMatchObject({ id: 'https://badges.example/badges/sql', name: 'Badge https://badges.example/badges/sql' });
    expect(r.issuer.id).toBe('');
  });
});
