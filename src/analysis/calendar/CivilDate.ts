/**
 * A calendar date with no zone (a wall-calendar day). Arithmetic runs on the proleptic Gregorian calendar
 * through `Date.UTC`, which never consults the host zone.
 */
export interface CivilDate {
  year: number;
  /** 1..12 */
  month: number;
  /** 1..31 */
  day: number;
}

const DAY_MS = 86_400_000;

export function civilToDayNumber(date: CivilDate): number {
  return Math.floor(Date.UTC(date.year, date.month - 1, date.day) / DAY_MS);
}

export function dayNumberToCivil(dayNumber: number): CivilDate {
  const d = new Date(dayNumber * DAY_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

export function addDays(date: CivilDate, days: number): CivilDate {
  return dayNumberToCivil(civilToDayNumber(date) + days);
}

export function addMonths(date: CivilDate, months: number): CivilDate {
  const index = date.year * 12 + (date.month - 1) + months;
  return { year: Math.floor(index / 12), month: (index % 12) + 1, day: 1 };
}

/** ISO weekday: Monday = 1 … Sunday = 7. */
export function isoWeekday(date: CivilDate): number {
  const weekday = new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
  return weekday === 0 ? 7 : weekday;
}

export function formatCivil(date: CivilDate): string {
  return `${String(date.year).padStart(4, '0')}-${pad2(date.month)}-${pad2(date.day)}`;
}

export function compareCivil(a: CivilDate, b: CivilDate): number {
  return civilToDayNumber(a) - civilToDayNumber(b);
}

export function pad2(n: number): string {
  return String(n).padStart(2, '0');
}
