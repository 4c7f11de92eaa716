import { escoSkillUris, levelFromResults, normalizeEscoSkillUri } from './achievement-mapping';

describe('escoSkillUris', () => {
  const uuid = 'a1b2c3d4-e5f6-4789-8abc-0123456789ab';
  it.each([
    [`http://data.europa.eu/esco/skill/${uuid}`, `http://data.europa.eu/esco/skill/${uuid}`],
    [`https://data.europa.eu/esco/skill/${uuid}`, `http://data.europa.eu/esco/skill/${uuid}`],
    [`http://data.europa.eu/esco/skill/${uuid.toUpperCase()}/`, `http://data.europa.eu/esco/skill/${uuid}`],
    [`https://esco.ec.europa.eu/en/classification/skill?uri=${encodeURIComponent(`http://data.europa.eu/esco/skill/${uuid}`)}`, `http://data.europa.eu/esco/skill/${uuid}`],
    [`http://data.europa.eu/esco/occupation/${uuid}`, null],
    ['http://data.europa.eu/esco/skill/not-a-uuid', null],
    ['https://credentialfinder.org/credential/20229/Requirements_Analysis', null],
    ['', null],
  ])('%s → %s', (input, expected) => {
    expect(normalizeEscoSkillUri(input)).toBe(expected);
  });

  it('reads targetUrl and targetCode, dedupes, keeps order', () => {
    const other = 'b1b2c3d4-e5f6-4789-8abc-0123456789ab';
    expect(
      escoSkillUris([
        { targetName: 'x', targetUrl: 'https://credentialfinder.org/credential/1' },
        { targetCode: `http://data.europa.eu/esco/skill/${other}` },
        { targetUrl: `http://data.europa.eu/esco/skill/${uuid}`, targetCode: `https://data.europa.eu/esco/skill/${uuid}` },
        { targetUrl: `http://data.europa.eu/esco/skill/${other}` },
      ]),
    ).toEqual([`http://data.europa.eu/esco/skill/${other}`, `http://data.europa.eu/esco/skill/${uuid}`]);
  });

  it('no alignments, no URIs', () => {
    expect(escoSkillUris([])).toEqual([]);
  });
});

describe('levelFromResults', () => {
  it('uses the achieved rubric level, with its rank', () => {
    expect(
      levelFromResults([
        { name: 'Skill level', achievedLevel: { id: 'l3', name: 'Advanced' }, levels: ['Basic', 'Intermediate', 'Advanced'] },
      ]),
    ).toEqual({ label: 'Advanced', rank: 3, outOf: 3, description: 'Skill level', source: 'rubric-level' });
  });

  it('falls back to a level label or id when the level has no name', () => {
    expect(levelFromResults([{ achievedLevel: { id: 'urn:lvl:2', level: 'B2' } }])).toEqual({ label: 'B2', source: 'rubric-level' });
    expect(levelFromResults([{ achievedLevel: { id: 'urn:lvl:2' } }])).toEqual({ label: 'urn:lvl:2', source: 'rubric-level' });
  });

  it('falls back to a result value (grade, percent)', () => {
    expect(levelFromResults([{ name: 'Final grade', resultType: 'LetterGrade', value: 'A' }])).toEqual({
      label: 'A',
      description: 'Final grade',
      source: 'result-value',
    });
  });

  it('nothing to say', () => {
    expect(levelFromResults(undefined)).toBeNull();
    expect(levelFromResults([])).toBeNull();
    expect(levelFromResults([{ name: 'Proficiency', levels: ['a', 'b'] }])).toBeNull();
  });
});
