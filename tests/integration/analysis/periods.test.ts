import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { analyze } from '../../../src/analysis/analyze.ts';
import { BundleStore } from '../../../src/analysis/store/BundleStore.ts';
import { silentLogger } from '../../../src/log/silentLogger.ts';
import type { ReportBundle } from '../../../src/report/ReportBundle.ts';
import { parseBundle } from '../../../src/report/parseBundle.ts';
import type { Warehouse } from '../../../src/warehouse/Warehouse.ts';
import { jobRow, openTestWarehouse } from './testWarehouse.ts';

let db: { warehouse: Warehouse; dir: string; dispose(): Promise<void> };
beforeEach(async () => {
  db = await openTestWarehouse();
});
afterEach(async () => {
  await db.dispose();
});

const HOUR = 3_600_000;

/** One job created five minutes into every real hour from `from` to `to` (UTC instants), plus a collector run. */
async function oneJobAnHour(from: string, to: string): Promise<number> {
  const rows: Record<string, unknown>[] = [];
  for (let t = Date.parse(from); t < Date.parse(to); t += HOUR) {
    rows.push(jobRow({ job_id: `h${t}`, created: new Date(t + 300_000).toISOString() }));
  }
  await db.warehouse.append('jobs', rows);
  await db.warehouse.append('collection_runs', [
    { run_id: `r${to}`, source: 'emp', started_at: Date.parse(to), finished_at: Date.parse(to) + 1000, status: 'ok' },
  ]);
  return rows.length;
}

function analyzeAt(now: string, timeZone: string, through?: string) {
  return analyze({
    db: db.warehouse,
    store: new BundleStore(path.join(db.dir, 'reports')),
    logger: silentLogger,
    now: Date.parse(now),
    timeZone,
    ...(through ? { through } : {}),
    targets: { successRate: 0.99, machineVariation: 0.2, waitToRunRatio: 0.25 },
    pools: { fastMaxMs: 30_000, standardMaxMs: 180_000 },
    version: '0.0.0-test',
  });
}

function bundle(kind: string, id: string): ReportBundle {
  return parseBundle(readFileSync(path.join(db.dir, 'reports', kind, `${id}.json`), 'utf8'));
}

