import { addMonthsUtc } from './add-months';

describe('addMonthsUtc', () => {
  it.each([
    ['2024-01-15T10:00:00Z', 12, '2025-01-15T10:00:00.000Z'],
    ['2024-01-31T00:00:00Z', 1, '2024-02-29T00:00:00.000Z'],
    ['2023-01-31T00:00:00Z', 1, '2023-02-28T00:00:00.000Z'],
    ['2024-11-30T00:00:00Z', 3, '2025-02-28T00:00:00.000Z'],
    ['2024-03-01T00:00:00Z', 36, '2027-03-01T00:00:00.000Z'],
  ])('%s + %i months = %s', (from, months, expected) => {
    expect(addMonthsUtc(new Date(from), months).toISOString()).toBe(expected);
  });
});
