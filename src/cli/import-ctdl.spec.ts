import { join } from 'node:path';
import { parseCtdlArgs } from './import-ctdl';
import { ImportInputError } from './import/import-input';

const fixtures = join(__dirname, '..', '..', 'test', 'fixtures', 'ctdl');

describe('parseCtdlArgs', () => {
  it('resolves the files against the working directory, in order', () => {
    expect(parseCtdlArgs(['program.json', 'pathway.json'], fixtures)).toEqual([join(fixtures, 'program.json'), join(fixtures, 'pathway.json')]);
  });

  it.each<[string, string[], string]>([
    ['no file', [], 'usage: import-ctdl <file.json> [more files…]'],
    ['a missing file', ['nope.json'], `CTDL document not found: ${join(fixtures, 'nope.json')}`],
    ['a directory', ['.'], `CTDL document is not a file: ${fixtures}`],
    ['an unknown option', ['--fast', 'x', 'program.json'], 'unknown option --fast'],
  ])('refuses %s', (_what, argv, message) => {
    expect(() => parseCtdlArgs(argv, fixtures)).toThrow(ImportInputError);
    expect(() => parseCtdlArgs(argv, fixtures)).toThrow(message);
  });
});