describe('golden: periods in the report time zone', () => {
  it('a spring-forward day has 23 hourly buckets and a fall-back day 25', async () => {
    const tz = 'America/New_York';
    // 7-9 March 2026 and 31 Oct - 2 Nov 2026 local, one job each real hour.
    await oneJobAnHour('2026-03-07T05:00:00Z', '2026-03-10T04:00:00Z');
    await oneJobAnHour('2026-10-31T04:00:00Z', '2026-11-03T05:00:00Z');
    await analyzeAt('2026-11-05T12:00:00Z', tz, '2026-11-02');

    const spring = bundle('daily', '2026-03-08');
    expect(spring.period).toMatchObject({
      hours: 23,
      start: '2026-03-08T05:00:00.000Z',
      end: '2026-03-09T04:00:00.000Z',
    });
    expect(spring.kpis.jobs_submitted.value).toBe(23);
    expect(spring.charts.series.map((p) => p.label)).toEqual([
      '00:00',
      '01:00',
      '03:00',
      '04:00',
      '05:00',
      '06:00',
      '07:00',
      '08:00',
      '09:00',
      '10:00',
      '11:00',
      '12:00',
      '13:00',
      '14:00',
      '15:00',
      '16:00',
      '17:00',
      '18:00',
      '19:00',
      '20:00',
      '21:00',
      '22:00',
      '23:00',
    ]);
    expect(spring.charts.series.every((p) => p.jobs_submitted === 1)).toBe(true);
    // The day before had 24 jobs: 23 is 4.2% fewer.
    expect(spring.kpis.jobs_submitted.previous).toBe(24);
    expect(spring.kpis.jobs_submitted.delta_ratio).toBeCloseTo(23 / 24 - 1, 6);

    const fall = bundle('daily', '2026-11-01');
    expect(fall.period).toMatchObject({
      hours: 25,
      start: '2026-11-01T04:00:00.000Z',
      end: '2026-11-02T05:00:00.000Z',
    });
    expect(fall.kpis.jobs_submitted.value).toBe(25);
    expect(fall.charts.series).toHaveLength(25);
    expect(fall.charts.series.filter((p) => p.label === '01:00')).toHaveLength(2);
    expect(fall.charts.series.reduce((s, p) => s + p.jobs_submitted, 0)).toBe(25);
    expect(bundle('daily', '2026-11-02').kpis.jobs_submitted.value).toBe(24);
    // The week of the fall-back day (W44, 26 Oct - 1 Nov) has 169 hours; data starts on 31 Oct.
    const week = bundle('weekly', '2026-W44');
    expect(week.period.hours).toBe(169);
    expect(week.kpis.jobs_submitted.value).toBe(24 + 25);
  });

  it('an ISO week spanning a month and a year boundary, and the months it touches', async () => {
    const tz = 'Europe/Amsterdam';
    // 21 Dec 2026 - 11 Jan 2027 local (CET, UTC+1).
    const jobs = await oneJobAnHour('2026-12-20T23:00:00Z', '2027-01-10T23:00:00Z');
    expect(jobs).toBe(21 * 24);
    const result = await analyzeAt('2027-01-20T12:00:00Z', tz, '2027-01-10');
    const written = result.written.map((w) => `${w.kind}/${w.id}`);
    expect(written).toContain('weekly/2026-W53');
    expect(written).toContain('monthly/2026-12');
    // January is not over by the --through date, so it is not published.
    expect(written).not.toContain('monthly/2027-01');
    expect(result.live).toBe(false);

    const w53 = bundle('weekly', '2026-W53');
    expect(w53.period).toMatchObject({ start: '2026-12-27T23:00:00.000Z', end: '2027-01-03T23:00:00.000Z', days: 7 });
    expect(w53.period.label).toBe('Week 53, 28 December 2026 – 3 January 2027');
    expect(w53.kpis.jobs_submitted.value).toBe(7 * 24);
    expect(w53.charts.series.map((p) => p.label)).toEqual([
      'Mon 28 Dec',
      'Tue 29 Dec',
      'Wed 30 Dec',
      'Thu 31 Dec',
      'Fri 1 Jan',
      'Sat 2 Jan',
      'Sun 3 Jan',
    ]);
    expect(w53.comparison.previous_id).toBe('2026-W52');
    expect(w53.kpis.jobs_submitted.previous).toBe(7 * 24);
    expect(bundle('weekly', '2027-W01').comparison.previous_id).toBe('2026-W53');
    // December holds 21-31 Dec: 11 days.
    expect(bundle('monthly', '2026-12').kpis.jobs_submitted.value).toBe(11 * 24);
  });

  it('an open month is labelled month to date and compared with the same elapsed span of the previous month', async () => {
    const tz = 'UTC';
    await oneJobAnHour('2026-10-01T00:00:00Z', '2026-11-12T10:00:00Z');
    const result = await analyzeAt('2026-11-12T10:20:00Z', tz);
    expect(result.live).toBe(true);
    const open = result.written.filter((w) => !w.closed).map((w) => `${w.kind}/${w.id}`);
    expect(open.sort()).toEqual(['daily/2026-11-12', 'monthly/2026-11', 'weekly/2026-W46']);
    const month = bundle('monthly', '2026-11');
    expect(month.period).toMatchObject({
      closed: false,
      elapsed_days: 12,
      elapsed_label: 'month to date, 12 of 30 days',
      through: '2026-11-12T10:00:00.000Z',
    });
    expect(month.comparison).toMatchObject({
      previous_id: '2026-10',
      previous_start: '2026-10-01T00:00:00.000Z',
      previous_end: '2026-10-12T10:00:00.000Z',
    });
    // 11 days and 10 hours in each.
    expect(month.kpis.jobs_submitted.value).toBe(11 * 24 + 10);
    expect(month.kpis.jobs_submitted.previous).toBe(11 * 24 + 10);
    expect(month.kpis.jobs_submitted.trend).toBe('unchanged');
    expect(month.data_quality.partial).toBe(true);
    expect(month.summary[0]).toBe(
      'November 2026 (month to date, 12 of 30 days): 274 jobs submitted (about the same as the previous month at the same point) and 274 finished.',
    );
    const today = bundle('daily', '2026-11-12');
    expect(today.period.elapsed_label).toBe('day so far, 10 of 24 hours');
    expect(today.charts.series).toHaveLength(10);
    expect(bundle('monthly', '2026-10').period.closed).toBe(true);
  });
});
