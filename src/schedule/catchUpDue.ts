import { previousFireTime } from './cronTimes.ts';

/**
 * The scheduled time a job missed, or null when it is up to date: the last time its cron fired at or before
 * `now` (report time zone), if no successful run started at or after it.
 */
export function catchUpDue(cron: string, timezone: string, now: Date, lastCovered: Date | null): Date | null {
  const lastScheduled = previousFireTime(cron, timezone, now);
  if (lastScheduled === null) return null;
  if (lastCovered !== null && lastCovered.getTime() >= lastScheduled.getTime()) return null;
  return lastScheduled;
}
