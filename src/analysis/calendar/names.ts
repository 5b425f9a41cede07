// English names written out rather than taken from Intl, so labels never vary with the host's ICU data.
export const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/** Index 1 = Monday … 7 = Sunday (ISO), index 0 unused. */
export const WEEKDAY_NAMES = [
  '',
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
  'Sunday',
] as const;

export function monthName(month: number): string {
  return MONTH_NAMES[month - 1] ?? '?';
}

export function monthShort(month: number): string {
  return monthName(month).slice(0, 3);
}

export function weekdayName(isoWeekday: number): string {
  return WEEKDAY_NAMES[isoWeekday] ?? '?';
}

export function weekdayShort(isoWeekday: number): string {
  return weekdayName(isoWeekday).slice(0, 3);
}
