import fc from 'fast-check';
import { RESOLVE_MIN_SCORE, SEARCH_SCORES } from './search-scores';
import { FIXTURE_SKILLS } from './search.fixture';
import type { SearchableSkill } from './search.types';
import { MAX_QUERY_LENGTH, MAX_SEARCH_RESULTS, SkillSearchIndex } from './skill-search-index';

describe('SkillSearchIndex.searchSkills', () => {
  const index = new SkillSearchIndex(FIXTURE_SKILLS);
  const top = (query: string, first = 10): Array<[string, number, string, string]> =>
    index.searchSkills(query, first).map((h) => [h.skillId, h.score, h.matchedText, h.matchKind]);

  it('indexes every skill', () => {
    expect(index.size).toBe(FIXTURE_SKILLS.length);
    expect(index.has('js')).toBe(true);
    expect(index.has('nope')).toBe(false);
  });

  describe('exact name or alias: score 1', () => {
    it.each([
      ['JavaScript', 'js', 'JavaScript'],
      ['javascript', 'js', 'JavaScript'],
      ['JAVASCRIPT', 'js', 'JavaScript'],
      ['  JavaScript!  ', 'js', 'JavaScript'],
      ['golang', 'go', 'Golang'],
      ['Java', 'java', 'Java'],
      ['resume writing', 'cv', 'résumé writing'],
      ['RÉSUMÉ-WRITING', 'cv', 'résumé writing'],
      ['node.js', 'node', 'Node.js'],
      ['Node.JS', 'node', 'Node.js'],
      ['nodejs', 'node', 'Node.js'], // also the alias "NodeJS": same key, the name is preferred
      ['node js', 'node', 'Node.js'],
      ['c++', 'cpp', 'C++'],
      ['C#', 'cs', 'C#'],
      ['c sharp', 'cs', 'C Sharp'],
      ['.net', 'net', '.NET'],
      ['dotnet', 'net', '.NET'],
      ['ecommerce systems', 'ecom', 'e-commerce systems'],
      ['E-Commerce Systems', 'ecom', 'e-commerce systems'],
    ])('%j → %s via %j', (query, skillId, matchedText) => {
      expect(index.searchSkills(query, 1)).toEqual([{ skillId, score: 1, matchedText, matchKind: 'exact' }]);
    });

    it('prefers a name over an alias with the same text, then the smaller id', () => {
      expect(top('SQL', 2)).toEqual([
        ['sql', 1, 'SQL', 'exact'],
        ['dbms', 1, 'SQL', 'exact'],
      ]);
      // Both aliases, same text: stable tie-break on the skill id.
      expect(top('lecture')).toEqual([
        ['talk', 1, 'lecture', 'exact'],
        ['teach', 1, 'lecture', 'exact'],
      ]);
    });

    it('returns one hit per skill, the best one', () => {
      const hits = index.searchSkills('javascript', 10);
      expect(hits.filter((h) => h.skillId === 'js')).toEqual([{ skillId: 'js', score: 1, matchedText: 'JavaScript', matchKind: 'exact' }]);
      expect(new Set(hits.map((h) => h.skillId)).size).toBe(hits.length);
    });
  });

  describe('word order, plural and spacing: score 0.95', () => {
    it.each([
      ['learning machine', 'ml', 'machine learning'],
      ['databases use', 'db', 'use databases'],
      ['use database', 'db', 'use databases'],
      ['projects manage', 'pm', 'manage projects'],
      ['javascript server side', 'js', 'Server-side JavaScript'],
      ['post gresql', 'pg', 'PostgreSQL'],
      ['Machine learning skills', 'ml', 'machine learning'],
      ['knowledge of PostgreSQL', 'pg', 'PostgreSQL'],
      ['strong SQL skills', 'sql', 'SQL'],
    ])('%j → %s via %j', (query, skillId, matchedText) => {
      expect(index.searchSkills(query, 1)).toEqual([{ skillId, score: SEARCH_SCORES.loose, matchedText, matchKind: 'loose' }]);
    });
  });

  describe('prefix: 0.70 + 0.20 × |query| / |label|', () => {
    it('"postgres" finds PostgreSQL', () => {
      expect(top('postgres', 1)).toEqual([['pg', 0.86, 'PostgreSQL', 'prefix']]);
    });

    it('ranks exact above prefix and shorter completions first', () => {
      expect(top('java', 2)).toEqual([
        ['java', 1, 'Java', 'exact'],
        ['js', 0.78, 'JavaScript', 'prefix'],
      ]);
      expect(top('learn', 1)).toEqual([['learn', 0.825, 'learning', 'prefix']]);
      expect(top('machine lea', 1)).toEqual([['ml', 0.8375, 'machine learning', 'prefix']]);
    });
  });

  describe('fuzzy: 0.68 × similarity, below every prefix hit', () => {
    it.each([
      ['javascirpt', 'js', 0.612], // transposition: one OSA edit in 10
      ['javscript', 'js', 0.612], // deletion
      ['javasxript', 'js', 0.612], // substitution
      ['jvascirpt', 'js', 0.544], // two typos
      ['postgrseql', 'pg', 0.612],
      ['machin lerning', 'ml', 0.6347],
      ['lerning machine', 'ml', 0.6347], // typo and word order
      ['grafic design', 'gd', 0.5829],
    ])('%j → %s (%d)', (query, skillId, score) => {
      const [hit] = index.searchSkills(query, 1);
      expect(hit).toEqual({ skillId, score, matchedText: expect.any(String) as unknown as string, matchKind: 'fuzzy' });
      expect(hit.score).toBeLessThan(SEARCH_SCORES.prefixBase);
    });

    it('drops filler words before fuzzy matching', () => {
      expect(top('experience with using databases', 1)).toEqual([['db', 0.4703, 'use databases', 'fuzzy']]);
    });

    it('scores a word found inside a longer label by the length ratio', () => {
      expect(top('management', 2)).toEqual([
        ['pm', 0.3774, 'project management', 'fuzzy'], // 0.68 × (1 − 0.001 bitap) × 10/18
        ['dbms', 0.2516, 'database management systems', 'fuzzy'],
      ]);
    });
  });

  it('honours `first` (clamped to 0..MAX_SEARCH_RESULTS) and ignores blank queries', () => {
    expect(index.searchSkills('java', 1)).toHaveLength(1);
    expect(index.searchSkills('java', 0)).toEqual([]);
    expect(index.searchSkills('java', -3)).toEqual([]);
    expect(index.searchSkills('a', 10_000).length).toBeLessThanOrEqual(MAX_SEARCH_RESULTS);
    expect(index.searchSkills('', 10)).toEqual([]);
    expect(index.searchSkills(' ?! ', 10)).toEqual([]);
    expect(index.searchSkills('xyzzy plugh', 10)).toEqual([]);
    expect(index.searchSkills('java', Number.NaN)).toEqual([]);
  });

  it('cuts very long queries to MAX_QUERY_LENGTH characters', () => {
    const long = `${'machine learning '.repeat(20)}${'x'.repeat(50_000)}`;
    expect(index.searchSkills(long, 5)).toEqual(index.searchSkills(long.slice(0, MAX_QUERY_LENGTH), 5));
    expect(index.searchSkills(`machine learning${' '.repeat(50_000)}x`, 1)[0].skillId).toBe('ml');
    expect(MAX_QUERY_LENGTH).toBe(200);
  });

  it('keeps every score in (0, 1] and sorts by score descending', () => {
    for (const query of ['java', 'learn', 'management', 'data', 'lerning', 'c']) {
      const hits = index.searchSkills(query, 20);
      for (const hit of hits) {
        expect(hit.score).toBeGreaterThan(0);
        expect(hit.score).toBeLessThanOrEqual(1);
      }
      expect(hits.map((h) => h.score)).toEqual([...hits.map((h) => h.score)].sort((a, b) => b - a));
    }
  });
});

