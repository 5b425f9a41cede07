import type { BundleKind } from '../../report/BundleKind.ts';
import { isBundleId } from '../../report/bundleId.ts';
import { addDays, addMonths, civilToDayNumber, formatCivil, pad2, type CivilDate } from './CivilDate.ts';
import { isoWeekMonday, isoWeekOf } from './isoWeek.ts';
import type { Period } from './Period.ts';
import { instantOfLocal, localTime } from './zoneClock.ts';

/** The period named by a bundle id, cut at local midnights in `timeZone`. */
export function periodOf(kind: BundleKind, id: string, timeZone: string): Period {
  if (!isBundleId(kind, id)) throw new RangeError(`not a ${kind} period id: ${JSON.stringify(id)}`);
  const firstDay = firstDayOf(kind, id);
  const nextFirstDay = firstDayAfter(kind, firstDay);
  const start = instantOfLocal(firstDay, timeZone);
  const end = instantOfLocal(nextFirstDay, timeZone);
  return {
    kind,
    id,
    timeZone,
    start,
    end,
    firstDay,
    lastDay: addDays(nextFirstDay, -1),
    days: civilToDayNumber(nextFirstDay) - civilToDayNumber(firstDay),
    hours: (end - start) / 3_600_000,
  };
}

/** The id of the period of `kind` that contains the instant. */
export function periodIdAt(kind: BundleKind, instantMs: number, timeZone: string): string {
  const t = localTime(instantMs, timeZone);
  return periodIdOfDay(kind, t);
}

export function periodIdOfDay(kind: BundleKind, date: CivilDate): string {
  switch (kind) {
    case 'daily':
      return formatCivil(date);
    case 'weekly': {
      const { isoYear, week } = isoWeekOf(date);
      return `${isoYear}-W${pad2(week)}`;
    }
    case 'monthly':
      return `${date.year}-${pad2(date.month)}`;
    default:
      throw new Error(`unknown period kind ${String(kind)}`);
  }
}

/** The id `steps` periods after (negative: before) `id`. */
export function shiftPeriodId(kind: BundleKind, id: string, steps: number): string {
  const first = firstDayOf(kind, id);
  switch (kind) {
    case 'daily':
      return formatCivil(addDays(first, steps));
    case 'weekly':
      return periodIdOfDay('weekly', addDays(first, steps * 7));
    case 'monthly':
      return periodIdOfDay('monthly', addMonths(first, steps));
    default:
      throw new Error(`unknown period kind ${String(kind)}`);
  }
}

export function firstDayOf(kind: BundleKind, id: string): CivilDate {
  if (!isBundleId(kind, id)) throw new RangeError(`not a ${kind} period id: ${JSON.stringify(id)}`);
  const year = Number(id.slice(0, 4));
  switch (kind) {
    case 'daily':
      return { year, month: Number(id.slice(5, 7)), day: Number(id.slice(8, 10)) };
    case 'weekly':
      return isoWeekMonday(year, Number(id.slice(6, 8)));
    case 'monthly':
      return { year, month: Number(id.slice(5, 7)), day: 1 };
    default:
      throw new Error(`unknown period kind ${String(kind)}`);
  }
}

function firstDayAfter(kind: BundleKind, first: CivilDate): CivilDate {
  switch (kind) {
    case 'daily':
      return addDays(first, 1);
    case 'weekly':
      return addDays(first, 7);
    case 'monthly':
      return addMonths(first, 1);
    default:
      throw new Error(`unknown period kind ${String(kind)}`);
  }
}
