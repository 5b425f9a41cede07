import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { analyze, type AnalyzeOptions } from '../../../src/analysis/analyze.ts';
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

const T = (iso: string) => Date.parse(iso);

function run(now: string, timeZone: string, through?: string) {
  const options: AnalyzeOptions = {
    db: db.warehouse,
    store: new BundleStore(path.join(db.dir, 'reports')),
    logger: silentLogger,
    now: T(now),
    timeZone,
    ...(through ? { through } : {}),
    targets: { successRate: 0.99, machineVariation: 0.2, waitToRunRatio: 0.25 },
    pools: { fastMaxMs: 30_000, standardMaxMs: 180_000 },
    version: '0.0.0-test',
  };
  return analyze(options);
}

function bundle(kind: string, id: string): ReportBundle {
  return parseBundle(readFileSync(path.join(db.dir, 'reports', kind, `${id}.json`), 'utf8'));
}

/**
 * Saturday 21 November 2026, UTC. 40 jobs of one type created a minute apart from 10:00; job i waits i × 100 ms.
 * 36 complete with run times 1..36 s: m-a runs 1..15 s, m-b 16..30 s, m-c 31..36 s. m-c also fails 4 jobs
 * (3 timeouts, 1 without a type). One cancelled job. Snapshots at 00:00, 06:00, 12:00, 18:00.
 */
async function writeHandMadeDay(w: Warehouse): Promise<void> {
  const rows: Record<string, unknown>[] = [];
  for (let i = 0; i < 40; i++) {
    const created = T('2026-11-21T10:00:00Z') + i * 60_000;
    const wait = i * 100;
    const completed = i < 36;
    const run = completed ? (i + 1) * 1000 : 5_000;
    const machine = !completed || i >= 30 ? 'm-c' : i >= 15 ? 'm-b' : 'm-a';
    rows.push(
      jobRow({
        job_id: `g${i}`,
        machine_id: machine,
        status: completed ? 'completed' : 'failed',
        created: new Date(created).toISOString(),
        started: new Date(created + wait).toISOString(),
        finished: new Date(created + wait + run).toISOString(),
        wait_ms: wait,
        run_ms: run,
        error_type: completed ? null : i === 39 ? null : 'timeout',
        error_message: completed ? null : 'Job timeout after 30 minutes',
        models: ['sdxl'],
      }),
    );
  }
  rows.push(
    jobRow({ job_id: 'x', status: 'cancelled', machine_id: null, created: '2026-11-21T10:45:00Z', wait_ms: 0 }),
  );
  await w.append('jobs', rows);
  const instants = ['00', '06', '12', '18'].map((h) => T(`2026-11-21T${h}:00:00Z`));
  await w.append(
    'machine_snapshots',
    instants.flatMap((t, n) =>
      ['m-a', 'm-b', 'm-c'].map((m) => ({
        taken_at: t,
        source: 'emp',
        machine_id: m,
        phase: m === 'm-c' && n === 3 ? 'shutdown' : 'ready',
        gpu_count: 1,
      })),
    ),
  );
  await w.append(
    'worker_snapshots',
    instants.flatMap((t, n) =>
      ['m-a', 'm-b', 'm-c'].map((m) => ({
        taken_at: t,
        source: 'emp',
        worker_id: `${m}-w`,
        machine_id: m,
        status: n === 2 && m !== 'm-c' ? 'busy' : 'idle',
      })),
    ),
  );
  await w.append(
    'queue_snapshots',
    instants.map((t, n) => ({
      taken_at: t,
      source: 'emp',
      queue: 'jobs',
      waiting: [5, 12, 0, 3][n],
      active: 1,
      delayed: 0,
      completed: 0,
      failed: 0,
      oldest_waiting_ms: [1000, 45_000, null, 2000][n],
    })),
  );
  // The collector ran past the end of the day, so the day can close.
  await w.append('collection_runs', [
    {
      run_id: 'r1',
      source: 'emp',
      started_at: T('2026-11-22T00:05:00Z'),
      finished_at: T('2026-11-22T00:05:02Z'),
      status: 'ok',
    },
  ]);
  await w.append(
    'model_downloads',
    [0, 1, 2, 3].map((n) => ({
      source: 'emp',
      machine_id: 'm-a',
      model: 'sdxl',
      started_at: T('2026-11-21T09:00:00Z') + n * 600_000,
      finished_at: T('2026-11-21T09:01:00Z') + n * 600_000,
      bytes: 1000,
      ok: n !== 2,
      error: n === 2 ? 'HTTP 403' : null,
      event_id: `d${n}`,
    })),
  );
}

