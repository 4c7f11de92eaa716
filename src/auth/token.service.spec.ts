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
});