describe('SkillSearchIndex.resolveSkills', () => {
  const index = new SkillSearchIndex(FIXTURE_SKILLS);

  it('normalises a list of free-text skills in one call, null when nothing is close enough', () => {
    const resolved = index.resolveSkills(['Javascirpt', 'postgres', 'ML', 'learning machine', 'management', 'xyzzy', '', 'jvascirpt']);
    expect(resolved.map((r) => [r.input, r.hit?.skillId ?? null, r.hit?.score ?? null])).toEqual([
      ['Javascirpt', 'js', 0.612],
      ['postgres', 'pg', 0.86],
      ['ML', 'ml', 1],
      ['learning machine', 'ml', 0.95],
      ['management', null, null], // 0.3774 < RESOLVE_MIN_SCORE
      ['xyzzy', null, null],
      ['', null, null],
      ['jvascirpt', 'js', 0.544],
    ]);
    expect(RESOLVE_MIN_SCORE).toBe(0.5);
  });

  it('returns an empty list for no input', () => {
    expect(index.resolveSkills([])).toEqual([]);
  });

  it('ignores prefix completions covering less than half of the label', () => {
    // "jav" covers 3/4 of "java"; "mach" only 4/16 of "machine learning"; "javasc" 6/10 of "javascript".
    expect(index.resolveSkills(['jav', 'mach', 'javasc']).map((r) => [r.hit?.skillId ?? null, r.hit?.score ?? null])).toEqual([
      ['java', 0.85],
      [null, null],
      ['js', 0.82],
    ]);
    expect(index.searchSkills('mach', 1)).toEqual([{ skillId: 'ml', score: 0.75, matchedText: 'machine learning', matchKind: 'prefix' }]);
  });
});