describe('golden: a hand-computed day', () => {
  it('gives the KPIs, percentiles, readiness and recommendations computed by hand', async () => {
    await writeHandMadeDay(db.warehouse);
    const result = await run('2026-11-22T08:00:00Z', 'UTC', '2026-11-21');
    expect(result.written.map((w) => `${w.kind}/${w.id}`)).toEqual(['daily/2026-11-21']);
    const b = bundle('daily', '2026-11-21');
    const v = Object.fromEntries(Object.entries(b.kpis).map(([k, kpi]) => [k, kpi.value]));
    expect(v).toEqual({
      jobs_submitted: 41,
      jobs_completed: 36,
      jobs_failed: 4,
      jobs_cancelled: 1,
      jobs_finished: 41,
      // 36 / (36 + 4); cancelled left out.
      success_rate: 0.9,
      // quantile_cont over 1..36 s: p50 at position 17.5 → 18.5 s; p95 at 33.25 → 34.25 s; p99 at 34.65 → 35.65 s.
      run_ms_p50: 18_500,
      run_ms_p95: 34_250,
      run_ms_p99: 35_650,
      // Waits 0, 100, ..., 3900 ms and the cancelled job's 0: 41 values; p50 at position 20 → 1900 ms;
      // p95 at position 38 → 3700 ms.
      wait_ms_p50: 1_900,
      wait_ms_p95: 3_700,
      // Every job finished between 10:00 and 11:00.
      peak_hourly_throughput: 41,
      // Online machines per instant 3, 3, 3, 2; the fewest 2.
      machines_online_avg: 2.75,
      machines_online_min: 2,
      // 2 busy of 12 online worker observations.
      worker_utilization: 0.166667,
      queue_depth_max: 12,
      oldest_wait_ms: 45_000,
      model_download_success_rate: 0.75,
      retries: 0,
    });
    expect(b.kpis.run_ms_p50.previous).toBeNull();
    expect(b.kpis.jobs_submitted.previous).toBeNull();

    // Machines: fleet median 18.5 s; m-a median 8 s → 0.4324, m-b 23 s → 1.2432, m-c 33.5 s → 1.8108.
    const rel = Object.fromEntries(b.machines.rows.map((m) => [m.machine_id, m.relative_run_time]));
    expect(rel).toEqual({ 'm-a': 0.4324, 'm-b': 1.2432, 'm-c': 1.8108 });
    // CV over machines with 10+ completed jobs (m-a, m-b): std 0.405405 / mean 0.837838.
    expect(b.machines.heterogeneity_index).toBe(0.4839);
    // m-c fails 4 of 10 against 10% for the fleet (threshold max(30%, 15%)).
    expect(b.machines.outliers).toEqual(['m-c']);

    const production = Object.fromEntries(b.readiness.production.components.map((c) => [c.name, [c.value, c.score]]));
    expect(production).toEqual({
      success_rate: [0.9, 0], // 9 points under target → 0
      consistency: [0.4839, 29], // (0.4839 − 0.6) / (0.2 − 0.6)
      known_failures: [0.75, 55.6], // 3 of 4 typed; (0.75 − 0.5) / 0.45
      wait_vs_run: [0.2, 100], // 3700 / 18500 = 0.2 ≤ 0.25
      stability: [0.917, 64.8], // 2.75 / 3 machines seen; (0.9167 − 0.8) / 0.18
    });
    // 0.3 × 0 + 0.2 × 29 + 0.15 × 55.6 + 0.15 × 100 + 0.2 × 64.8 = 42.1
    expect(b.readiness.production.score).toBe(42);
    expect(b.readiness.production.grade).toBe('not_ready');

    // Pools: completed run times < 30 s → fast (29), 30..36 s → standard (7); txt2img's p90 (32.5 s) is standard,
    // with only 7 of its 36 completed jobs inside it: it straddles.
    expect(b.pools.pools.fast.jobs).toBe(29);
    expect(b.pools.pools.standard.jobs).toBe(7);
    expect(b.pools.job_types[0]).toMatchObject({
      job_type: 'txt2img',
      run_ms_p90: 32_500,
      pool: 'standard',
      share_in_pool: 0.1944,
      straddles: true,
    });

    expect(b.recommendations.map((r) => [r.id, r.severity, r.status])).toEqual([
      // 41 jobs × (1 − 0.1944) outside the pool × 0.5
      ['pool-straddle:jobs/txt2img', 'low', 'new'],
      // m-b: 15 × 0.2432, m-c: 6 × 0.8108 extra job-equivalents
      ['machine-variation', 'high', 'new'],
      // (0.99 − 0.9) × 40 decided jobs = 3.6 failures a day
      ['success-below-target', 'critical', 'new'],
      // (0.4 − 0.1) × 10 = 3 failures a day
      ['machine-failure-rate:m-c', 'critical', 'new'],
    ]);
    expect(b.recommendations.find((r) => r.rule === 'success-below-target')!.impact.estimate).toBe(3.6);
    expect(b.recommendations.find((r) => r.rule === 'machine-failure-rate')!.impact.estimate).toBe(3);
    expect(b.verdict).toMatchObject({
      status: 'act',
      headline: 'Action needed: success rate 90% against a 99% target.',
    });
    expect(b.summary).toEqual([
      'Saturday 21 November 2026: 41 jobs submitted and 41 finished.',
      'The success rate was 90%, below the 99% target; 4 jobs failed, most often timeout (3).',
      'Median run time was 18.5 s (p95 34.3 s); p95 queue wait was 3.7 s.',
      'm-c stood out: m-c fails 40% of its jobs against 10% for the fleet.',
      'Production readiness is 42 of 100; pool readiness: fast lane ' +
        `${b.readiness.pools.fast.score}, standard ${b.readiness.pools.standard.score}, heavy ${b.readiness.pools.heavy.score}.`,
    ]);
    expect(b.charts.series).toHaveLength(24);
    expect(b.charts.series[10]).toMatchObject({ label: '10:00', jobs_submitted: 41, jobs_completed: 36 });
    expect(b.data_quality).toMatchObject({
      partial: false,
      snapshots_expected: 4,
      snapshots_taken: 4,
      snapshot_coverage: 1,
    });
  });
});
