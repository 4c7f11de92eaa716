import { b64url, fixtureJson, jwtIssuer, readFixture, trustListStore } from '../../../test/fixtures/open-badges/helpers';
import { BadgeVerifier, DEFAULT_MAX_INPUT_BYTES } from './badge-verifier';
import { bundledContexts } from './contexts';
import { createDocumentLoader } from './document-loader';
import { BadgeInputError } from './badge-input.error';
import { importEsm } from './esm-import';
import { loadLibs } from './esm-libs';

// Trusts every issuer by its own DID (a trust list listing them all): VERIFIED means intact here; untrusted cases build their own verifier.
const verifier = new BadgeVerifier({ now: () => new Date('2026-06-01T00:00:00Z'), trustedKeys: trustListStore() });
const VALID = 'v2/ed25519/didKey/legacy-noStatus-noExpiry.json';

async function inputError(input: string): Promise<BadgeInputError> {
  try {
    await verifier.verify(input, {});
  } catch (err) {
    expect(err).toBeInstanceOf(BadgeInputError);
    return err as BadgeInputError;
  }
  throw new Error('expected a BadgeInputError');
}

describe('bad input: BadgeInputError with a reason (mapped to BAD_USER_INPUT)', () => {
  it('more than 1 MB', async () => {
    const c = fixtureJson(VALID);
    c.description = 'x'.repeat(DEFAULT_MAX_INPUT_BYTES);
    const e = await inputError(JSON.stringify(c));
    expect(e.code).toBe('TOO_LARGE');
    expect(e.reason).toMatch(/limit is 1048576 bytes/u);
  });

  it('counts bytes, not characters', async () => {
    const e = await inputError('é'.repeat(DEFAULT_MAX_INPUT_BYTES / 2 + 1));
    expect(e.code).toBe('TOO_LARGE');
  });

  it.each([
    ['plain text', 'hello badge'],
    ['broken JSON', '{"@context": ['],
    ['empty', '   '],
    ['a JWT-looking string with garbage parts', 'abc.def.ghi'],
  ])('not JSON and not a JWT: %s', async (_label, input) => {
    expect((await inputError(input)).code).toBe('NOT_JSON_OR_JWT');
  });

  it('a URL (hosted assertion reference): refused, nothing fetched', async () => {
    const e = await inputError('https://badges.example/assertions/123');
    expect(e.code).toBe('NOT_JSON_OR_JWT');
    expect(e.reason).toContain('nothing is fetched');
  });

  it.each([
    ['a JSON array', '[]'],
    ['a JSON number', '42'],
    ['an arbitrary object', '{"hello":"world"}'],
    ['another VC type', JSON.stringify({ ...fixtureJson(VALID), type: ['VerifiableCredential', 'EndorsementCredential'] })],
  ])('unknown credential type: %s', async (_label, input) => {
    expect((await inputError(input)).code).toBe('UNKNOWN_CREDENTIAL_TYPE');
  });

  it('a JSON-LD context that is not bundled', async () => {
    const c = fixtureJson(VALID);
    c['@context'] = [...(c['@context'] as string[]), 'https://contexts.example/extra-terms.jsonld'];
    const e = await inputError(JSON.stringify(c));
    expect(e.code).toBe('CONTEXT_NOT_BUNDLED');
    expect(e.reason).toContain('https://contexts.example/extra-terms.jsonld');
  });

  it('a not-bundled context nested in an embedded credential', async () => {
    const c = fixtureJson('v2/dataIntegrityProof/didKey/oidf-noStatus-notExpired-complexIssuer.json');
    c.issuer.endorsement[0]['@context'].push('https://contexts.example/endorse.jsonld');
    expect((await inputError(JSON.stringify(c))).code).toBe('CONTEXT_NOT_BUNDLED');
  });

  it('a JWT whose typ is not a credential typ', async () => {
    const issuer = await jwtIssuer('EdDSA');
    const jwt = await issuer.sign({ vc: fixtureJson(VALID) }, { typ: 'at+jwt' });
    expect((await inputError(jwt)).code).toBe('UNKNOWN_CREDENTIAL_TYPE');
  });

  it('a JWT that carries no credential', async () => {
    const issuer = await jwtIssuer('EdDSA');
    expect((await inputError(await issuer.sign({ sub: 'user-1', scope: 'openid' }))).code).toBe('UNKNOWN_CREDENTIAL_TYPE');
  });

  it('a JWT whose payload is not JSON', async () => {
    expect((await inputError(`${b64url({ alg: 'EdDSA' })}.${b64url('not json')}.c2ln`)).code).toBe('NOT_JSON_OR_JWT');
  });

  it('a JSON string holding a JWT is accepted as that JWT', async () => {
    const issuer = await jwtIssuer('EdDSA');
    const cred: Record<string, any> = { ...fixtureJson(VALID), issuer: { id: issuer.did } };
    delete cred.proof;
    const jwt = await issuer.sign({ iss: issuer.did, vc: cred });
    const [r] = await verifier.verify(JSON.stringify(jwt), {});
    expect(r.format).toBe('OB3_JWT');
    expect(r.status).toBe('VERIFIED');
  });

  it('a UTF-8 BOM and surrounding whitespace are tolerated', async () => {
    const [r] = await verifier.verify(`\uFEFF\n  ${readFixture(VALID)}  \n`, {});
    expect(r.status).toBe('VERIFIED');
  });
});

