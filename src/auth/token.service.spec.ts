import { createHmac } from 'node:crypto';
import { Role } from './role.enum';
import { AuthenticationError } from './authentication.error';
import { parseTtl, TokenService } from './token.service';

const LEARNER = '82e411d0-2065-57ca-abd0-2b37712efe88';

describe('TokenService', () => {
  const tokens = new TokenService('unit-test-secret-0123456789-0123456789');

  it('signs tokens it verifies back into the principal', async () => {
    expect(await tokens.verify(await tokens.sign({ role: Role.RECRUITER, sub: 'alice', candidateId: LEARNER }))).toEqual({ sub: 'alice', role: Role.RECRUITER, candidateId: null });
    expect(await tokens.verify(await tokens.sign({ role: Role.LEARNER, sub: 'ada', candidateId: LEARNER.toUpperCase() }))).toEqual({ sub: 'ada', role: Role.LEARNER, candidateId: LEARNER });
  });

  it('refuses to sign a learner token without a candidate id, or an unknown role', async () => {
    await expect(tokens.sign({ role: Role.LEARNER, sub: 'ada' })).rejects.toThrow(/candidate id/);
    await expect(tokens.sign({ role: 'ROOT' as Role, sub: 'x' })).rejects.toThrow(/role must be/);
  });

  it('rejects tokens of another key, expired ones and bad headers', async () => {
    const other = new TokenService('another-unit-test-secret-0123456789-0123');
    await expect(tokens.verify(await other.sign({ role: Role.ADMIN, sub: 'x' }))).rejects.toThrow(AuthenticationError);
    await expect(tokens.verify(await tokens.sign({ role: Role.ADMIN, sub: 'x' }, -5))).rejects.toThrow(/expired/);
    await expect(tokens.authenticate(undefined)).rejects.toThrow(/Missing bearer token/);
    await expect(tokens.authenticate('Token abc')).rejects.toThrow(/expected Bearer/);
    await expect(tokens.authenticate(`Bearer ${'a'.repeat(5000)}`)).rejects.toThrow(/Malformed/);
  });

  it('refuses tokens living longer than the maximum (24 h by default): exp − iat, and exp − now', async () => {
    const now = Math.floor(Date.now() / 1000);
    const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
    const make = async (payload: Record<string, number>) => {
      const input = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64({ sub: 'x', role: 'ADMIN', ...payload })}`;
      return `${input}.${createHmac('sha256', 'unit-test-secret-0123456789-0123456789').update(input).digest('base64url')}`;
    };
    await expect(tokens.verify(await make({ iat: now, exp: now + 24 * 3600 }))).resolves.toMatchObject({ sub: 'x' });
    await expect(tokens.verify(await make({ iat: now, exp: now + 24 * 3600 + 1 }))).rejects.toThrow('Token lifetime exceeds the maximum of 24 h');
    await expect(tokens.verify(await make({ iat: now, exp: 253402300799 }))).rejects.toThrow(/lifetime/); // 9999-12-31
    await expect(tokens.verify(await make({ exp: now + 25 * 3600 }))).rejects.toThrow(/lifetime/); // no iat: exp − now
    await expect(tokens.verify(await make({ iat: now + 30 * 86400, exp: now + 30 * 86400 + 60 }))).rejects.toThrow(/lifetime/); // a future iat
    await expect(tokens.verify(await make({ iat: now - 23 * 3600, exp: now + 2 * 3600 }))).rejects.toThrow(/lifetime/); // 25 h since iat
    const short = new TokenService('unit-test-secret-0123456789-0123456789', 600);
    await expect(short.verify(await tokens.sign({ role: Role.ADMIN, sub: 'x' }, 3600))).rejects.toThrow('Token lifetime exceeds the maximum of 10 min');
    await expect(short.sign({ role: Role.ADMIN, sub: 'x' }, 3600)).rejects.toThrow(/ttl must be at most 10 min/);
  });

  it.each([
    ['90s', 90],
    ['90', 90],
    ['30m', 1800],
    ['8h', 28800],
    ['2d', 172800],
  ])('parses the ttl %s', (text, seconds) => {
    expect(parseTtl(text)).toBe(seconds);
  });

  it.each(['', '8 hours', '-1h', '0s', '400d'])('refuses the ttl %j', (text) => {
    expect(() => parseTtl(text)).toThrow(/ttl must/);
  });

  it('refuses a ttl over the given maximum', () => {
    expect(parseTtl('24h', 86400)).toBe(86400);
    expect(() => parseTtl('25h', 86400)).toThrow('ttl must be between 1 second and 24 h');
  });
});
