import { generateKeyPairSync, KeyObject } from 'node:crypto';
import type { JWK } from 'jose';
import { loadLibs } from './esm-libs';
import { checkPublicJwk, jwkThumbprint } from './keys';

function publicOf(type: 'ed25519' | 'ec' | 'rsa', options: { namedCurve?: string; modulusLength?: number } = {}): JWK {
  const { publicKey } = generateKeyPairSync(type as 'ec', options as { namedCurve: string });
  return (publicKey as KeyObject).export({ format: 'jwk' }) as JWK;
}

describe('checkPublicJwk', () => {
  it('accepts Ed25519, EC P-256/P-384/P-521 and RSA ≥ 2048 public keys, reduced to their key parameters', () => {
    const ed = publicOf('ed25519');
    expect(checkPublicJwk({ ...ed, kid: 'did:web:x#1', use: 'sig', alg: 'EdDSA' })).toEqual({ ok: true, jwk: { kty: 'OKP', crv: 'Ed25519', x: ed.x } });
    for (const namedCurve of ['P-256', 'P-384', 'P-521']) {
      const ec = publicOf('ec', { namedCurve });
      expect(checkPublicJwk(ec)).toEqual({ ok: true, jwk: { kty: 'EC', crv: namedCurve, x: ec.x, y: ec.y } });
    }
    const rsa = publicOf('rsa', { modulusLength: 2048 });
    expect(checkPublicJwk(rsa)).toEqual({ ok: true, jwk: { kty: 'RSA', n: rsa.n, e: rsa.e } });
  });

  it.each([
    ['not an object', 'x', /JSON object/],
    ['an array', [], /JSON object/],
    ['a private key', generateKeyPairSync('ed25519').privateKey.export({ format: 'jwk' }), /private key \(it has "d"\)/],
    ['a symmetric key', { kty: 'oct', k: 'c2VjcmV0' }, /private key \(it has "k"\)/],
    ['X25519', { kty: 'OKP', crv: 'X25519', x: 'qUu0oFER8iC2FTk4l4nlsZn68RnA5zuacHjzWf3nt-o' }, /unsupported OKP curve/],
    ['secp256k1', { ...generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ format: 'jwk' }), crv: 'secp256k1' }, /unsupported EC curve/],
    ['no kty', { crv: 'Ed25519', x: 'qUu0oFER8iC2FTk4l4nlsZn68RnA5zuacHjzWf3nt-o' }, /kty/],
    ['a short x', { kty: 'OKP', crv: 'Ed25519', x: 'qUu0' }, /"x" must be/],
    ['an encryption key', { kty: 'OKP', crv: 'Ed25519', x: 'qUu0oFER8iC2FTk4l4nlsZn68RnA5zuacHjzWf3nt-o', use: 'enc' }, /signing key/],
    ['RSA 1024', generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({ format: 'jwk' }), /2048 bits/],
  ])('refuses %s', (_what, value, reason) => {
    const result = checkPublicJwk(value);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(reason);
  });

  it('refuses an EC point that is not on the curve', () => {
    const ec = publicOf('ec', { namedCurve: 'P-256' });
    expect(checkPublicJwk({ ...ec, y: ec.x })).toEqual({ ok: false, reason: 'is not a valid P-256 public key' });
  });
});

describe('jwkThumbprint', () => {
  it('is the RFC 7638 thumbprint jose computes', async () => {
    const { jose } = await loadLibs();
    for (const jwk of [publicOf('ed25519'), publicOf('ec', { namedCurve: 'P-256' }), publicOf('rsa', { modulusLength: 2048 })]) {
      expect(jwkThumbprint(jwk)).toBe(await jose.calculateJwkThumbprint(jwk));
    }
  });
});
