import fc from 'fast-check';
import { EditDistance } from './edit-distance';

describe('EditDistance', () => {
  it.each([
    ['javascript', 'javascript', 0],
    ['javascirpt', 'javascript', 1], // adjacent transposition counts once
    ['javscript', 'javascript', 1], // deletion
    ['javaascript', 'javascript', 1], // insertion
    ['jabascript', 'javascript', 1], // substitution
    ['jvascirpt', 'javascript', 2],
    ['', 'abc', 3],
    ['kitten', 'sitting', 3],
  ])('osa(%j, %j) = %i', (a, b, distance) => {
    expect(EditDistance.osa(a, b)).toBe(distance);
    expect(EditDistance.osa(b, a)).toBe(distance);
  });

  it('handles strings longer than its initial buffers', () => {
    expect(EditDistance.osa('a'.repeat(100), `${'a'.repeat(99)}b`)).toBe(1);
    expect(EditDistance.osa('x'.repeat(300), 'y'.repeat(300), 5)).toBe(6);
  });

  it('stops early and returns max + 1 beyond the bound', () => {
    expect(EditDistance.osa('kitten', 'sitting', 2)).toBe(3);
    expect(EditDistance.osa('a', 'abcdef', 2)).toBe(3);
    expect(EditDistance.osa('kitten', 'sitting', 3)).toBe(3);
  });

  it('lists one-character deletions without duplicates', () => {
    expect(EditDistance.deletions('salon')).toEqual(['alon', 'slon', 'saon', 'saln', 'salo']);
    expect(EditDistance.deletions('aab')).toEqual(['ab', 'aa']);
  });
});

describe('EditDistance.osa against an unbanded reference', () => {
  const reference = (a: string, b: string): number => {
    const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
    for (let i = 1; i <= a.length; i += 1) {
      for (let j = 1; j <= b.length; j += 1) {
        d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
    return d[a.length][b.length];
  };

  it('agrees for every bound', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'd'), maxLength: 12 });
    fc.assert(
      fc.property(word, word, fc.nat(14), (a, b, max) => {
        const full = reference(a, b);
        expect(EditDistance.osa(a, b)).toBe(full);
        expect(EditDistance.osa(a, b, max)).toBe(full <= max ? full : max + 1);
      }),
      { seed: 11, numRuns: 2000 },
    );
  });
});
