import { addDays, civilToDayNumber, formatCivil, isoWeekday, pad2, type CivilDate } from '../calendar/CivilDate.ts';
import { comparableSpan } from '../calendar/comparableSpan.ts';
import { firstDayOf, periodOf, shiftPeriodId } from '../calendar/periodOf.ts';
import { dayShortLabel } from '../calendar/periodLabel.ts';
import { weekdayName } from '../calendar/names.ts';
import { instantOfLocal, localTime } from '../calendar/zoneClock.ts';
import type { Target } from './Target.ts';

/** `[start, end)` in epoch ms, always on local hour boundaries. */
export interface Span {
  start: number;
  end: number;
}

export interface DaySpan extends Span {
  dayId: string;
  dayNumber: number;
  weekday: number;
  /** "Sat 21 Nov". */
  label: string;
  /** False for the current, unfinished day. */
  complete: boolean;
  /** The same weekday in each of the previous eight weeks. */
  baseline: Span[];
}

export interface HourSpan extends Span {
  dayId: string;
  /** "14:00". */
  label: string;
  localHour: number;
  complete: boolean;
  /** The same local hour on each of the previous 14 days. */
  baseline: Span[];
}

/** Every span one bundle needs, by role. */
export interface TargetSpans {
  current: Span;
  previousId: string;
  previous: Span;
  sameWeekdayId: string | null;
  sameWeekday: Span | null;
  trailingIds: string[];
  trailing: Span[];
  sparkline: { id: string; span: Span }[];
  /** The hour buckets of the elapsed period (with hourly-anomaly baselines for a daily bundle). */
  hours: HourSpan[];
  /** The days of the elapsed period. */
  days: DaySpan[];
  /** The 90 days ending with the period's last elapsed day (its days included). */
  context: DaySpan[];
}

const SPARKLINE_LENGTH = { daily: 14, weekly: 12, monthly: 12 } as const;
const CONTEXT_DAYS = 90;
const BASELINE_WEEKS = 8;
const HOURLY_BASELINE_DAYS = 14;

export function targetSpans(target: Target, timeZone: string): TargetSpans {
  const { period, through } = target;
  const kind = period.kind;
  const previousId = shiftPeriodId(kind, period.id, -1);
  const comparable = (id: string) => comparableSpan(period, through, periodOf(kind, id, timeZone));
  const sameWeekdayId = kind === 'daily' ? shiftPeriodId('daily', period.id, -7) : null;
  const trailingIds = [4, 3, 2, 1].map((n) => shiftPeriodId(kind, period.id, -n));
  const sparkLength = SPARKLINE_LENGTH[kind];
  const sparkline = Array.from({ length: sparkLength }, (_, i) => {
    const id = shiftPeriodId(kind, period.id, i - sparkLength + 1);
    const p = periodOf(kind, id, timeZone);
    return { id, span: id === period.id ? { start: period.start, end: through } : { start: p.start, end: p.end } };
  });

  const lastDay = localTime(through - 1, timeZone);
  const lastDayCivil: CivilDate = { year: lastDay.year, month: lastDay.month, day: lastDay.day };
  const periodDays: DaySpan[] = [];
  for (let d = period.firstDay; civilToDayNumber(d) <= civilToDayNumber(lastDayCivil); d = addDays(d, 1)) {
    periodDays.push(daySpan(d, through, timeZone));
  }
  const context = Array.from({ length: CONTEXT_DAYS }, (_, i) =>
    daySpan(addDays(lastDayCivil, i - CONTEXT_DAYS + 1), through, timeZone),
  );
  return {
    current: { start: period.start, end: through },
    previousId,
    previous: comparable(previousId),
    sameWeekdayId,
    sameWeekday: sameWeekdayId ? comparable(sameWeekdayId) : null,
    trailingIds,
    trailing: trailingIds.map(comparable),
    sparkline,
    hours: periodDays.flatMap((d) =>
      hourSpans(
        firstDayOf('daily', d.dayId),
        d.start,
        periodOf('daily', d.dayId, timeZone).end,
        through,
        timeZone,
        kind === 'daily',
      ),
    ),
    days: periodDays,
    context,
  };
}

// A complete day's span does not depend on `through`, and consecutive targets share 89 of their 90 context days:
// sharing the (read-only) objects saves allocating and keying about 100,000 spans in a from-scratch run.
const completeDays = new Map<string, Map<number, DaySpan>>();

function daySpan(day: CivilDate, through: number, timeZone: string): DaySpan {
  const dayNumber = civilToDayNumber(day);
  let cache = completeDays.get(timeZone);
  if (!cache) completeDays.set(timeZone, (cache = new Map()));
  const cached = cache.get(dayNumber);
  if (cached && cached.end <= through) return cached;
  const span = computeDaySpan(day, through, timeZone);
  if (span.complete) {
    if (cache.size >= 100_000) cache.clear();
    cache.set(dayNumber, span);
  }
  return span;
}

function computeDaySpan(day: CivilDate, through: number, timeZone: string): DaySpan {
  const start = instantOfLocal(day, timeZone);
  const end = instantOfLocal(addDays(day, 1), timeZone);
  const weekday = isoWeekday(day);
  return {
    start,
    end: Math.min(end, Math.max(start, through)),
    dayId: formatCivil(day),
    dayNumber: civilToDayNumber(day),
    weekday,
    label: dayShortLabel(day),
    complete: end <= through,
    baseline: Array.from({ length: BASELINE_WEEKS }, (_, i) => {
      const d = addDays(day, -7 * (i + 1));
      return { start: instantOfLocal(d, timeZone), end: instantOfLocal(addDays(d, 1), timeZone) };
    }),
  };
}

export function weekdayLongName(weekday: number): string {
  return weekdayName(weekday);
}

function hourSpans(
  day: CivilDate,
  dayStart: number,
  dayEnd: number,
  through: number,
  timeZone: string,
  withBaseline: boolean,
): HourSpan[] {
  const hours: HourSpan[] = [];
  for (let t = dayStart; t < dayEnd && t < through; t += 3_600_000) {
    const local = localTime(t, timeZone);
    const end = Math.min(t + 3_600_000, dayEnd);
    hours.push({
      start: t,
      end: Math.min(end, through),
      dayId: formatCivil(day),
      label: `${pad2(local.hour)}:${pad2(local.minute)}`,
      localHour: local.hour,
      complete: end <= through,
      baseline: Array.from({ length: withBaseline ? HOURLY_BASELINE_DAYS : 0 }, (_, i) => {
        const d = addDays(day, -(i + 1));
        const s = instantOfLocal(d, timeZone, local.hour);
        return { start: s, end: s + 3_600_000 };
      }),
    });
  }
  return hours;
}

/** Every span of a target, for registering in the span plan. */
export function allSpans(t: TargetSpans): Span[] {
  return [
    t.current,
    t.previous,
    ...(t.sameWeekday ? [t.sameWeekday] : []),
    ...t.trailing,
    ...t.sparkline.map((s) => s.span),
    ...t.hours.flatMap((h) => [h, ...h.baseline]),
    ...t.days,
    ...t.context.flatMap((d) => [d, ...d.baseline]),
  ];
}
