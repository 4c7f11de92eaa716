import { WordIndex } from './word-index';

describe('WordIndex', () => {
  const keys = [
    'salon management',
    'project management',
    'sale of goods',
    'manage a salon',
    'javascript',
    'use databases',
    'management of the salt storage',
  ];
  const index = new WordIndex();
  keys.forEach((key, id) => index.add(id, key));
  const active = (): boolean => true;
  const ranked = (words: string[], limit = 10): string[] => index.candidates(words, limit, active).map((c) => keys[c.keyId]);

  it('indexes distinct words', () => {
    expect(index.wordCount).toBe(14);
  });

  it('finds keys through a misspelt word (one-deletion neighbourhood: transposition)', () => {
    expect(ranked(['saoln', 'management'])[0]).toBe('salon management');
  });

  it('finds keys through a word with two typos (trigram pool)', () => {
    expect(ranked(['jvascirpt'])).toEqual(['javascript']);
  });

  it('ranks by IDF-weighted Jaccard; a known word only brings its close inflections', () => {
    // "management" is 4 edits from "manage" (similarity 0.6 < 0.8): not a neighbour of a known word.
    expect(ranked(['salon', 'management'])).toEqual([
      'salon management',
      'project management',
      'manage a salon',
      'management of the salt storage',
    ]);
  });

  it('lets an unknown (misspelt) word match several words, weighted by similarity', () => {
    // "saln": one edit from "salon" (0.8), "salt" and "sale" (0.75).
    expect(ranked(['saln'])).toEqual(['salon management', 'sale of goods', 'manage a salon', 'management of the salt storage']);
  });

  it('ignores function words of the query unless nothing else is left', () => {
    expect(ranked(['of', 'the', 'databases'])).toEqual(['use databases']);
    expect(ranked(['of'])).toEqual(['sale of goods', 'management of the salt storage']);
  });

  it('honours the limit and the activity filter', () => {
    expect(ranked(['salon', 'management'], 1)).toEqual(['salon management']);
    expect(index.candidates(['salon', 'management'], 10, (id) => id !== 0).map((c) => keys[c.keyId])[0]).toBe('project management');
  });

  it('returns nothing for unknown words and an empty index', () => {
    expect(ranked(['xyzzy'])).toEqual([]);
    expect(new WordIndex().candidates(['salon'], 10, active)).toEqual([]);
  });
});
