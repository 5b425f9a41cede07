import { describe, expect, it } from 'vitest';
import { comparableSpan, elapsedDays } from '../../../src/analysis/calendar/comparableSpan.ts';
import { isoWeekOf } from '../../../src/analysis/calendar/isoWeek.ts';
import { periodIdAt, periodOf, shiftPeriodId } from '../../../src/analysis/calendar/periodOf.ts';
import { elapsedLabel, periodLabel } from '../../../src/analysis/calendar/periodLabel.ts';
import { instantOfLocal, localTime, zoneOffsetMs } from '../../../src/analysis/calendar/zoneClock.ts';

const H = 3_600_000;
const at = (iso: string) => Date.parse(iso);

describe('local days across DST', () => {
  it('spring-forward day in New York has 23 hours', () => {
    const day = periodOf('daily', '2026-03-08', 'America/New_York');
    expect(new Date(day.start).toISOString()).toBe('2026-03-08T05:00:00.000Z');
    expect(new Date(day.end).toISOString()).toBe('2026-03-09T04:00:00.000Z');
    expect(day.hours).toBe(23);
  });

  it('fall-back day in New York has 25 hours', () => {
    const day = periodOf('daily', '2026-11-01', 'America/New_York');
    expect(new Date(day.start).toISOString()).toBe('2026-11-01T04:00:00.000Z');
    expect(day.hours).toBe(25);
  });

  it('European changes happen on other dates and in other hours', () => {
    expect(periodOf('daily', '2026-03-29', 'Europe/Amsterdam').hours).toBe(23);
    expect(periodOf('daily', '2026-10-25', 'Europe/Amsterdam').hours).toBe(25);
    expect(periodOf('daily', '2026-03-08', 'Europe/Amsterdam').hours).toBe(24);
  });

  it('a day that starts inside a DST gap starts when the clocks jump', () => {
    // Santiago springs forward at local midnight: 2026-09-06 00:00 does not exist, the day starts at 01:00.
    const day = periodOf('daily', '2026-09-06', 'America/Santiago');
    expect(localTime(day.start, 'America/Santiago')).toMatchObject({ day: 6, hour: 1, minute: 0 });
    expect(day.hours).toBe(23);
  });

  it('UTC and fixed zones never change', () => {
    expect(periodOf('daily', '2026-03-08', 'UTC').hours).toBe(24);
    expect(periodOf('monthly', '2026-02', 'Asia/Kolkata').hours).toBe(28 * 24);
    expect(zoneOffsetMs(at('2026-06-01T00:00:00Z'), 'Asia/Kolkata')).toBe(5.5 * H);
  });

  it('months containing a DST change have 743 or 745 hours', () => {
    expect(periodOf('monthly', '2026-03', 'America/New_York').hours).toBe(31 * 24 - 1);
    expect(periodOf('monthly', '2026-11', 'America/New_York').hours).toBe(30 * 24 + 1);
  });

  it('instantOfLocal picks the earlier of a repeated hour', () => {
    const t = instantOfLocal({ year: 2026, month: 11, day: 1 }, 'America/New_York', 1);
    expect(new Date(t).toISOString()).toBe('2026-11-01T05:00:00.000Z');
  });
});

describe('ISO weeks', () => {
  it('week 1 of 2026 starts on Monday 29 December 2025', () => {
    const week = periodOf('weekly', '2026-W01', 'UTC');
    expect(week.firstDay).toEqual({ year: 2025, month: 12, day: 29 });
    expect(week.lastDay).toEqual({ year: 2026, month: 1, day: 4 });
    expect(periodLabel(week)).toBe('Week 1, 29 December 2025 – 4 January 2026');
  });

  it('2026 has a week 53 running into January 2027', () => {
    const week = periodOf('weekly', '2026-W53', 'Europe/Amsterdam');
    expect(week.firstDay).toEqual({ year: 2026, month: 12, day: 28 });
    expect(week.lastDay).toEqual({ year: 2027, month: 1, day: 3 });
    expect(shiftPeriodId('weekly', '2026-W53', 1)).toBe('2027-W01');
    expect(shiftPeriodId('weekly', '2027-W01', -1)).toBe('2026-W53');
  });

  it('a week spanning two months is labelled with both', () => {
    const week = periodOf('weekly', '2026-W49', 'UTC');
    expect(periodLabel(week)).toBe('Week 49, 30 November – 6 December 2026');
    expect(periodLabel(periodOf('weekly', '2026-W47', 'UTC'))).toBe('Week 47, 16–22 November 2026');
  });

  it('assigns dates near the year boundary to the right ISO year', () => {
    expect(isoWeekOf({ year: 2027, month: 1, day: 1 })).toEqual({ isoYear: 2026, week: 53 });
    expect(isoWeekOf({ year: 2024, month: 12, day: 30 })).toEqual({ isoYear: 2025, week: 1 });
    expect(isoWeekOf({ year: 2026, month: 11, day: 21 })).toEqual({ isoYear: 2026, week: 47 });
  });

  it('the week containing a DST change has 167 or 169 hours', () => {
    expect(periodOf('weekly', '2026-W10', 'America/New_York').hours).toBe(167);
    expect(periodOf('weekly', '2026-W44', 'America/New_York').hours).toBe(169);
  });
});

describe('period ids at an instant', () => {
  it('uses the report zone, not UTC or the host zone', () => {
    const t = at('2026-11-22T03:30:00Z'); // 21 Nov 22:30 in New York, 22 Nov in UTC
    expect(periodIdAt('daily', t, 'America/New_York')).toBe('2026-11-21');
    expect(periodIdAt('daily', t, 'UTC')).toBe('2026-11-22');
    expect(periodIdAt('weekly', t, 'America/New_York')).toBe('2026-W47');
    expect(periodIdAt('monthly', at('2026-12-01T02:00:00Z'), 'America/New_York')).toBe('2026-11');
  });

  it('shifts days, months and years', () => {
    expect(shiftPeriodId('daily', '2026-03-01', -1)).toBe('2026-02-28');
    expect(shiftPeriodId('monthly', '2026-01', -1)).toBe('2025-12');
    expect(shiftPeriodId('monthly', '2026-11', 14)).toBe('2028-01');
  });
});

describe('open periods', () => {
  it('counts elapsed local days and labels month to date', () => {
    const month = periodOf('monthly', '2026-10', 'UTC');
    const through = at('2026-10-12T15:00:00Z');
    expect(elapsedDays(month, through)).toBe(12);
    expect(elapsedLabel(month, 12, 0)).toBe('month to date, 12 of 31 days');
    expect(elapsedDays(month, month.end + 5)).toBe(31);
    expect(elapsedDays(month, month.start)).toBe(0);
  });

  it('compares with the same elapsed days of the previous month', () => {
    const tz = 'America/New_York';
    const november = periodOf('monthly', '2026-11', tz);
    const october = periodOf('monthly', '2026-10', tz);
    // 12 November, 10:00 local: 11 whole days and 10 hours.
    const through = instantOfLocal({ year: 2026, month: 11, day: 12 }, tz, 10);
    const span = comparableSpan(november, through, october);
    expect(span.start).toBe(october.start);
    expect(span.end).toBe(instantOfLocal({ year: 2026, month: 10, day: 12 }, tz, 10));
  });

  it('a closed period compares with the whole previous one', () => {
    const a = periodOf('weekly', '2026-W47', 'UTC');
    const b = periodOf('weekly', '2026-W46', 'UTC');
    expect(comparableSpan(a, a.end, b)).toEqual({ start: b.start, end: b.end });
  });
});
