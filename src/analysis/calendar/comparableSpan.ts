import { addDays, civilToDayNumber } from './CivilDate.ts';
import type { Period } from './Period.ts';
import { instantOfLocal, localTime } from './zoneClock.ts';

/** Local days begun between the period start and `through` (exclusive), capped at the period's length. */
export function elapsedDays(period: Period, through: number): number {
  if (through >= period.end) return period.days;
  if (through <= period.start) return 0;
  const last = localTime(through - 1, period.timeZone);
  return Math.min(period.days, civilToDayNumber(last) - civilToDayNumber(period.firstDay) + 1);
}

/**
 * The span of `previous` that compares with the elapsed part of an open `current` period: the same number of
 * local days (weeks and months), or the same wall-clock hours (days), so a 23-hour day still compares with
 * the first hours of the day before. A closed period compares with the whole previous one.
 */
export function comparableSpan(current: Period, through: number, previous: Period): { start: number; end: number } {
  if (through >= current.end) return { start: previous.start, end: previous.end };
  if (current.kind === 'daily') {
    const hoursElapsed = Math.max(0, through - current.start);
    return { start: previous.start, end: Math.min(previous.end, previous.start + hoursElapsed) };
  }
  // Whole days elapsed before `through` plus the elapsed part of the current day, mapped day for day.
  const days = elapsedDays(current, through);
  if (days === 0) return { start: previous.start, end: previous.start };
  const currentDayStart = instantOfLocal(addDays(current.firstDay, days - 1), current.timeZone);
  const intoDay = through - currentDayStart;
  const previousDayStart = instantOfLocal(addDays(previous.firstDay, days - 1), previous.timeZone);
  return { start: previous.start, end: Math.min(previous.end, previousDayStart + intoDay) };
}