describe('SkillSearchIndex updates', () => {
  it('upserts a new skill and finds it by name, alias and extraction', () => {
    const index = new SkillSearchIndex(FIXTURE_SKILLS);
    index.upsert({ id: 'k8s', name: 'Kubernetes', aliases: ['K8s'] });
    expect(index.size).toBe(FIXTURE_SKILLS.length + 1);
    expect(index.searchSkills('kubernetes', 1)[0]).toEqual({ skillId: 'k8s', score: 1, matchedText: 'Kubernetes', matchKind: 'exact' });
    expect(index.searchSkills('k8s', 1)[0].skillId).toBe('k8s');
    expect(index.searchSkills('kubernets', 1)[0].skillId).toBe('k8s');
    expect(index.searchSkills('kuber', 1)[0]).toEqual({ skillId: 'k8s', score: 0.8, matchedText: 'Kubernetes', matchKind: 'prefix' });
    expect(index.extractSkills('Kubernetes and K8s').map((h) => h.skillId)).toEqual(['k8s']);
  });

  it('replaces the labels of an existing skill', () => {
    const index = new SkillSearchIndex(FIXTURE_SKILLS);
    index.upsert({ id: 'go', name: 'Go (programming language)', aliases: ['Go lang'] });
    expect(index.size).toBe(FIXTURE_SKILLS.length);
    expect(index.searchSkills('golang', 1)[0]).toEqual({ skillId: 'go', score: 0.95, matchedText: 'Go lang', matchKind: 'loose' });
    expect(index.searchSkills('go lang', 1)[0]).toEqual({ skillId: 'go', score: 1, matchedText: 'Go lang', matchKind: 'exact' });
    expect(index.extractSkills('We use Go daily').map((h) => h.skillId)).toEqual([]);
  });

  it('removes a skill from search and extraction, and can add it back', () => {
    const index = new SkillSearchIndex(FIXTURE_SKILLS);
    expect(index.remove('pg')).toBe(true);
    expect(index.remove('pg')).toBe(false);
    expect(index.has('pg')).toBe(false);
    expect(index.searchSkills('postgresql', 5).map((h) => h.skillId)).not.toContain('pg');
    expect(index.searchSkills('postgres', 5).map((h) => h.skillId)).not.toContain('pg');
    expect(index.extractSkills('PostgreSQL')).toEqual([]);

    index.upsert(FIXTURE_SKILLS.find((s) => s.id === 'pg')!);
    expect(index.searchSkills('postgresql', 1)[0].skillId).toBe('pg');
    expect(index.extractSkills('PostgreSQL').map((h) => h.skillId)).toEqual(['pg']);
  });

  it('keeps a shared alias for the remaining skill when one of its owners is removed', () => {
    const index = new SkillSearchIndex(FIXTURE_SKILLS);
    index.remove('talk');
    expect(index.searchSkills('lecture', 5).map((h) => h.skillId)).toEqual(['teach']);
    expect(index.extractSkills('a lecture').map((h) => [h.skillId, h.confidence])).toEqual([['teach', 1]]);
  });

  it('ignores blank and duplicate labels', () => {
    const index = new SkillSearchIndex([{ id: 'x', name: 'Kotlin', aliases: ['', '  ', 'Kotlin', 'kotlin', '!!'] }]);
    expect(index.searchSkills('kotlin', 5)).toEqual([{ skillId: 'x', score: 1, matchedText: 'Kotlin', matchKind: 'exact' }]);
  });

  it('starts empty', () => {
    const index = new SkillSearchIndex();
    expect(index.size).toBe(0);
    expect(index.searchSkills('java', 5)).toEqual([]);
    expect(index.resolveSkills(['java'])).toEqual([{ input: 'java', hit: null }]);
    expect(index.extractSkills('java')).toEqual([]);
  });
});

