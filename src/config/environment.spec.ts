import { ConfigurationError } from './configuration.error';
import { loadEnvironment } from './environment';

describe('loadEnvironment', () => {
  it('applies defaults', () => {
    expect(loadEnvironment({})).toMatchObject({ PORT: 3000, DATA_DIR: '.data', LOG_LEVEL: 'info', NODE_ENV: 'development', DATABASE_URL: undefined, WEB_CONCURRENCY: 1, AUTH_TOKEN_MAX_TTL: '24h' });
  });

  it('reads valid values', () => {
    const secret = 'x'.repeat(32);
    const env = loadEnvironment({ PORT: '8080', DATABASE_URL: 'postgres://u@h:5432/db', LOG_LEVEL: 'debug', NODE_ENV: 'production', DATA_DIR: '/tmp/x', AUTH_JWT_SECRET: secret, RATE_LIMIT_PER_MINUTE: '30', WEB_CONCURRENCY: '2' });
    expect(env).toMatchObject({ WEB_CONCURRENCY: 2, PORT: 8080, DATABASE_URL: 'postgres://u@h:5432/db', LOG_LEVEL: 'debug', NODE_ENV: 'production', DATA_DIR: '/tmp/x', AUTH_JWT_SECRET: secret, RATE_LIMIT_PER_MINUTE: 30 });
  });

  it.each([
    [{ PORT: 'abc' }, /^Invalid configuration: PORT must be an integer between 0 and 65535 \(got "abc"\)$/],
    [{ PORT: '70000' }, /PORT must be/],
    [{ DATABASE_URL: 'mysql://x' }, /^Invalid configuration: DATABASE_URL must be a postgres/],
    [{ LOG_LEVEL: 'loud' }, /^Invalid configuration: LOG_LEVEL must be one of/],
    [{ NODE_ENV: 'staging' }, /^Invalid configuration: NODE_ENV must be one of/],
    [{ NODE_ENV: 'production' }, /^Invalid configuration: AUTH_JWT_SECRET must be set when NODE_ENV=production/],
    [{ AUTH_JWT_SECRET: 'short-secret' }, /^Invalid configuration: AUTH_JWT_SECRET must be at least 32 characters \(got 12 characters\)$/],
    [{ RATE_LIMIT_PER_MINUTE: '0' }, /^Invalid configuration: RATE_LIMIT_PER_MINUTE must be an integer of at least 1/],
    [{ RATE_LIMIT_PER_MINUTE: 'many' }, /RATE_LIMIT_PER_MINUTE must be/],
    [{ WEB_CONCURRENCY: '0' }, /^Invalid configuration: WEB_CONCURRENCY must be an integer between 1 and 64 \(got "0"\)$/],
    [{ WEB_CONCURRENCY: 'two' }, /WEB_CONCURRENCY must be/],
    [{ AUTH_TOKEN_MAX_TTL: 'forever' }, /^Invalid configuration: AUTH_TOKEN_MAX_TTL must look like 90s, 30m, 24h or 2d/],
    [{ AUTH_TOKEN_MAX_TTL: '0s' }, /^Invalid configuration: AUTH_TOKEN_MAX_TTL must be between 1 second and 8784 h \(got "0s"\)$/],
    [{ WEB_CONCURRENCY: '2' }, /^Invalid configuration: WEB_CONCURRENCY above 1 needs DATABASE_URL/],
  ])('refuses %j with one line naming the variable', (env, message) => {
    expect(() => loadEnvironment(env)).toThrow(ConfigurationError);
    expect(() => loadEnvironment(env)).toThrow(message);
  });
});
