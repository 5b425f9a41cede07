import { isoWeekday } from './CivilDate.ts';
import { monthName, monthShort, weekdayName, weekdayShort } from './names.ts';
import type { Period } from './Period.ts';

/** "Saturday 21 November 2026", "Week 47, 16–22 November 2026", "November 2026". */
export function periodLabel(period: Period): string {
  const { firstDay: a, lastDay: b } = period;
  switch (period.kind) {
    case 'daily':
      return `${weekdayName(isoWeekday(a))} ${a.day} ${monthName(a.month)} ${a.year}`;
    case 'weekly': {
      const week = Number(period.id.slice(6, 8));
      const span =
        a.year !== b.year
          ? `${a.day} ${monthName(a.month)} ${a.year} – ${b.day} ${monthName(b.month)} ${b.year}`
          : a.month !== b.month
            ? `${a.day} ${monthName(a.month)} – ${b.day} ${monthName(b.month)} ${b.year}`
            : `${a.day}–${b.day} ${monthName(a.month)} ${a.year}`;
      return `Week ${week}, ${span}`;
    }
    case 'monthly':
      return `${monthName(a.month)} ${a.year}`;
    default:
      throw new Error(`unknown period kind ${String(period.kind)}`);
  }
}

/** Short wording of one day: "Sat 21 Nov". */
export function dayShortLabel(date: { year: number; month: number; day: number }): string {
  return `${weekdayShort(isoWeekday(date))} ${date.day} ${monthShort(date.month)}`;
}

/** "day so far, 14 of 24 hours", "week to date, 3 of 7 days", "month to date, 12 of 31 days". */
export function elapsedLabel(period: Period, elapsedDays: number, elapsedHours: number): string {
  switch (period.kind) {
    case 'daily':
      return `day so far, ${elapsedHours} of ${period.hours} hours`;
    case 'weekly':
      return `week to date, ${elapsedDays} of ${period.days} days`;
    case 'monthly':
      return `month to date, ${elapsedDays} of ${period.days} days`;
    default:
      throw new Error(`unknown period kind ${String(period.kind)}`);
  }
}
