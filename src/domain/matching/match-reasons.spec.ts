import { fraction, matchSummary, monthOf, requirementReason, SummaryRequirement } from './match-reasons';

const MARCH = new Date('2025-03-14T10:00:00Z');
const evidence = (over: Partial<NonNullable<Parameters<typeof requirementReason>[0]['evidence']>> = {}) => ({
  skill: 'Swift',
  level: 4,
  evidencedAt: MARCH,
  decay: 0.912,
  similarity: 0.45,
  strength: 3.648,
  source: 'CREDENTIAL' as const,
  credential: 'iOS Developer',
  verification: 'VERIFIED',
  ...over,
});

describe('requirementReason', () => {
  it.each([
    [
      'related, capped at its similarity',
      { requiredSkill: 'SQL', requiredLevel: 3, via: 'RELATED' as const, coverage: 0.45, evidence: evidence(), gap: 'BELOW_LEVEL' as const },
      'Related skill Swift (level 4, March 2025, 91% fresh; credential iOS Developer, verified) counts 0.45 towards SQL at level 3, at most its similarity 0.45.',
    ],
    [
      'exact, in full',
      { requiredSkill: 'SQL', requiredLevel: 3, via: 'EXACT' as const, coverage: 1, evidence: evidence({ skill: 'SQL', similarity: 1, decay: 1, strength: 4 }), gap: null },
      'Evidence of SQL (level 4, March 2025, 100% fresh; credential iOS Developer, verified) counts 1.00 towards SQL at level 3.',
    ],
    [
      'exact, decayed, unverified credential',
      {
        requiredSkill: 'SQL',
        requiredLevel: 4,
        via: 'EXACT' as const,
        coverage: 0.4,
        evidence: evidence({ skill: 'SQL', level: 4, similarity: 1, decay: 0.5, strength: 1.6, verification: 'UNVERIFIED' }),
        gap: 'DECAYED' as const,
      },
      'Evidence of SQL (level 4, March 2025, 50% fresh; credential iOS Developer, unverified) counts 0.40 towards SQL at level 4, decayed to strength 1.6.',
    ],
    [
      'narrower, self-reported, below the level',
      {
        requiredSkill: 'JavaScript',
        requiredLevel: 4,
        via: 'NARROWER' as const,
        coverage: 0.27,
        evidence: evidence({ skill: 'TypeScript', level: 2, similarity: 0.9, decay: 1, strength: 1.2, source: 'SELF_REPORTED', credential: null, verification: null }),
        gap: 'BELOW_LEVEL' as const,
      },
      'Narrower skill TypeScript (level 2, March 2025, 100% fresh; self-reported) counts 0.27 towards JavaScript at level 4, at most its similarity 0.90; strength 1.2 is below the level.',
    ],
    [
      'missing',
      { requiredSkill: 'W3C standards', requiredLevel: 3, via: 'NONE' as const, coverage: 0, evidence: null, gap: 'MISSING' as const },
      'No evidence of W3C standards or a neighbouring skill: missing for W3C standards at level 3.',
    ],
    [
      'expired',
      { requiredSkill: 'W3C standards', requiredLevel: 3, via: 'NONE' as const, coverage: 0, evidence: null, gap: 'EXPIRED' as const },
      'Only expired evidence of W3C standards: counts nothing towards W3C standards at level 3.',
    ],
  ])('%s', (_name, input, sentence) => {
    expect(requirementReason(input)).toBe(sentence);
  });

  it('names any verification status as a word', () => {
    expect(requirementReason({ requiredSkill: 'SQL', requiredLevel: 3, via: 'EXACT', coverage: 1, evidence: evidence({ skill: 'SQL', similarity: 1, verification: 'SELF_ASSERTED' }), gap: null })).toContain(
      'credential iOS Developer, self asserted)',
    );
  });

  it('months and fractions', () => {
    expect(monthOf(new Date('2024-12-31T23:59:59Z'))).toBe('December 2024');
    expect(monthOf(new Date('2025-01-01T00:00:00Z'))).toBe('January 2025');
    expect([0, 0.344, 0.356, 1].map(fraction)).toEqual(['0.00', '0.34', '0.36', '1.00']);
  });
});

describe('matchSummary', () => {
  const r = (skill: string, coverage: number, over: Partial<SummaryRequirement> = {}): SummaryRequirement => ({
    skill,
    mandatory: false,
    weight: 1,
    coverage,
    via: coverage > 0 ? 'EXACT' : 'NONE',
    gap: coverage >= 1 ? null : coverage > 0 ? 'BELOW_LEVEL' : 'MISSING',
    ...over,
  });
  it.each([
    [
      'the issue example',
      [r('A', 1, { mandatory: true }), r('B', 1, { mandatory: true }), r('C', 0.8, { mandatory: true }), r('D', 1), r('E', 1), r('F', 0.5, { via: 'RELATED' }), r('G', 0.7, { via: 'NARROWER' }), r('W3C standards', 0)],
      'Meets all 3 mandatory requirements; exact evidence for 5 of 8; largest gap: W3C standards, missing.',
    ],
    ['one mandatory, all covered', [r('A', 1, { mandatory: true })], 'Meets the 1 mandatory requirement; exact evidence for 1 of 1; no gaps.'],
    [
      'misses a mandatory one; a heavier partial gap wins',
      [r('A', 0.5, { mandatory: true, weight: 3, gap: 'DECAYED' }), r('B', 0, { mandatory: true })],
      'Meets 0 of 2 mandatory requirements (not A, B); exact evidence for 1 of 2; largest gap: A, decayed (coverage 0.50).',
    ],
    [
      'no mandatory requirements, neighbour only',
      [r('A', 0.45, { via: 'RELATED' })],
      'No mandatory requirements; exact evidence for 0 of 1; largest gap: A, neighbouring skill only (coverage 0.45).',
    ],
    ['no requirements', [], 'No mandatory requirements; exact evidence for 0 of 0; no gaps.'],
  ])('%s', (_name, reqs, sentence) => {
    expect(matchSummary(reqs, 0.6)).toBe(sentence);
  });

  it('uses the mandatory threshold', () => {
    expect(matchSummary([r('A', 0.6, { mandatory: true })], 0.6)).toMatch(/^Meets the 1 mandatory requirement/);
    expect(matchSummary([r('A', 0.59, { mandatory: true })], 0.6)).toMatch(/^Meets 0 of 1 mandatory requirements \(not A\)/);
  });
});
