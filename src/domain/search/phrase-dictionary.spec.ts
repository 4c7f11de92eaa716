import fc from 'fast-check';
import { EXTRACTION_CONFIDENCE } from './search-scores';
import type { ExtractedSkill } from './search.types';
import { FIXTURE_SKILLS } from './search.fixture';
import { SkillSearchIndex } from './skill-search-index';

describe('SkillSearchIndex.extractSkills (PhraseDictionary)', () => {
  const index = new SkillSearchIndex(FIXTURE_SKILLS);
  const spans = (text: string): Array<[string, string, number]> =>
    index.extractSkills(text).map((h) => [h.skillId, h.matchedText, h.confidence]);
  const expectOffsetsConsistent = (text: string, hits: readonly ExtractedSkill[]): void => {
    for (const hit of hits) expect(text.slice(hit.start, hit.end)).toBe(hit.matchedText);
  };

  it('returns spans as written, with offsets, confidence and the matched label', () => {
    const text = 'We need Machine Learning and Node.js experience.';
    expect(index.extractSkills(text)).toEqual([
      { skillId: 'ml', matchedText: 'Machine Learning', start: 8, end: 24, confidence: 1, label: 'machine learning' },
      { skillId: 'node', matchedText: 'Node.js', start: 29, end: 36, confidence: 1, label: 'Node.js' },
    ]);
  });

  it('keeps offsets right around accents, punctuation and line breaks', () => {
    const text = '• Résumé-writing\n\t– C++ (advanced)';
    const hits = index.extractSkills(text);
    expect(hits.map((h) => [h.skillId, h.start, h.end])).toEqual([
      ['cv', 2, 16],
      ['cpp', 20, 23],
    ]);
    expectOffsetsConsistent(text, hits);
  });

  it('prefers the longest match: "machine learning" over "learning", "statistical learning" over "learning"', () => {
    expect(spans('machine learning, statistical learning and learning')).toEqual([
      ['ml', 'machine learning', 1],
      ['learn', 'learning', 1],
    ]);
    expect(spans('Learning by doing; machine-learning models')).toEqual([
      ['learn', 'Learning', 1],
      ['ml', 'machine-learning', 1],
    ]);
  });

  it('reports each skill once, at its best and then earliest mention', () => {
    expect(spans('JavaScript, javascript, JAVASCRIPT and Java script')).toEqual([['js', 'JavaScript', 1]]);
    const text = 'manage project plans, then manage projects';
    expect(spans(text)).toEqual([['pm', 'manage projects', 1]]);
  });

  it('tolerates plural/singular (confidence 0.9) and punctuation variants (confidence 1)', () => {
    expect(spans('We manage project budgets')).toEqual([['pm', 'manage project', EXTRACTION_CONFIDENCE.folded]]);
    expect(spans('use database')).toEqual([['db', 'use database', 0.9]]);
    expect(spans('nodejs')).toEqual([['node', 'nodejs', 1]]);
    expect(spans('node js')).toEqual([['node', 'node js', 1]]);
    expect(spans('NODE.JS')).toEqual([['node', 'NODE.JS', 1]]);
    expect(spans('ecommerce systems')).toEqual([['ecom', 'ecommerce systems', 1]]);
  });

  it('recognises tech symbols: C++, C#, .NET', () => {
    expect(spans('Stack: C++, C# and .NET; also c++ again.')).toEqual([
      ['cpp', 'C++', 1],
      ['cs', 'C#', 1],
      ['net', '.NET', 1],
    ]);
    expect(spans('.NET Framework 4')).toEqual([['net', '.NET Framework', 1]]);
  });

  it('never matches a stop word alone, even when it is an alias ("design")', () => {
    expect(spans('design skills and the ability to design')).toEqual([]);
    expect(spans('graphic design')).toEqual([['gd', 'graphic design', 1]]);
  });

  it('matches phrases of posting words, but not of function words only', () => {
    expect(spans('You will work in teams.')).toEqual([['team', 'work in teams', 1]]);
    expect(spans('and or the')).toEqual([]);
  });

  describe('short tokens (fewer than 3 letters) match only as written, standing alone', () => {
    it.each([
      ['Python, R and SQL.', [['r', 'R', 1], ['sql', 'SQL', 1]]],
      ['r and sql', [['sql', 'sql', 1]]],
      ['Our R&D team', []],
      ['We use Go and Rust', [['go', 'Go', 1]]],
      ['Go ahead and apply', []],
      ['we go there', []],
      ['golang', [['go', 'golang', 1]]],
      ['ML engineer', [['ml', 'ML', 1]]],
      ['ml engineer', []],
      ['IT support', []], // "it" is a stop word: never alone, whatever the case
      ['it works', []],
    ])('%j', (text, expected) => {
      expect(spans(text)).toEqual(expected);
    });
  });

  it('needs capitals for short acronyms that contain a vowel ("ICT"), but not for others ("DBMS")', () => {
    expect(spans('ICT skills, ICTs')).toEqual([['ict', 'ICT', 1]]);
    expect(spans('ict')).toEqual([]);
    expect(spans('dbms')).toEqual([['dbms', 'dbms', 1]]);
  });

  it('resolves ambiguous phrases: the skill named so, else the shortest name, with lower confidence', () => {
    // "SQL" is the name of `sql` and an alias of `dbms`.
    expect(spans('SQL')).toEqual([['sql', 'SQL', 1]]);
    // "lecture" is an alias of "teach students" and of "give talks" (shorter name).
    expect(spans('Lecture')).toEqual([['talk', 'Lecture', EXTRACTION_CONFIDENCE.exact * EXTRACTION_CONFIDENCE.ambiguityFactor]]);
  });

  it('handles empty and skill-free text', () => {
    expect(index.extractSkills('')).toEqual([]);
    expect(index.extractSkills('We are a friendly team of people.')).toEqual([]);
  });

  it('finds skills in a posting with correct offsets', () => {
    const text =
      'Senior engineer (m/f). You will use databases daily, write JavaScript and C# services on .NET, ' +
      'and apply machine learning. Experience with PostgreSQL, project management and résumé writing is a plus.';
    const hits = index.extractSkills(text);
    expect(hits.map((h) => [h.skillId, h.matchedText, h.confidence])).toEqual([
      ['db', 'use databases', 1],
      ['js', 'JavaScript', 1],
      ['cs', 'C#', 1],
      ['net', '.NET', 1],
      ['ml', 'machine learning', 1],
      ['pg', 'PostgreSQL', 1],
      ['pm', 'project management', 1],
      ['cv', 'résumé writing', 1],
    ]);
    expectOffsetsConsistent(text, hits);
    expect(hits.map((h) => h.start)).toEqual([...hits.map((h) => h.start)].sort((a, b) => a - b));
  });
});

