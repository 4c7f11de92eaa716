import { generateKeyPairSync } from 'node:crypto';
import { loadLibs } from '../src/badges/verification/esm-libs';
import { jwkToMultibase } from '../src/badges/verification/keys';
import { jsonLdIssuer, jwtIssuer, JwtIssuer, ob3Credential } from './fixtures/open-badges/helpers';
import { Gql, GqlResult, ok, startTestApp, TestApp } from './support/test-app';

/** A did:web issuer: its keys cannot be resolved offline, only from the trust store (registerIssuerKey). */
const ISSUER = 'did:web:issuer.example';
const KID = `${ISSUER}#key-1`;

const KEY_FIELDS = 'id keyId issuerId publicKeyJwk keyType thumbprint createdAt createdBy replacedAt replacedBy registration';
const REGISTER = `mutation($input: RegisterIssuerKeyInput!) { registerIssuerKey(input: $input) { ${KEY_FIELDS} } }`;
const REMOVE = `mutation($keyId: String!) { removeIssuerKey(keyId: $keyId) }`;
const LIST = `query($issuerId: String, $first: Int, $after: String) {
  issuerKeys(issuerId: $issuerId, first: $first, after: $after) { totalCount edges { cursor node { ${KEY_FIELDS} } } pageInfo { hasNextPage endCursor } }
}`;
const IMPORT = `mutation($input: ImportBadgeInput!) { importBadge(input: $input) { id verification verificationChecks { name outcome detail } } }`;

const sec = (iso: string) => Math.floor(Date.parse(iso) / 1000);

/** VC-JWT 1.1 payload: the credential in the `vc` claim, registered claims mirroring it. */
function vcJwtPayload(cred: Record<string, any>): Record<string, unknown> {
  return { iss: cred.issuer.id, sub: cred.credentialSubject.id, jti: cred.id, nbf: sec(cred.validFrom as string), vc: cred };
}

const codeOf = (r: GqlResult) => r.errors?.[0]?.extensions?.code;
const fieldOf = (r: GqlResult) => r.errors?.[0]?.extensions?.field;

