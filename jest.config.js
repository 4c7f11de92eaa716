const transform = { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.spec.json' }] };

/**
 * Three projects: pure unit specs beside the code, e2e specs that need a seeded database, and
 * browser specs (the web console in headless chromium against the real app; skipped when
 * /usr/bin/chromium is missing). The e2e and browser projects share one global setup (run once).
 */
/** @type {import('jest').Config} */
module.exports = {
  testTimeout: 60000,
  // the machines have 2 cores; jest's default (cores - 1) would run the files one at a time
  maxWorkers: 2,
  projects: [
    {
      displayName: 'unit',
      rootDir: '.',
      testEnvironment: 'node',
      moduleFileExtensions: ['ts', 'js', 'json'],
      transform,
      testMatch: ['<rootDir>/src/**/*.spec.ts'],
    },
    {
      displayName: 'e2e',
      rootDir: '.',
      testEnvironment: 'node',
      moduleFileExtensions: ['ts', 'js', 'json'],
      transform,
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
    },
    {
      displayName: 'browser',
      rootDir: '.',
      testEnvironment: 'node',
      moduleFileExtensions: ['ts', 'js', 'json'],
      transform,
      testMatch: ['<rootDir>/test/browser/**/*.browser-spec.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
    },
  ],
};