describe('extractSkills properties', () => {
  const index = new SkillSearchIndex(FIXTURE_SKILLS);
  const pieces = [
    'machine learning', 'Machine-Learning', 'learning', 'JavaScript', 'C++', 'C#', '.NET', 'R', 'Go', 'the', 'and',
    'design', 'use databases', 'résumé writing', 'Node.js', 'ICT', 'it', 'lecture', '(', ',', '.', '\n', '  ', 'é',
  ];

  it('returns non-overlapping spans, one per skill, in text order, with offsets matching the text', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), fc.array(fc.constantFrom(' ', '', ', '), { maxLength: 40 }), (words, seps) => {
        const text = words.map((w, i) => w + (seps[i] ?? ' ')).join('');
        const hits = index.extractSkills(text);
        expect(new Set(hits.map((h) => h.skillId)).size).toBe(hits.length);
        for (let i = 0; i < hits.length; i += 1) {
          const hit = hits[i];
          expect(text.slice(hit.start, hit.end)).toBe(hit.matchedText);
          expect(hit.confidence).toBeGreaterThan(0);
          expect(hit.confidence).toBeLessThanOrEqual(1);
          if (i > 0) expect(hit.start).toBeGreaterThanOrEqual(hits[i - 1].end);
        }
      }),
      { seed: 42, numRuns: 300 },
    );
  });
});
