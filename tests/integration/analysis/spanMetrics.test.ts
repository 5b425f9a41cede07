import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { periodOf } from '../../../src/analysis/calendar/periodOf.ts';
import { querySpanMetrics } from '../../../src/analysis/metrics/querySpanMetrics.ts';
import { hourBuckets } from '../../../src/analysis/plan/hourBuckets.ts';
import { SpanPlan } from '../../../src/analysis/plan/SpanPlan.ts';
import type { Warehouse } from '../../../src/warehouse/Warehouse.ts';
import { jobRow, openTestWarehouse } from './testWarehouse.ts';

const pools = { fastMaxMs: 30_000, standardMaxMs: 180_000 };
let db: { warehouse: Warehouse; dispose(): Promise<void> };

beforeEach(async () => {
  db = await openTestWarehouse();
});
afterEach(async () => {
  await db.dispose();
});

describe('span metrics', () => {
  it('computes counts, percentiles and pools per span in one pass (hand-computed)', async () => {
    const tz = 'America/New_York';
    // Five completed jobs on 21 Nov with run times 10, 20, 40, 100, 200 s, one failed, one cancelled,
    // one submitted but still waiting, and one completed on 22 Nov (another day, same week).
    const runs = [10_000, 20_000, 40_000, 100_000, 200_000];
    await db.warehouse.append('jobs', [
      ...runs.map((run_ms, i) =>
        jobRow({
          job_id: `c${i}`,
          created: `2026-11-21T15:0${i}:00Z`,
          started: `2026-11-21T15:0${i}:0${i + 1}Z`,
          finished: new Date(Date.parse(`2026-11-21T15:0${i}:0${i + 1}Z`) + run_ms).toISOString(),
          wait_ms: (i + 1) * 1000,
          run_ms,
          attempts: i === 4 ? 3 : 1,
        }),
      ),
      jobRow({ job_id: 'f1', status: 'failed', created: '2026-11-21T16:00:00Z', error_type: 'timeout' }),
      jobRow({ job_id: 'x1', status: 'cancelled', created: '2026-11-21T16:10:00Z' }),
      jobRow({ job_id: 'w1', status: 'waiting', created: '2026-11-21T16:20:00Z', started: null, finished: null }),
      jobRow({ job_id: 'n1', created: '2026-11-22T15:00:00Z', run_ms: 5_000 }),
    ]);
    const week = periodOf('weekly', '2026-W47', tz);
    const day = periodOf('daily', '2026-11-21', tz);
    const plan = new SpanPlan(hourBuckets(week.firstDay, week.end, tz));
    const daySpan = plan.span(day.start, day.end);
    const weekSpan = plan.span(week.start, week.end);
    const metrics = await querySpanMetrics(db.warehouse, plan, pools);
    const d = metrics.get(daySpan.key)!;
    expect(d).toMatchObject({ submitted: 8, completed: 5, failed: 1, cancelled: 1, retries: 2 });
    // quantile_cont over [10,20,40,100,200] s: p50 = 40 s; p95 = 100 + 0.8 × 100 = 180 s; p99 = 100 + 0.96 × 100.
    expect(d.runP50).toBe(40_000);
    expect(d.runP95).toBe(180_000);
    expect(d.runP99).toBeCloseTo(196_000, 6);
    expect(d.runMean).toBe(74_000);
    // Waits: 1..5 s for the five, 1 s each for f1, x1 (jobRow default) → [1,1,1,2,3,4,5] s; p50 = 2 s.
    expect(d.waitP50).toBe(2_000);
    expect(d.pools.fast).toEqual({ jobs: 2, ms: 30_000 });
    expect(d.pools.standard).toEqual({ jobs: 2, ms: 140_000 });
    expect(d.pools.heavy).toEqual({ jobs: 1, ms: 200_000 });
    // Four of the five finished between 15:00 and 16:00 UTC; the fifth at 15:07:25; f1 and x1 at 16:00.
    expect(d.peakHourly).toBe(5);
    const w = metrics.get(weekSpan.key)!;
    expect(w).toMatchObject({ submitted: 9, completed: 6 });
    expect(w.runP50).toBe(30_000);
  });

  it('leaves figures null and counts zero where nothing happened', async () => {
    const tz = 'UTC';
    const day = periodOf('daily', '2026-11-21', tz);
    const plan = new SpanPlan(hourBuckets(day.firstDay, day.end, tz));
    const span = plan.span(day.start, day.end);
    const m = (await querySpanMetrics(db.warehouse, plan, pools)).get(span.key)!;
    expect(m).toMatchObject({ submitted: 0, completed: 0, runP50: null, waitP95: null, machinesOnlineAvg: null });
  });
});
