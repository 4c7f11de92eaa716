import { occupationKeys } from './occupation-keys';

describe('occupationKeys', () => {
  it.each<[string | null, string | null, string[]]>([
    ['http://data.europa.eu/esco/occupation/f2b15a0e-e65a-438a-affb-29b9d50b77d1', null, ['http://data.europa.eu/esco/occupation/f2b15a0e-e65a-438a-affb-29b9d50b77d1']],
    ['https://data.europa.eu/esco/occupation/f2b15a0e-e65a-438a-affb-29b9d50b77d1', null, ['http://data.europa.eu/esco/occupation/f2b15a0e-e65a-438a-affb-29b9d50b77d1']],
    [null, '15-1252.00', ['15-1252.00']],
    [null, '15-1252', ['15-1252.00']],
    ['https://www.onetonline.org/link/summary/15-1252.01', null, ['15-1252.01']],
    ['https://www.onetonline.org/link/summary/15-1252.01', '15-1252.01', ['15-1252.01']],
    ['https://example.org/occupation/7', 'X1', []],
  ])('%s / %s → %s', (uri, code, keys) => expect(occupationKeys({ uri, code, name: null })).toEqual(keys));
});
