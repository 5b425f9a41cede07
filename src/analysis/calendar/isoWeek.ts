import { addDays, isoWeekday, type CivilDate } from './CivilDate.ts';

/** The ISO week (Monday-based, week 1 holds the year's first Thursday) a date belongs to. */
export function isoWeekOf(date: CivilDate): { isoYear: number; week: number } {
  const thursday = addDays(date, 4 - isoWeekday(date));
  const jan1 = Date.UTC(thursday.year, 0, 1);
  const ordinal = Math.floor((Date.UTC(thursday.year, thursday.month - 1, thursday.day) - jan1) / 86_400_000);
  return { isoYear: thursday.year, week: Math.floor(ordinal / 7) + 1 };
}

/** The Monday that starts ISO week `week` of `isoYear`. */
export function isoWeekMonday(isoYear: number, week: number): CivilDate {
  const jan4: CivilDate = { year: isoYear, month: 1, day: 4 };
  const week1Monday = addDays(jan4, 1 - isoWeekday(jan4));
  return addDays(week1Monday, (week - 1) * 7);
}
