import { defaultAsOf, startOfUtcDay } from './start-of-utc-day';

describe('startOfUtcDay / defaultAsOf', () => {
  it.each([
    ['2026-12-07T23:59:59.999Z', '2026-12-07T00:00:00.000Z'],
    ['2026-12-08T00:00:00.000Z', '2026-12-08T00:00:00.000Z'],
    ['2026-12-08T00:00:00.001Z', '2026-12-08T00:00:00.000Z'],
    ['2024-02-29T13:00:00+05:00', '2024-02-29T00:00:00.000Z'],
    ['2024-03-01T02:00:00+05:00', '2024-02-29T00:00:00.000Z'], // 21:00 UTC the day before
  ])('%s → %s', (at, day) => {
    expect(startOfUtcDay(new Date(at)).toISOString()).toBe(day);
    expect(defaultAsOf(new Date(at)).toISOString()).toBe(day);
  });

  it('two calls a second apart give the same instant', () => {
    const a = defaultAsOf(new Date('2026-12-07T10:00:00Z'));
    const b = defaultAsOf(new Date('2026-12-07T10:00:01Z'));
    expect(a.getTime()).toBe(b.getTime());
  });
});