describe('offline document loader', () => {
  it('serves bundled contexts, resolves did:key locally, refuses any other URL', async () => {
    const libs = await loadLibs();
    const load = createDocumentLoader(libs, { contexts: bundledContexts() });
    for (const url of [
      'https://www.w3.org/2018/credentials/v1',
      'https://www.w3.org/ns/credentials/v2',
      'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.1.json',
      'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.2.json',
      'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
      'https://purl.imsglobal.org/spec/ob/v3p0/context.json',
      'https://w3id.org/security/data-integrity/v1',
      'https://w3id.org/security/data-integrity/v2',
      'https://w3id.org/security/suites/ed25519-2020/v1',
      'https://w3id.org/security/multikey/v1',
      'https://www.w3.org/ns/credentials/status/v1',
      'https://w3id.org/vc/status-list/2021/v1',
      'https://w3id.org/dcc/v1',
      'https://www.w3.org/ns/did/v1',
    ]) {
      const doc = await load(url);
      expect(doc.documentUrl).toBe(url);
      expect(doc.document).toHaveProperty('@context');
    }
    const did = 'did:key:z6MknNQD1WHLGGraFi6zcbGevuAgkVfdyCdtZnQTGWVVvR5Q';
    expect((await load(did)).document).toMatchObject({ id: did });
    expect((await load(`${did}#z6MknNQD1WHLGGraFi6zcbGevuAgkVfdyCdtZnQTGWVVvR5Q`)).document).toMatchObject({ controller: did });
    await expect(load('https://example.org/context.jsonld')).rejects.toThrow('network fetch refused: https://example.org/context.jsonld');
    await expect(load('did:web:example.org')).rejects.toThrow('network fetch refused');
    await expect(load('http://www.w3.org/2018/credentials/v1')).rejects.toThrow('network fetch refused');
  });
});

describe('no network access', () => {
  it('verifies fixtures, did:web and status-list credentials without ever calling fetch or http(s).request', async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const http = require('node:http') as typeof import('node:http');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const https = require('node:https') as typeof import('node:https');
    const fetchSpy = jest.spyOn(globalThis, 'fetch').mockImplementation(() => Promise.reject(new Error('fetch called')));
    const httpSpy = jest.spyOn(http, 'request');
    const httpsSpy = jest.spyOn(https, 'request');
    try {
      const rs = await Promise.all(
        [
          'v1/bothSignatureTypes/didKey/mixedRegistry-validStatus-noExpiry.json',
          'v2/ed25519/didKey/noRegistry-revokedStatus-notExpired.json',
          'v2/dataIntegrityProof/didKey/oidf-noStatus-notExpired-complexIssuer.json',
        ].map((f) => verifier.verify(readFixture(f), {})),
      );
      expect(rs.map((r) => r[0].status)).toEqual(['VERIFIED', 'VERIFIED', 'VERIFIED']);
      // jsonld's process-wide default loader refuses too (defence in depth)
      const jsonldNs = await importEsm<any>('jsonld');
      const jsonld = (jsonldNs.default ?? jsonldNs) as { documentLoader: (u: string) => Promise<unknown> };
      await expect(jsonld.documentLoader('https://www.w3.org/2018/credentials/v1')).rejects.toThrow('network fetch refused');
      expect(fetchSpy).not.toHaveBeenCalled();
      expect(httpSpy).not.toHaveBeenCalled();
      expect(httpsSpy).not.toHaveBeenCalled();
    } finally {
      fetchSpy.mockRestore();
      httpSpy.mockRestore();
      httpsSpy.mockRestore();
    }
  });
});
