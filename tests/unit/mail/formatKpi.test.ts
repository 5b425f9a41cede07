import { describe, expect, it } from 'vitest';
import { describeKpiChange, formatDuration, formatKpiValue } from '../../../src/mail/compose/formatKpi.ts';
import type { Kpi } from '../../../src/report/ReportBundle.ts';

const kpi = (fields: Partial<Kpi>): Kpi => ({
  name: 'jobs_completed',
  label: 'Jobs completed',
  unit: 'count',
  value: 100,
  previous: 80,
  delta: 20,
  delta_ratio: 0.25,
  better: 'higher',
  trend: 'improved',
  same_weekday_last_week: null,
  trailing_mean: null,
  target: null,
  sparkline: [],
  ...fields,
});

describe('formatKpiValue', () => {
  it('formats each unit with a fixed locale, and null as "no data" (never 0)', () => {
    expect(formatKpiValue('count', 20940)).toBe('20,940');
    expect(formatKpiValue('fraction', 0.9834)).toBe('98.3%');
    expect(formatKpiValue('jobs_per_hour', 1413)).toBe('1,413 jobs/h');
    expect(formatKpiValue('machines', 47.62)).toBe('47.6');
    expect(formatKpiValue('ms', null)).toBe('no data');
    expect(formatKpiValue('count', 0)).toBe('0');
  });

  it('reads durations the way people say them', () => {
    expect(formatDuration(850)).toBe('850 ms');
    expect(formatDuration(13_500)).toBe('13.5 s');
    expect(formatDuration(158_000)).toBe('2 min 38 s');
    expect(formatDuration(120_000)).toBe('2 min');
    expect(formatDuration(7_800_000)).toBe('2 h 10 min');
  });
});

describe('describeKpiChange', () => {
  it('says the direction, the size, the reference and whether it is good news', () => {
    expect(describeKpiChange(kpi({}))).toEqual({ text: 'up 25% from 80 (better)', tone: 'good' });
    expect(
      describeKpiChange(kpi({ value: 60, delta: -20, delta_ratio: -0.25, trend: 'worsened', better: 'higher' })),
    ).toEqual({ text: 'down 25% from 80 (worse)', tone: 'bad' });
  });

  it('moves fractions in percentage points', () => {
    const rate = kpi({
      unit: 'fraction',
      value: 0.95,
      previous: 0.97,
      delta: -0.02,
      delta_ratio: -0.0206,
      trend: 'worsened',
    });
    expect(describeKpiChange(rate).text).toBe('down 2 pts from 97% (worse)');
    expect(describeKpiChange({ ...rate, value: 0.9701, delta: 0.0001, trend: 'unchanged' }).text).toBe(
      'unchanged from 97%',
    );
  });

  it('handles missing data and a zero base without inventing numbers', () => {
    expect(describeKpiChange(kpi({ value: null, delta: null, delta_ratio: null })).text).toBe('no data this period');
    expect(describeKpiChange(kpi({ previous: null, delta: null, delta_ratio: null })).text).toBe(
      'no previous data to compare',
    );
    expect(describeKpiChange(kpi({ previous: 0, value: 5, delta: 5, delta_ratio: null })).text).toBe(
      'up 5 from 0 (better)',
    );
  });
});
