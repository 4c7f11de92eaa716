import { DEFAULT_MATCH_CONFIG, configHash, confidenceOf, resolveMatchConfig, stableStringify } from './match-config';

describe('match config', () => {
  it.each([
    ['CREDENTIAL', 'VERIFIED', 1],
    ['CREDENTIAL', undefined, 1], // catalogue award: VERIFIED
    ['CREDENTIAL', null, 1],
    ['CREDENTIAL', 'UNVERIFIED', 0.6],
    ['CREDENTIAL', 'FAILED', 0],
    ['CREDENTIAL', 'REVOKED', 0],
    ['ASSESSMENT', undefined, 1],
    ['ASSESSMENT', 'REVOKED', 1], // verification only applies to credentials
    ['EXPERIENCE', undefined, 0.9],
    ['SELF_REPORTED', undefined, 0.6],
  ] as const)('confidence %s/%s = %d', (source, verification, expected) => {
    expect(confidenceOf(DEFAULT_MATCH_CONFIG, source, verification)).toBe(expected);
  });

  it('threshold default 0.6; overrides merge', () => {
    const c = resolveMatchConfig({ confidence: { CREDENTIAL: { UNVERIFIED: 0.5 }, EXPERIENCE: 0.7 }, mandatoryThreshold: 0.5 });
    expect(c).toEqual({
      confidence: { CREDENTIAL: { VERIFIED: 1, UNVERIFIED: 0.5, FAILED: 0, REVOKED: 0 }, ASSESSMENT: 1, EXPERIENCE: 0.7, SELF_REPORTED: 0.6 },
      mandatoryThreshold: 0.5,
    });
    expect(DEFAULT_MATCH_CONFIG.mandatoryThreshold).toBe(0.6);
  });

  it.each([[{ mandatoryThreshold: 1.5 }], [{ confidence: { ASSESSMENT: -0.1 } }]])('rejects %j', (o) => {
    expect(() => resolveMatchConfig(o)).toThrow(RangeError);
  });

  it('configHash is stable under key order and changes with values', () => {
    const a = { mandatoryThreshold: 0.6, confidence: { ASSESSMENT: 1, EXPERIENCE: 0.9 } };
    const b = { confidence: { EXPERIENCE: 0.9, ASSESSMENT: 1 }, mandatoryThreshold: 0.6 };
    expect(stableStringify(a)).toBe('{"confidence":{"ASSESSMENT":1,"EXPERIENCE":0.9},"mandatoryThreshold":0.6}');
    expect(configHash(a)).toBe(configHash(b));
    expect(configHash(a)).toMatch(/^[0-9a-f]{16}$/);
    expect(configHash({ ...a, mandatoryThreshold: 0.5 })).not.toBe(configHash(a));
    expect(configHash(DEFAULT_MATCH_CONFIG)).toBe(configHash(resolveMatchConfig()));
  });
});
