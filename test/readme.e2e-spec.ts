import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startTestApp, TestApp } from './support/test-app';

/** Every ```graphql block of the README, with its operation name. */
function readmeOperations(): [string, string][] {
  const readme = readFileSync(join(__dirname, '..', 'README.md'), 'utf8');
  const blocks = [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]);
  return blocks.map((block) => [/(?:query|mutation)\s+(\w+)/.exec(block)?.[1] ?? block.slice(0, 40), block]);
}

describe('README examples', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('has examples for each kind of user', () => {
    const names = readmeOperations().map(([name]) => name);
    expect(names.some((n) => n.startsWith('Recruiter'))).toBe(true);
    expect(names.some((n) => n.startsWith('Learner'))).toBe(true);
    expect(names.some((n) => n.startsWith('Advisor'))).toBe(true);
  });

  it.each(readmeOperations())('%s runs without errors and returns data', async (_name, operation) => {
    const result = await t.gql(operation);
    expect(result.errors).toBeUndefined();
    const values = Object.values(result.data ?? {});
    expect(values.length).toBeGreaterThan(0);
    for (const value of values) {
      expect(value).not.toBeNull();
      if (value && typeof value === 'object' && 'edges' in value) expect((value as { edges: unknown[] }).edges.length).toBeGreaterThan(0);
    }
  });
});
