import { jsonLdIssuer, jwtIssuer, ob3Credential, tamperSubject, trustListStore } from '../../../test/fixtures/open-badges/helpers';
import { BadgeVerifier } from './badge-verifier';
import { loadLibs } from './esm-libs';
import { jwkToMultibase } from './keys';
import type { BadgeStatus, TrustedKeyStore } from './types';

/**
 * The verification matrix: credential kind × where the key comes from × trusted or not → status of the intact
 * credential and of a copy with one character of the achievement name changed.
 * "trusted" = what an ADMIN does for that key source: a did:key / did:jwk issuer on the trust list; a key given in
 * the credential (fragment, JWT jwk) or a did:web / https key registered for the issuer (registerIssuerKey).
 */
const NOW = new Date('2026-06-01T00:00:00Z');
const HTTPS = 'https://issuer.example/issuers/1';
const DID_WEB = 'did:web:matrix.example';
const sec = (iso: string) => Math.floor(Date.parse(iso) / 1000);
const vcJwt = (c: Record<string, any>) => ({ iss: c.issuer.id, sub: c.credentialSubject.id, jti: c.id, nbf: sec(c.validFrom as string), vc: c });

function tamperJwt(jwt: string): string {
  const [h, p, s] = jwt.split('.');
  const payload = JSON.parse(Buffer.from(p, 'base64url').toString()) as Record<string, any>;
  payload.vc.credentialSubject.achievement.name = `X${(payload.vc.credentialSubject.achievement.name as string).slice(1)}`;
  return `${h}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.${s}`;
}

/** A signed credential (intact and tampered) and the trust store an ADMIN would set up for its issuer. */
interface Case {
  intact: string | object;
  tampered: string | object;
  trusted: TrustedKeyStore;
}

const listed = (id: string) => trustListStore((x) => x === id);
const registered = (keyId: string, key: object, controller: string): TrustedKeyStore => ({ lookup: (id) => (id === keyId ? { ...key, controller } : null) });

async function jsonLd(source: 'did:key' | 'did:jwk' | 'fragment' | 'trust-store'): Promise<Case> {
  const issuer =
    source === 'did:key' ? await jsonLdIssuer() : source === 'did:jwk' ? await jsonLdIssuer({ method: 'jwk' }) : source === 'fragment' ? await jsonLdIssuer({ did: HTTPS, fragmentKey: true }) : await jsonLdIssuer({ did: DID_WEB });
  const signed = await issuer.sign(ob3Credential(issuer.did));
  const trusted =
    source === 'fragment' ? registered(HTTPS, { publicKeyMultibase: issuer.publicKeyMultibase }, HTTPS)
    : source === 'trust-store' ? registered(issuer.vmId, { publicKeyMultibase: issuer.publicKeyMultibase }, DID_WEB)
    : listed(issuer.did);
  return { intact: signed, tampered: tamperSubject(signed), trusted };
}

