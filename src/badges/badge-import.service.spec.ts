import { credentialTypeOf, nameSimilarity, skillLevelOf } from './badge-import.service';

describe('skillLevelOf', () => {
  it.each([
    [{ label: 'Advanced', rank: 3, outOf: 3, source: 'rubric-level' as const }, 4],
    [{ label: 'Novice', rank: 1, outOf: 3, source: 'rubric-level' as const }, 1],
    [{ label: 'Expert', source: 'rubric-level' as const }, 5],
    [{ label: 'Proficient', source: 'rubric-level' as const }, 3],
    [{ label: 'Developing', source: 'rubric-level' as const }, 2],
    [{ label: 'Band C', rank: 3, outOf: 4, source: 'rubric-level' as const }, 4],
    [{ label: 'Band A', rank: 1, outOf: 4, source: 'rubric-level' as const }, 1],
    [{ label: 'Level 2', source: 'rubric-level' as const }, 2],
    [{ label: '5', source: 'result-value' as const }, 5],
    [{ label: '7/10', source: 'result-value' as const }, 4],
    [{ label: '85%', source: 'result-value' as const }, 5],
    [{ label: '41%', source: 'result-value' as const }, 3],
    [{ label: 'B+', source: 'result-value' as const }, 4],
    [{ label: 'Pass', source: 'result-value' as const }, null],
    [{ label: 'urn:lvl:2', source: 'rubric-level' as const }, null],
  ])('%j → %s', (level, expected) => {
    expect(skillLevelOf(level)).toBe(expected);
  });

  it('null without a level', () => {
    expect(skillLevelOf(null)).toBeNull();
  });
});

describe('credentialTypeOf', () => {
  it.each([
    [undefined, 'BADGE'],
    ['Badge', 'BADGE'],
    ['Achievement', 'BADGE'],
    ['Certificate', 'CERTIFICATE'],
    ['CertificateOfCompletion', 'CERTIFICATE'],
    ['Certification', 'CERTIFICATION'],
    ['License', 'CERTIFICATION'],
    ['BachelorDegree', 'DEGREE'],
    ['MasterDegree', 'DEGREE'],
    ['Diploma', 'DEGREE'],
    ['ResearchDoctorate', 'DEGREE'],
    ['MicroCredential', 'MICRO_CREDENTIAL'],
    ['ext:Bootcamp', 'BADGE'],
  ])('%s → %s', (type, expected) => {
    expect(credentialTypeOf(type)).toBe(expected);
  });
});

describe('nameSimilarity', () => {
  it('is 1 for the same name up to case, punctuation and word order', () => {
    expect(nameSimilarity('Data Analysis with Python', 'data analysis — with python!')).toBe(1);
    expect(nameSimilarity('Python Data Analysis', 'Data Analysis Python')).toBe(1);
  });

  it('is high for a typo, low for another credential', () => {
    expect(nameSimilarity('Collaboration and Teamwork', 'Colaboration and Teamwork')).toBeGreaterThan(0.9);
    expect(nameSimilarity('Leading ICT Teams', 'Leading Technical Teams')).toBeLessThan(0.85);
    expect(nameSimilarity('', 'x')).toBe(0);
  });
});
