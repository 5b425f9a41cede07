import { addDays, type CivilDate } from '../calendar/CivilDate.ts';
import { instantOfLocal } from '../calendar/zoneClock.ts';

const HOUR = 3_600_000;

/**
 * The boundaries of the local clock hours from the start of `firstDay` up to `end`: hour buckets restart at
 * every local midnight, so a day has 23, 24 or 25 of them and every local day, week and month is a run of
 * whole buckets. The last element is `end` itself (or the last boundary before it, if `end` is not on one).
 */
export function hourBuckets(firstDay: CivilDate, end: number, timeZone: string): number[] {
  const boundaries: number[] = [];
  let day = firstDay;
  let dayStart = instantOfLocal(day, timeZone);
  while (dayStart < end) {
    const next = addDays(day, 1);
    const nextStart = instantOfLocal(next, timeZone);
    for (let t = dayStart; t < nextStart && t < end; t += HOUR) boundaries.push(t);
    day = next;
    dayStart = nextStart;
  }
  if (boundaries.length === 0) return [end];
  const last = boundaries[boundaries.length - 1]!;
  boundaries.push(Math.min(end, last + HOUR, dayStart));
  return boundaries;
}
