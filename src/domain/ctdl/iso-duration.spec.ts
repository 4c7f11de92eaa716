import { durationHours, durationMonths, hoursDuration } from './iso-duration';

describe('durationHours', () => {
  it.each<[string, number | null, boolean | null]>([
    ['PT40H', 40, false],
    ['PT90M', 1.5, false],
    ['PT1H30M', 1.5, false],
    ['PT1.5H', 1.5, false],
    ['PT3600S', 1, false],
    ['pt2h', 2, false],
    ['P5D', 40, true],
    ['P2W', 80, true],
    ['P6M', 960, true],
    ['P1Y', 1600, true],
    ['P1DT4H', 12, true],
    ['P0DT4H', 4, false],
    ['P', null, null],
    ['PT', null, null],
    ['P1DT', null, null],
    ['40 hours', null, null],
    ['', null, null],
    ['P1H', null, null],
  ])('%s → %s hours (calendar %s)', (value, hours, calendar) => {
    const result = durationHours(value);
    if (hours === null) expect(result).toBeNull();
    else expect(result).toEqual({ hours, calendar });
  });
});

describe('durationMonths', () => {
  it.each<[string, number | null]>([
    ['P3Y', 36],
    ['P18M', 18],
    ['P1Y6M', 18],
    ['P2W', null],
    ['PT5H', null],
    ['P', null],
  ])('%s → %s', (value, months) => expect(durationMonths(value)).toBe(months));
});

describe('hoursDuration', () => {
  it.each<[number, string]>([
    [40, 'PT40H'],
    [1.5, 'PT1.5H'],
    [0, 'PT0H'],
  ])('%s → %s', (hours, iso) => expect(hoursDuration(hours)).toBe(iso));
});