describe('SkillSearchIndex search properties', () => {
  const index = new SkillSearchIndex(FIXTURE_SKILLS);

  it.each(FIXTURE_SKILLS.map((s) => [s.name, s.id]))('the name %j ranks its skill first with score 1', (name, id) => {
    expect(index.searchSkills(name, 1)).toEqual([{ skillId: id, score: 1, matchedText: name, matchKind: 'exact' }]);
  });

  it('finds a skill in the top 3 by its name with one typo (names of ≥ 5 letters)', () => {
    const names = FIXTURE_SKILLS.filter((s) => s.name.replace(/[^a-z]/gi, '').length >= 5);
    fc.assert(
      fc.property(
        fc.constantFrom(...names),
        fc.nat(),
        fc.constantFrom('insert', 'delete', 'substitute', 'transpose'),
        fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz'),
        (skill, at, op, letter) => {
          const letters = [...skill.name].map((c, i) => (/[a-z]/i.test(c) ? i : -1)).filter((i) => i >= 0);
          const i = letters[at % letters.length];
          const n = skill.name;
          const query =
            op === 'insert'
              ? n.slice(0, i) + letter + n.slice(i)
              : op === 'delete'
                ? n.slice(0, i) + n.slice(i + 1)
                : op === 'substitute'
                  ? n.slice(0, i) + letter + n.slice(i + 1)
                  : n.slice(0, i) + (n[i + 1] ?? '') + n[i] + n.slice(i + 2);
          expect(index.searchSkills(query, 3).map((h) => h.skillId)).toContain(skill.id);
        },
      ),
      { seed: 7, numRuns: 500 },
    );
  });
});

describe('SkillSearchIndex input hardening', () => {
  it('tolerates untyped records with a missing alias list or non-string aliases', () => {
    const raw = [
      { id: 'a', name: 'Kotlin' },
      { id: 'b', name: 'Scala', aliases: [null, 42, 'Scala 3'] },
    ] as unknown as SearchableSkill[];
    const index = new SkillSearchIndex(raw);
    expect(index.searchSkills('kotlin', 1)[0].skillId).toBe('a');
    expect(index.searchSkills('scala 3', 1)[0]).toEqual({ skillId: 'b', score: 1, matchedText: 'Scala 3', matchKind: 'exact' });
  });
});
