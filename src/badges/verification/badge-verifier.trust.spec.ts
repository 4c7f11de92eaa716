import { jsonLdIssuer, jwtIssuer, ob3Credential, tamperSubject, trustListStore } from '../../../test/fixtures/open-badges/helpers';
import { BadgeVerifier } from './badge-verifier';
import type { BadgeVerificationResult, IssuerTrustEntry, TrustedKey, TrustedKeyStore } from './types';

const NOW = new Date('2026-06-01T00:00:00Z');
const untrusting = new BadgeVerifier({ now: () => NOW });
const DRAFT_CLR = 'https://dc.imsglobal.org/draft/clr/v2p0/context';

const outcome = (r: BadgeVerificationResult, name: string) => r.checks.find((c) => c.name === name)?.outcome;
const detail = (r: BadgeVerificationResult, name: string) => r.checks.find((c) => c.name === name)?.detail ?? '';
const sec = (iso: string) => Math.floor(Date.parse(iso) / 1000);

/** Keys an ADMIN registered (by key id or issuer id) and trust-list entries. */
function adminStore(keys: Record<string, TrustedKey & object>, issuers: Record<string, IssuerTrustEntry> = {}): TrustedKeyStore {
  return { lookup: (id) => keys[id] ?? null, issuer: (id) => issuers[id] ?? null };
}

function vcJwt(cred: Record<string, any>): Record<string, unknown> {
  return { iss: cred.issuer.id, jti: cred.id, sub: cred.credentialSubject.id, nbf: sec(cred.validFrom as string), vc: cred };
}

function tamperJwt(jwt: string): string {
  const [h, p, s] = jwt.split('.');
  const payload = JSON.parse(Buffer.from(p, 'base64url').toString()) as Record<string, any>;
  payload.vc.credentialSubject.achievement.name = `X${(payload.vc.credentialSubject.achievement.name as string).slice(1)}`;
  return `${h}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.${s}`;
}

