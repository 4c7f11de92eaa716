import { TrigramIndex } from './trigram-index';

describe('TrigramIndex', () => {
  it('pads keys so short words still have grams', () => {
    expect(TrigramIndex.trigrams('go')).toEqual(['  g', ' go', 'go ']);
    expect(TrigramIndex.trigrams('aaa')).toEqual(['  a', ' aa', 'aaa', 'aa ']);
  });

  it('ranks by Dice coefficient, then smaller id, honouring the floor, limit and filter', () => {
    const index = new TrigramIndex();
    const words = ['javascript', 'java', 'python', 'javascripts', 'typescript'];
    words.forEach((w, id) => index.add(id, w));

    const all = index.candidates('javascirpt', 10, 0.3, () => true);
    expect(all.map((c) => words[c.id])).toEqual(['javascript', 'javascripts', 'java']); // typescript shares only "pt "
    expect(all.map((c) => c.dice)).toEqual([(2 * 7) / 22, (2 * 6) / 23, (2 * 4) / 16]);

    expect(index.candidates('javascirpt', 1, 0.3, () => true).map((c) => c.id)).toEqual([0]);
    expect(index.candidates('javascirpt', 10, 0.3, (id) => id !== 0).map((c) => words[c.id])).toEqual(['javascripts', 'java']);
    expect(index.candidates('zzz', 10, 0.1, () => true)).toEqual([]);
  });

  it('grows past its initial capacity', () => {
    const index = new TrigramIndex();
    for (let id = 0; id < 3000; id += 1) index.add(id, `w${id}`);
    expect(index.candidates('w2999', 1, 0.9, () => true)).toEqual([{ id: 2999, dice: 1 }]);
  });
});
