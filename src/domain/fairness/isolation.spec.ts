import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Demographic data must never be an input to scoring: nothing the matching engine or its data
 * loading is built from may import the fairness code or read the demographics table.
 */
describe('demographics stay out of scoring', () => {
  const root = join(__dirname, '..', '..');
  const sources = [
    ...readdirSync(join(root, 'domain', 'matching'))
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.spec.ts'))
      .map((f) => join(root, 'domain', 'matching', f)),
    join(root, 'domain', 'taxonomy', 'similarity.ts'),
    join(root, 'matching', 'match-evidence.repository.ts'),
    join(root, 'matching', 'match-index.service.ts'),
    join(root, 'matching', 'matching.service.ts'),
  ];

  it.each(sources.map((s) => [s.slice(root.length + 1), s]))('%s neither imports fairness code nor reads demographics', (_name, file) => {
    const text = readFileSync(file, 'utf8');
    expect(text).not.toMatch(/from ['"][^'"]*fairness[^'"]*['"]/);
    expect(text).not.toMatch(/demographic/i);
  });
});