describe('registerIssuerKey: the trust store of badge verification', () => {
  let t: TestApp;
  let candidateId: string;
  let issuer: JwtIssuer;
  let n = 0;

  beforeAll(async () => {
    t = await startTestApp();
    candidateId = ok(await t.gql(`mutation { createCandidate(input: { name: "Trusting Example" }) { id } }`)).createCandidate.id;
    issuer = await jwtIssuer('EdDSA', { did: ISSUER, kid: KID });
  });
  afterAll(() => t.close());

  const rows = async (): Promise<number> => (await t.dataSource.query(`SELECT count(*)::int AS n FROM issuer_key`))[0].n as number;

  /** A new credential (new id, so a new import) from the did:web issuer, as a VC-JWT signed with `signer`. */
  const freshJwt = (signer: JwtIssuer = issuer, issuerId = ISSUER) =>
    signer.sign(vcJwtPayload(ob3Credential(issuerId, { id: `urn:uuid:0c0ffee0-0000-4000-8000-${String(++n).padStart(12, '0')}`, validFrom: '2025-01-01T00:00:00Z' })));

  const importBadge = async (credential: string) => ok(await t.gql(IMPORT, { input: { candidateId, credential } })).importBadge;
  const check = (imported: { verificationChecks: { name: string; outcome: string; detail: string | null }[] }, name: string) =>
    imported.verificationChecks.find((c) => c.name === name);

  const register = (input: Record<string, unknown>, as: Gql = t.gql) => as(REGISTER, { input });

  it('a did:web credential is UNVERIFIED before its key is registered, VERIFIED after', async () => {
    const before = await importBadge(await freshJwt());
    expect(before.verification).toBe('UNVERIFIED');
    expect(check(before, 'issuer-key')).toMatchObject({ outcome: 'UNKNOWN', detail: expect.stringContaining('registerIssuerKey') });
    expect(check(before, 'proof')?.outcome).toBe('UNKNOWN');

    const registered = ok(await register({ keyId: KID, publicKeyJwk: JSON.stringify({ ...issuer.publicJwk, kid: KID, use: 'sig' }) })).registerIssuerKey;
    expect(registered).toMatchObject({
      keyId: KID,
      issuerId: ISSUER,
      keyType: 'Ed25519',
      createdBy: 'test-admin',
      replacedAt: null,
      replacedBy: null,
      registration: 'CREATED',
    });
    expect(JSON.parse(registered.publicKeyJwk)).toEqual({ kty: 'OKP', crv: 'Ed25519', x: issuer.publicJwk.x });
    const { jose } = await loadLibs();
    expect(registered.thumbprint).toBe(await jose.calculateJwkThumbprint(issuer.publicJwk));

    const after = await importBadge(await freshJwt());
    expect(after.verification).toBe('VERIFIED');
    expect(check(after, 'issuer-key')).toMatchObject({ outcome: 'PASS', detail: expect.stringContaining('trust-store') });
    expect(check(after, 'proof')?.outcome).toBe('PASS');

    // what was imported before keeps the verification it had
    expect((await t.dataSource.query(`SELECT verification FROM earned_credential WHERE id = $1`, [before.id]))[0].verification).toBe('UNVERIFIED');
  });

  it('registering the same key again (also as a Multikey) is idempotent', async () => {
    const count = await rows();
    const again = ok(await register({ keyId: KID, publicKeyJwk: JSON.stringify(issuer.publicJwk) })).registerIssuerKey;
    expect(again).toMatchObject({ keyId: KID, registration: 'UNCHANGED', replacedAt: null, createdBy: 'test-admin' });
    const multibase = await jwkToMultibase(await loadLibs(), issuer.publicJwk);
    expect(multibase).toMatch(/^z6Mk/u);
    const asMultikey = ok(await register({ keyId: KID, issuerId: ISSUER, publicKeyMultibase: multibase }, t.as('ADMIN', { sub: 'other-admin' }))).registerIssuerKey;
    expect(asMultikey).toMatchObject({ id: again.id, registration: 'UNCHANGED', thumbprint: again.thumbprint, replacedBy: null });
    expect(await rows()).toBe(count);
  });

  it('a wrong key registered under the key id replaces the key (recording who): the credential FAILS; the right key again VERIFIES', async () => {
    const other = await jwtIssuer('EdDSA');
    const wrong = ok(await register({ keyId: KID, publicKeyJwk: JSON.stringify(other.publicJwk) }, t.as('ADMIN', { sub: 'second-admin' }))).registerIssuerKey;
    expect(wrong).toMatchObject({ keyId: KID, registration: 'REPLACED', createdBy: 'test-admin', replacedBy: 'second-admin' });
    expect(wrong.replacedAt).not.toBeNull();
    expect(JSON.parse(wrong.publicKeyJwk).x).toBe(other.publicJwk.x);

    const failed = await importBadge(await freshJwt());
    expect(failed.verification).toBe('FAILED');
    expect(check(failed, 'proof')?.outcome).toBe('FAIL');

    const fixed = ok(await register({ keyId: KID, publicKeyJwk: JSON.stringify(issuer.publicJwk) })).registerIssuerKey;
    expect(fixed).toMatchObject({ id: wrong.id, registration: 'REPLACED', replacedBy: 'test-admin' });
    expect((await importBadge(await freshJwt())).verification).toBe('VERIFIED');
  });

  it('an https issuer key (EC P-256, kid a key URL) registered for its issuer: VERIFIED', async () => {
    const issuerUrl = 'https://academy.example/issuer';
    const keyUrl = 'https://academy.example/keys/1';
    const signer = await jwtIssuer('ES256', { did: issuerUrl, kid: keyUrl });
    expect((await importBadge(await freshJwt(signer, issuerUrl))).verification).toBe('UNVERIFIED');

    const noIssuer = await register({ keyId: keyUrl, publicKeyJwk: JSON.stringify(signer.publicJwk) });
    expect([codeOf(noIssuer), fieldOf(noIssuer)]).toEqual(['BAD_USER_INPUT', 'input.issuerId']);

    const registered = ok(await register({ keyId: keyUrl, issuerId: issuerUrl, publicKeyJwk: JSON.stringify(signer.publicJwk) })).registerIssuerKey;
    expect(registered).toMatchObject({ keyId: keyUrl, issuerId: issuerUrl, keyType: 'P-256', registration: 'CREATED' });
    expect((await importBadge(await freshJwt(signer, issuerUrl))).verification).toBe('VERIFIED');
  });

  it('a JSON-LD eddsa-rdfc-2022 credential of a did:web issuer, key registered as a Multikey: VERIFIED', async () => {
    const did = 'did:web:ld.example';
    const ld = await jsonLdIssuer({ did, vmId: `${did}#key-1` });
    const signed = (id: string) => ld.sign(ob3Credential(did, { id, validFrom: '2025-01-01T00:00:00Z' }));
    const before = await importBadge(JSON.stringify(await signed('urn:uuid:0c0ffee0-1111-4000-8000-000000000001')));
    expect(before.verification).toBe('UNVERIFIED');
    expect(ok(await register({ keyId: ld.vmId, publicKeyMultibase: ld.publicKeyMultibase })).registerIssuerKey).toMatchObject({
      issuerId: did,
      keyType: 'Ed25519',
      registration: 'CREATED',
    });
    const after = await importBadge(JSON.stringify(await signed('urn:uuid:0c0ffee0-1111-4000-8000-000000000002')));
    expect(after.verification).toBe('VERIFIED');
    expect(check(after, 'proof')?.outcome).toBe('PASS');
  });

  it('lists the keys by key id, page by page and by issuer', async () => {
    const all = ok(await t.gql(LIST, { first: 100 })).issuerKeys;
    expect(all.totalCount).toBe(await rows());
    const keyIds = all.edges.map((e: any) => e.node.keyId);
    expect(keyIds).toEqual([...keyIds].sort());
    expect(keyIds).toContain(KID);
    expect(all.edges.every((e: any) => e.node.registration === null)).toBe(true);

    const first = ok(await t.gql(LIST, { first: 1 })).issuerKeys;
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = ok(await t.gql(LIST, { first: 1, after: first.pageInfo.endCursor })).issuerKeys;
    expect(second.edges[0].node.keyId).toBe(keyIds[1]);

    const ofIssuer = ok(await t.gql(LIST, { issuerId: ISSUER })).issuerKeys;
    expect(ofIssuer.edges.map((e: any) => e.node.keyId)).toEqual([KID]);
  });

  it('refuses RECRUITER, ADVISOR and LEARNER (FORBIDDEN), writing nothing', async () => {
    const count = await rows();
    const callers: Gql[] = [t.as('RECRUITER'), t.as('ADVISOR'), t.as('LEARNER', { candidateId })];
    for (const as of callers) {
      const registered = await register({ keyId: `${ISSUER}#key-9`, publicKeyJwk: JSON.stringify(issuer.publicJwk) }, as);
      expect([codeOf(registered), registered.data?.registerIssuerKey ?? null]).toEqual(['FORBIDDEN', null]);
      expect(codeOf(await as(REMOVE, { keyId: KID }))).toBe('FORBIDDEN');
      expect(codeOf(await as(LIST, {}))).toBe('FORBIDDEN');
    }
    expect(await rows()).toBe(count);
    expect(ok(await t.gql(LIST, { issuerId: ISSUER })).issuerKeys.totalCount).toBe(1);
  });

  it('refuses a malformed, private or unsupported key and bad key ids as BAD_USER_INPUT with the field, writing nothing', async () => {
    const count = await rows();
    const keyId = `${ISSUER}#key-2`;
    const ed = issuer.publicJwk;
    const ecPrivate = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'jwk' });
    const ecPublic = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ format: 'jwk' });
    const rsa1024 = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({ format: 'jwk' });
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ keyId, publicKeyJwk: '{"kty": "OKP", ' }, 'input.publicKeyJwk', /JSON/],
      [{ keyId, publicKeyJwk: '[1, 2]' }, 'input.publicKeyJwk', /JSON object/],
      [{ keyId, publicKeyJwk: JSON.stringify(ecPrivate) }, 'input.publicKeyJwk', /private key/],
      [{ keyId, publicKeyJwk: JSON.stringify({ ...ed, d: 'c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LXNlY3JldA' }) }, 'input.publicKeyJwk', /private key/],
      [{ keyId, publicKeyJwk: JSON.stringify({ kty: 'oct', k: 'c2VjcmV0' }) }, 'input.publicKeyJwk', /private key/],
      [{ keyId, publicKeyJwk: JSON.stringify({ ...ed, crv: 'X25519' }) }, 'input.publicKeyJwk', /unsupported OKP curve/],
      [{ keyId, publicKeyJwk: JSON.stringify({ ...ecPublic, crv: 'secp256k1' }) }, 'input.publicKeyJwk', /unsupported EC curve/],
      [{ keyId, publicKeyJwk: JSON.stringify({ kty: 'XYZ' }) }, 'input.publicKeyJwk', /unsupported key type/],
      [{ keyId, publicKeyJwk: JSON.stringify({ crv: 'Ed25519', x: ed.x }) }, 'input.publicKeyJwk', /kty/],
      [{ keyId, publicKeyJwk: JSON.stringify({ ...ed, x: 'abc' }) }, 'input.publicKeyJwk', /"x"/],
      [{ keyId, publicKeyJwk: JSON.stringify({ ...ecPublic, y: ecPublic.x }) }, 'input.publicKeyJwk', /not a valid P-256 public key/],
      [{ keyId, publicKeyJwk: JSON.stringify(rsa1024) }, 'input.publicKeyJwk', /2048 bits/],
      [{ keyId, publicKeyJwk: JSON.stringify({ ...ed, use: 'enc' }) }, 'input.publicKeyJwk', /signing key/],
      [{ keyId }, 'input.publicKeyJwk', /publicKeyJwk or publicKeyMultibase/],
      [{ keyId, publicKeyJwk: JSON.stringify(ed), publicKeyMultibase: 'z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK' }, 'input.publicKeyMultibase', /not both/],
      [{ keyId, publicKeyMultibase: 'zQ3shokFTS3brHcDQrn82RUDfCZESWL1ZdCEJwekUDPQiYBme' }, 'input.publicKeyMultibase', /Ed25519 Multikey/],
      [{ keyId: 'issuer.example#key-1', publicKeyJwk: JSON.stringify(ed) }, 'input.keyId', /DID URL .* or an https URL/],
      [{ keyId: 'http://issuer.example/keys/1', issuerId: 'http://issuer.example', publicKeyJwk: JSON.stringify(ed) }, 'input.keyId', /https URL/],
      [{ keyId: `did:key:${'z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK'}#key-1`, publicKeyJwk: JSON.stringify(ed) }, 'input.keyId', /did:key/],
      [{ keyId, issuerId: 'did:web:someone-else.example', publicKeyJwk: JSON.stringify(ed) }, 'input.issuerId', /belongs to its DID/],
    ];
    for (const [input, field, message] of cases) {
      const r = await register(input);
      expect({ input, code: codeOf(r), field: fieldOf(r) }).toEqual({ input, code: 'BAD_USER_INPUT', field });
      expect({ input, message: r.errors?.[0].message }).toEqual({ input, message: expect.stringMatching(message) });
      expect(r.errors?.[0].message).not.toContain('c2VjcmV0');
    }
    expect(await rows()).toBe(count);
    expect(ok(await t.gql(LIST, { issuerId: ISSUER })).issuerKeys.edges.map((e: any) => e.node.keyId)).toEqual([KID]);
  });

  it('removeIssuerKey stops trusting the key: the next credential is UNVERIFIED again', async () => {
    expect(ok(await t.gql(REMOVE, { keyId: KID })).removeIssuerKey).toBe(true);
    expect(ok(await t.gql(REMOVE, { keyId: KID })).removeIssuerKey).toBe(false);
    expect((await importBadge(await freshJwt())).verification).toBe('UNVERIFIED');
    expect(ok(await t.gql(LIST, { issuerId: ISSUER })).issuerKeys.totalCount).toBe(0);
  });
});
