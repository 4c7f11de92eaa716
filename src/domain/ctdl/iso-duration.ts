import { FULL_TIME_HOURS } from './ctdl-vocabulary';

export interface DurationHours {
  /** Hours of learner effort: the time part as written, calendar parts at full-time study rates. */
  hours: number;
  /** True when the duration has calendar parts (years, months, weeks, days): the hours are an estimate. */
  calendar: boolean;
}

const PATTERN = /^P(?:(\d+(?:[.,]\d+)?)Y)?(?:(\d+(?:[.,]\d+)?)M)?(?:(\d+(?:[.,]\d+)?)W)?(?:(\d+(?:[.,]\d+)?)D)?(?:T(?:(\d+(?:[.,]\d+)?)H)?(?:(\d+(?:[.,]\d+)?)M)?(?:(\d+(?:[.,]\d+)?)S)?)?$/;

/**
 * An ISO-8601 duration (`PT40H`, `P6M`, `P1Y2M10DT2H30M`, `P3W`) in hours; null when it is not
 * one (or is empty: `P`, `PT`). Calendar parts count as full-time study (FULL_TIME_HOURS:
 * 8 h a day, 40 a week, 160 a month, 1,600 a year).
 */
export function durationHours(value: string): DurationHours | null {
  const m = PATTERN.exec(value.trim().toUpperCase());
  if (!m || value.trim().toUpperCase().endsWith('T')) return null;
  if (m.slice(1).every((part) => part === undefined)) return null;
  const n = (i: number) => (m[i] === undefined ? 0 : Number(m[i].replace(',', '.')));
  const calendarHours = n(1) * FULL_TIME_HOURS.year + n(2) * FULL_TIME_HOURS.month + n(3) * FULL_TIME_HOURS.week + n(4) * FULL_TIME_HOURS.day;
  const timeHours = n(5) + n(6) / 60 + n(7) / 3600;
  const calendar = [1, 2, 3, 4].some((i) => m[i] !== undefined && n(i) > 0);
  return { hours: round(calendarHours + timeHours), calendar };
}

/** Months in an ISO-8601 duration of whole years and months (`P3Y` → 36, `P18M` → 18); null otherwise. */
export function durationMonths(value: string): number | null {
  const m = /^P(?:(\d+)Y)?(?:(\d+)M)?$/.exec(value.trim().toUpperCase());
  if (!m || (m[1] === undefined && m[2] === undefined)) return null;
  return Number(m[1] ?? 0) * 12 + Number(m[2] ?? 0);
}

/** Hours as an ISO-8601 duration of hours (`PT40H`, `PT1.5H`). */
export function hoursDuration(hours: number): string {
  return `PT${round(hours)}H`;
}

function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
