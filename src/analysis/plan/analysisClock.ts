import { AlmanacError } from '../../errors/AlmanacError.ts';
import { isBundleId } from '../../report/bundleId.ts';
import { addDays } from '../calendar/CivilDate.ts';
import { firstDayOf } from '../calendar/periodOf.ts';
import { instantOfLocal, localTime } from '../calendar/zoneClock.ts';

export interface AnalysisClock {
  /** The instant the analysis looks from: the start of the current local hour, or the end of --through DATE. */
  asOf: number;
  /** False when --through names a past date: then only closed periods are built. */
  live: boolean;
}

/** Open periods are analyzed through the last whole local hour, so every comparison span is whole hours. */
export function analysisClock(now: number, timeZone: string, throughDate?: string): AnalysisClock {
  const t = localTime(now, timeZone);
  const hourStart = now - t.minute * 60_000 - t.second * 1000 - (((now % 1000) + 1000) % 1000);
  if (throughDate === undefined) return { asOf: hourStart, live: true };
  if (!isBundleId('daily', throughDate)) {
    throw new AlmanacError(
      'BadThroughDate',
      `--through expects a date like 2026-11-21, not ${JSON.stringify(throughDate)}.`,
      {
        hint: 'Give the last day to analyze, in the report time zone.',
        exitCode: 2,
      },
    );
  }
  const end = instantOfLocal(addDays(firstDayOf('daily', throughDate), 1), timeZone);
  return end < hourStart ? { asOf: end, live: false } : { asOf: hourStart, live: true };
}