describe('integrity and trust are two questions', () => {
  it('a self-signed did:jwk badge naming a catalogue certification: intact, not trusted → UNVERIFIED', async () => {
    const forger = await jwtIssuer('EdDSA');
    const cred = ob3Credential(forger.did, { issuer: { id: forger.did, type: ['Profile'], name: 'Amazon Web Services' } });
    const [r] = await untrusting.verify(await forger.sign(vcJwt(cred)), {});
    expect(r.status).toBe('UNVERIFIED');
    expect(r.intact).toBe(true);
    expect(outcome(r, 'proof')).toBe('PASS');
    expect(outcome(r, 'issuer-trust')).toBe('FAIL');
    expect(detail(r, 'issuer-trust')).toContain('self-made identity (did:jwk');
    expect(r.trust).toMatchObject({ trusted: false, trustedFor: [] });
    // on the trust list (listed by its DID): VERIFIED, trusted for what the list says
    const listed = new BadgeVerifier({ now: () => NOW, trustedKeys: trustListStore((id) => id === forger.did, undefined, ['Test Academy']) });
    const [t] = await listed.verify(await forger.sign(vcJwt(cred)), {});
    expect(t.status).toBe('VERIFIED');
    expect(t.trust).toMatchObject({ trusted: true, by: forger.did, trustedFor: ['Test Academy'] });
  });

  it('did:key JSON-LD: UNVERIFIED untrusted, VERIFIED listed, FAILED tampered either way', async () => {
    const issuer = await jsonLdIssuer();
    const signed = await issuer.sign(ob3Credential(issuer.did));
    const listed = new BadgeVerifier({ now: () => NOW, trustedKeys: trustListStore((id) => id === issuer.did) });
    expect((await untrusting.verify(signed, {}))[0].status).toBe('UNVERIFIED');
    expect((await listed.verify(signed, {}))[0].status).toBe('VERIFIED');
    expect((await untrusting.verify(tamperSubject(signed), {}))[0].status).toBe('FAILED');
    expect((await listed.verify(tamperSubject(signed), {}))[0].status).toBe('FAILED');
  });

  describe('a key given in the verification method fragment (<controller>#z6Mk…)', () => {
    const ISSUER = 'https://issuer.example/issuers/1';

    it('intact UNVERIFIED / tampered FAILED before the ADMIN trusts it; VERIFIED / FAILED after', async () => {
      const issuer = await jsonLdIssuer({ did: ISSUER, fragmentKey: true });
      expect(issuer.vmId).toBe(`${ISSUER}#${issuer.publicKeyMultibase}`);
      const signed = await issuer.sign(ob3Credential(ISSUER));
      const tampered = tamperSubject(signed);

      const [before] = await untrusting.verify(signed, {});
      expect(before.status).toBe('UNVERIFIED');
      expect(outcome(before, 'proof')).toBe('PASS');
      expect(detail(before, 'proof')).toContain('key from fragment');
      expect(outcome(before, 'issuer-trust')).toBe('FAIL');
      const [beforeTampered] = await untrusting.verify(tampered, {});
      expect(beforeTampered.status).toBe('FAILED');
      expect(outcome(beforeTampered, 'proof')).toBe('FAIL');

      // on the trust list without its key: still only integrity (anyone can put their own key in the fragment)
      const listedOnly = new BadgeVerifier({ now: () => NOW, trustedKeys: adminStore({}, { [ISSUER]: { listed: true, keys: [], trustedFor: [] } }) });
      expect((await listedOnly.verify(signed, {}))[0].status).toBe('UNVERIFIED');

      // the ADMIN registers the key under the issuer id (registerIssuerKey keyId = issuer id)
      const trusted = new BadgeVerifier({ now: () => NOW, trustedKeys: adminStore({ [ISSUER]: { publicKeyMultibase: issuer.publicKeyMultibase, controller: ISSUER } }) });
      const [after] = await trusted.verify(signed, {});
      expect(after.status).toBe('VERIFIED');
      expect(outcome(after, 'issuer-trust')).toBe('PASS');
      expect(after.trust.by).toBe(ISSUER);
      const [afterTampered] = await trusted.verify(tampered, {});
      expect(afterTampered.status).toBe('FAILED');
      expect(outcome(afterTampered, 'issuer-trust')).toBe('SKIPPED');
    });

    it('another key in the fragment than the one registered: FAILED', async () => {
      const genuine = await jsonLdIssuer({ did: ISSUER, fragmentKey: true });
      const forger = await jsonLdIssuer({ did: ISSUER, fragmentKey: true });
      const trusted = new BadgeVerifier({ now: () => NOW, trustedKeys: adminStore({ [ISSUER]: { publicKeyMultibase: genuine.publicKeyMultibase, controller: ISSUER } }) });
      const [r] = await trusted.verify(await forger.sign(ob3Credential(ISSUER)), {});
      expect(r.status).toBe('FAILED');
    });

    it('a fragment key whose controller is not the issuer: FAILED', async () => {
      const other = await jsonLdIssuer({ did: 'https://elsewhere.example/issuer', fragmentKey: true });
      const cred = ob3Credential(ISSUER);
      const [r] = await untrusting.verify(await other.sign(cred), {});
      expect(r.status).toBe('FAILED');
    });
  });

  describe('JWTs verify by their signature, whatever contexts they name', () => {
    const REGISTRAR = 'https://registrar.example/org';

    function draftClr(items: unknown[]): Record<string, any> {
      return {
        '@context': ['https://www.w3.org/2018/credentials/v1', DRAFT_CLR, 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
        id: 'urn:uuid:0e3a2c55-5f5e-4c1a-9d1e-9a1b2c3d4e60',
        type: ['VerifiableCredential', 'ClrCredential'],
        issuer: { id: REGISTRAR, type: ['Profile'], name: 'Registrar' },
        issuanceDate: '2025-01-01T00:00:00Z',
        name: 'Learner record',
        credentialSubject: { id: 'did:example:learner-1', type: ['ClrSubject'], verifiableCredential: items },
      };
    }
    const clrJwt = (c: Record<string, any>) => ({ iss: REGISTRAR, jti: c.id, sub: 'did:example:learner-1', nbf: sec('2025-01-01T00:00:00Z'), vc: c });

    it('an RS256 CLR JWT with an embedded jwk (no kid), the draft CLR context and nested JWT credentials', async () => {
      const rsa = await jwtIssuer('RS256', { did: REGISTRAR });
      const sign = (payload: Record<string, unknown>) => rsa.sign(payload, { kid: undefined, jwk: rsa.publicJwk });
      const item = (n: number) => {
        const c = ob3Credential(REGISTRAR, { id: `urn:uuid:7d2a4a46-1111-4a0b-9f2c-3d9c4f6b0a1${n}` });
        c['@context'] = ['https://www.w3.org/ns/credentials/v2', DRAFT_CLR, 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'];
        return sign(vcJwt(c));
      };
      const items = [await item(1), tamperJwt(await item(2))];
      const jwt = await sign(clrJwt(draftClr(items)));
      expect(JSON.parse(Buffer.from(jwt.split('.')[0], 'base64url').toString())).not.toHaveProperty('kid');

      const before = await untrusting.verify(jwt, {});
      expect(before.map((r) => r.status)).toEqual(['UNVERIFIED', 'FAILED']);
      expect(outcome(before[0], 'context')).toBe('SKIPPED');
      expect(outcome(before[0], 'proof')).toBe('PASS');
      expect(detail(before[0], 'proof')).toContain('RS256');
      expect(outcome(before[0], 'clr-envelope')).toBe('PASS');
      expect(outcome(before[0], 'issuer-trust')).toBe('FAIL');

      // the ADMIN registers the RSA key under the issuer's id: the embedded jwk is that key
      const trusted = new BadgeVerifier({ now: () => NOW, trustedKeys: adminStore({ [REGISTRAR]: { publicKeyJwk: rsa.publicJwk, controller: REGISTRAR } }) });
      const after = await trusted.verify(jwt, {});
      expect(after.map((r) => r.status)).toEqual(['VERIFIED', 'FAILED']);

      // another key registered: the embedded jwk differs → FAILED
      const other = await jwtIssuer('RS256');
      const wrong = new BadgeVerifier({ now: () => NOW, trustedKeys: adminStore({ [REGISTRAR]: { publicKeyJwk: other.publicJwk, controller: REGISTRAR } }) });
      expect((await wrong.verify(jwt, {})).map((r) => r.status)).toEqual(['FAILED', 'FAILED']);
    });

    it('an ES256 OB3 JWT naming an unbundled context verifies by signature', async () => {
      const es = await jwtIssuer('ES256');
      const c = ob3Credential(es.did);
      c['@context'] = [...(c['@context'] as string[]), 'https://example.org/contexts/not-bundled.json'];
      const [r] = await untrusting.verify(await es.sign(vcJwt(c)), {});
      expect([r.status, outcome(r, 'proof'), outcome(r, 'context')]).toEqual(['UNVERIFIED', 'PASS', 'SKIPPED']);
    });
  });

  it('expiresAt comes from validUntil whatever the status', async () => {
    const forger = await jwtIssuer('EdDSA');
    const c = ob3Credential(forger.did, { validUntil: '2025-01-01T00:00:00Z' });
    const jwt = await forger.sign({ ...vcJwt(c), exp: sec('2025-01-01T00:00:00Z') });
    const [r] = await untrusting.verify(jwt, {});
    expect(r.status).toBe('UNVERIFIED');
    expect(r.expiresAt).toEqual(new Date('2025-01-01T00:00:00Z'));
    const [t] = await untrusting.verify(tamperJwt(jwt), {});
    expect(t.status).toBe('FAILED');
    expect(t.expiresAt).toEqual(new Date('2025-01-01T00:00:00Z'));
  });
});