async function jwt(source: 'did:jwk' | 'did:key' | 'fragment' | 'inline-jwk RS256' | 'trust-store ES256', clr = false): Promise<Case> {
  const alg = source === 'inline-jwk RS256' ? 'RS256' : source === 'trust-store ES256' ? 'ES256' : 'EdDSA';
  const signer = await jwtIssuer(alg);
  const mb = alg === 'EdDSA' ? await jwkToMultibase(await loadLibs(), signer.publicJwk) : null;
  const issuerId = source === 'did:jwk' ? signer.did : source === 'did:key' ? `did:key:${mb}` : HTTPS;
  const header: Record<string, unknown> =
    source === 'did:key' ? { kid: `${issuerId}#${mb}` }
    : source === 'fragment' ? { kid: `${HTTPS}#${mb}` }
    : source === 'inline-jwk RS256' ? { kid: undefined, jwk: signer.publicJwk }
    : source === 'trust-store ES256' ? { kid: 'https://issuer.example/keys/1' }
    : {};
  const trusted =
    source === 'did:jwk' || source === 'did:key' ? listed(issuerId)
    : source === 'trust-store ES256' ? registered('https://issuer.example/keys/1', { publicKeyJwk: signer.publicJwk }, HTTPS)
    : registered(HTTPS, { publicKeyJwk: signer.publicJwk }, HTTPS);
  const signed = await signer.sign(vcJwt(ob3Credential(issuerId)), header);
  if (!clr) return { intact: signed, tampered: tamperJwt(signed), trusted };
  // the same credential nested in a CLR JWT signed by an (untrusted) registrar's did:jwk
  const registrar = await jwtIssuer('EdDSA');
  const wrap = (item: string) => {
    const c: Record<string, any> = { ...ob3Credential(registrar.did), type: ['VerifiableCredential', 'ClrCredential'], credentialSubject: { id: 'did:example:learner-1', type: ['ClrSubject'], verifiableCredential: [item] } };
    c['@context'] = ['https://www.w3.org/ns/credentials/v2', 'https://dc.imsglobal.org/draft/clr/v2p0/context'];
    return registrar.sign(vcJwt(c));
  };
  return { intact: await wrap(signed), tampered: await wrap(tamperJwt(signed)), trusted };
}

type Row = [kind: string, source: string, build: () => Promise<Case>, untrusted: [BadgeStatus, BadgeStatus], trusted: [BadgeStatus, BadgeStatus]];
const U: [BadgeStatus, BadgeStatus] = ['UNVERIFIED', 'FAILED'];
const V: [BadgeStatus, BadgeStatus] = ['VERIFIED', 'FAILED'];
const MATRIX: Row[] = [
  ['OB3 JSON-LD', 'did:key', () => jsonLd('did:key'), U, V],
  ['OB3 JSON-LD', 'did:jwk', () => jsonLd('did:jwk'), U, V],
  ['OB3 JSON-LD', '<controller>#z6Mk… fragment', () => jsonLd('fragment'), U, V],
  // a did:web key nobody registered cannot be checked offline at all: nothing proven either way
  ['OB3 JSON-LD', 'did:web key (trust store)', () => jsonLd('trust-store'), ['UNVERIFIED', 'UNVERIFIED'], V],
  ['OB3 JWT', 'kid did:jwk', () => jwt('did:jwk'), U, V],
  ['OB3 JWT', 'kid did:key', () => jwt('did:key'), U, V],
  ['OB3 JWT', 'kid <controller>#z6Mk… fragment', () => jwt('fragment'), U, V],
  ['OB3 JWT', 'embedded jwk, no kid (RS256)', () => jwt('inline-jwk RS256'), U, V],
  ['OB3 JWT', 'kid https key URL (trust store, ES256)', () => jwt('trust-store ES256'), ['UNVERIFIED', 'UNVERIFIED'], V],
  ['CLR JWT, nested JWT', 'kid did:jwk', () => jwt('did:jwk', true), U, V],
  ['CLR JWT, nested JWT', 'embedded jwk, no kid (RS256)', () => jwt('inline-jwk RS256', true), U, V],
];

describe('verification matrix: kind × key source × trusted → status (intact, tampered)', () => {
  it.each(MATRIX)('%s, %s', async (_kind, _source, build, untrusted, trusted) => {
    const c = await build();
    const plain = new BadgeVerifier({ now: () => NOW });
    const admin = new BadgeVerifier({ now: () => NOW, trustedKeys: c.trusted });
    const status = async (v: BadgeVerifier, input: string | object) => (await v.verify(typeof input === 'string' ? input : JSON.stringify(input), {}))[0].status;
    expect([await status(plain, c.intact), await status(plain, c.tampered)]).toEqual(untrusted);
    expect([await status(admin, c.intact), await status(admin, c.tampered)]).toEqual(trusted);
  });
});
