import { TextNormaliser } from './text-normaliser';

describe('TextNormaliser', () => {
  describe('tokenise', () => {
    it('keeps offsets into the original text and normalises case, accents and apostrophes', () => {
      const text = '  Résumé, children’s CAFÉ!';
      expect(TextNormaliser.tokenise(text)).toEqual([
        { norm: 'resume', raw: 'Résumé', start: 2, end: 8, joinedToPrev: false },
        { norm: 'childrens', raw: 'children’s', start: 10, end: 20, joinedToPrev: false },
        { norm: 'cafe', raw: 'CAFÉ', start: 21, end: 25, joinedToPrev: false },
      ]);
    });

    it.each([
      ['Node.js, ASP.NET and .NET', ['node.js', 'asp.net', 'and', '.net']],
      ['C++/C# or F#', ['c++', 'c#', 'or', 'f#']],
      ['Notepad++ (v3.5).', ['notepad++', 'v3.5']],
      ['end of sentence. Next', ['end', 'of', 'sentence', 'next']],
      ["'quoted' (words) — dash", ['quoted', 'words', 'dash']],
      ['PM² ﬁle', ['pm2', 'file']],
      ['', []],
      ['!!! ... ---', []],
    ])('%j → %j', (text, norms) => {
      expect(TextNormaliser.tokenise(text).map((t) => t.norm)).toEqual(norms);
    });

    it('marks tokens glued to the previous one by punctuation only', () => {
      const joined = TextNormaliser.tokenise('e-commerce CI/CD R&D a - b').map((t) => [t.norm, t.joinedToPrev]);
      expect(joined).toEqual([
        ['e', false],
        ['commerce', true],
        ['ci', false],
        ['cd', true],
        ['r', false],
        ['d', true],
        ['a', false],
        ['b', false],
      ]);
    });
  });

  describe('normalise', () => {
    it.each([
      ['  Machine   LEARNING ', 'machine learning'],
      ['Résumé-writing', 'resume writing'],
      ['Java (computer programming)', 'java computer programming'],
      ['C#', 'c#'],
      ['Ünïcödé', 'unicode'],
    ])('%j → %j', (text, key) => {
      expect(TextNormaliser.normalise(text)).toBe(key);
    });
  });

  describe('keyVariants', () => {
    it.each([
      ['Node.js', ['node.js', 'nodejs', 'node js']],
      ['ASP.NET 3.5', ['asp.net 3.5', 'aspnet 35', 'asp net 3 5']],
      ['.NET', ['.net', 'dotnet']],
      ['.NET Framework', ['.net framework', 'dotnet framework']],
      ['e-commerce', ['e commerce', 'ecommerce']],
      ['CI/CD pipelines', ['ci cd pipelines', 'cicd pipelines']],
      ['machine learning', ['machine learning']],
      ['C++', ['c++']],
    ])('%j → %j', (label, variants) => {
      expect(TextNormaliser.keyVariants(TextNormaliser.tokenise(label))).toEqual(variants);
    });
  });

  describe('fold', () => {
    it.each([
      ['databases', 'databas'],
      ['database', 'databas'],
      ['policies', 'polici'],
      ['policy', 'polici'],
      ['processes', 'process'],
      ['process', 'process'],
      ['analysis', 'analysis'],
      ['status', 'status'],
      ['matches', 'match'],
      ['match', 'match'],
      ['uses', 'use'],
      ['use', 'use'],
      ['skills', 'skill'],
      ['node.js', 'node.js'],
      ['python3', 'python3'],
      ['c++', 'c++'],
    ])('%s → %s', (token, folded) => {
      expect(TextNormaliser.fold(token)).toBe(folded);
    });
  });

  it('builds loose keys from folded, sorted tokens and compact keys without spaces or dots', () => {
    expect(TextNormaliser.looseKey('use databases')).toBe('databas use');
    expect(TextNormaliser.looseKey('databases use')).toBe('databas use');
    expect(TextNormaliser.compactKey('java script')).toBe('javascript');
    expect(TextNormaliser.compactKey('node.js')).toBe('nodejs');
  });

  it('measures letters and digits and detects tech symbols', () => {
    expect(TextNormaliser.alnumLength('c++')).toBe(1);
    expect(TextNormaliser.alnumLength('node.js')).toBe(6);
    expect(['c++', 'c#', '.net', 'go', 'node.js'].map((t) => TextNormaliser.hasSymbol(t))).toEqual([true, true, true, false, false]);
  });
});
