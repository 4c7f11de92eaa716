import { parseEscoArgs } from '../import-esco';
import { parseOnetArgs } from '../import-onet';
import { mergeAliases } from './aliases';
import { selectAcyclicEdges } from './broader-cycles';
import { crc32 } from './fixtures';
import { parseTsv } from './import-input';
import { SkipLog, formatSummary } from './summary';

describe('import helpers', () => {
  it('selectAcyclicEdges keeps a DAG with the stored edges, skipping edges that close a cycle in input order', () => {
    expect(selectAcyclicEdges([['a', 'b']], [['b', 'c'], ['c', 'a'], ['b', 'c'], ['d', 'd'], ['d', 'a']])).toEqual({
      kept: [['b', 'c'], ['d', 'a']],
      skipped: [['d', 'd'], ['c', 'a']],
    });
    expect(selectAcyclicEdges([], [['x', 'y'], ['y', 'z']])).toEqual({ kept: [['x', 'y'], ['y', 'z']], skipped: [] });
  });

  it('mergeAliases keeps stored aliases first and appends new ones once, case-insensitively, never the name', () => {
    expect(mergeAliases('Python', ['py', 'Python3'], ['PY', 'python', ' CPython ', 'cpython', ''])).toEqual(['py', 'Python3', 'CPython']);
    expect(mergeAliases('Python', [], [])).toEqual([]);
  });

  it('crc32 matches the standard check value', () => {
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926);
  });

  it('parseTsv trims fields and reads CRLF files', () => {
    expect(parseTsv(Buffer.from('A\tB\r\n x \t"y\r\n'), ['A', 'B'], 't.txt')).toEqual([{ A: 'x', B: '"y' }]);
    expect(() => parseTsv(Buffer.from('A\tB\r\n'), ['A', 'B'], 't.txt')).toThrow(/t\.txt: no data rows/);
  });

  it('parses the command lines', () => {
    expect(parseEscoArgs(['--classification', 'c.zip', '--relations=r.zip'], '/p')).toEqual({ classificationZip: '/p/c.zip', relationsZip: '/p/r.zip' });
    expect(() => parseEscoArgs(['--classification', 'c.zip'], '/p')).toThrow(/usage/);
    expect(() => parseEscoArgs(['--classification', 'c.zip', '--relations', 'r.zip', '--force'], '/p')).toThrow(/unknown option --force/);
    expect(parseOnetArgs(['onet'], '/p')).toBe('/p/onet');
    expect(() => parseOnetArgs([], '/p')).toThrow(/usage/);
  });

  it('formats a summary with totals, skipped rows and the attribution', () => {
    const skipped = new SkipLog();
    skipped.add('things', 'http://data.europa.eu/esco/skill/x');
    const text = formatSummary(
      { source: 'X', database: 'pglite', tables: { skill: { inserted: 2, updated: 1, unchanged: 3 } }, notes: ['a note'], skipped: skipped.entries, ms: 1500 },
      'Attribution.',
    );
    expect(text).toContain('X imported into pglite in 1.5 s');
    expect(text).toMatch(/total\s+2\s+1\s+3/);
    expect(text).toContain('skipped 1 things, e.g. esco:skill/x');
    expect(text.trimEnd().endsWith('Attribution.')).toBe(true);
  });
});
