import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { queryBreakdowns } from '../../../src/analysis/breakdowns/queryBreakdowns.ts';
import { periodOf } from '../../../src/analysis/calendar/periodOf.ts';
import { querySpanMetrics } from '../../../src/analysis/metrics/querySpanMetrics.ts';
import { hourBuckets } from '../../../src/analysis/plan/hourBuckets.ts';
import { SpanPlan } from '../../../src/analysis/plan/SpanPlan.ts';
import type { Warehouse } from '../../../src/warehouse/Warehouse.ts';
import { jobRow, openTestWarehouse } from './testWarehouse.ts';

const pools = { fastMaxMs: 30_000, standardMaxMs: 180_000 };
const T = (iso: string) => Date.parse(iso);
let db: { warehouse: Warehouse; dispose(): Promise<void> };

beforeEach(async () => {
  db = await openTestWarehouse();
});
afterEach(async () => {
  await db.dispose();
});

describe('breakdown and snapshot queries', () => {
  it('break a day down by job type, machine, failure, model, download and snapshot (hand-computed)', async () => {
    const w = db.warehouse;
    // Machine m-1 runs txt2img in 10 s; m-2 runs it in 20 s (twice as slow); video runs 300 s on m-1.
    await w.append('jobs', [
      ...[0, 1, 2, 3].map((i) =>
        jobRow({
          job_id: `a${i}`,
          machine_id: 'm-1',
          created: `2026-11-21T10:0${i}:00Z`,
          run_ms: 10_000,
          models: ['sdxl', 'vae'],
        }),
      ),
      ...[0, 1].map((i) =>
        jobRow({
          job_id: `b${i}`,
          machine_id: 'm-2',
          created: `2026-11-21T11:0${i}:00Z`,
          run_ms: 20_000,
          models: ['sdxl'],
        }),
      ),
      jobRow({ job_id: 'v0', name: 'video', machine_id: 'm-1', created: '2026-11-21T12:00:00Z', run_ms: 300_000 }),
      jobRow({
        job_id: 'f0',
        machine_id: 'm-2',
        status: 'failed',
        created: '2026-11-21T13:00:00Z',
        error_type: 'resource_limit',
        error_message: 'CUDA out of memory: tried to allocate 2048 MiB on job 3fa85f64-5717-4562-b3fc-2c963f66afa6',
      }),
      jobRow({
        job_id: 'f1',
        machine_id: 'm-2',
        status: 'failed',
        created: '2026-11-21T14:00:00Z',
        error_type: 'resource_limit',
        error_message: 'CUDA out of memory: tried to allocate 512 MiB on job 9fa85f64-5717-4562-b3fc-2c963f66afa6',
      }),
      // The same failure mode a week earlier makes it "not new" (a timeout with another number of minutes).
      jobRow({
        job_id: 'old',
        status: 'failed',
        created: '2026-11-14T14:00:00Z',
        error_type: 'timeout',
        error_message: 'Job timeout after 30 minutes',
      }),
      jobRow({
        job_id: 't1',
        status: 'failed',
        created: '2026-11-21T15:30:00Z',
        error_type: 'timeout',
        error_message: 'Job timeout after 45 minutes',
      }),
      jobRow({
        job_id: 'f2',
        status: 'failed',
        created: '2026-11-21T15:00:00Z',
        error_type: null,
        error_message: 'boom <script>',
      }),
    ]);
    const snaps = [0, 1, 2, 3].map((i) => T('2026-11-21T00:00:00Z') + i * 6 * 3_600_000);
    await w.append(
      'machine_snapshots',
      snaps.flatMap((t, i) => [
        { taken_at: t, source: 'emp', machine_id: 'm-1', phase: 'ready', gpu_count: 2, workers: 2 },
        {
          taken_at: t,
          source: 'emp',
          machine_id: 'm-2',
          phase: i === 3 ? 'shutdown' : 'ready',
          gpu_count: 1,
          workers: 1,
        },
      ]),
    );
    await w.append(
      'worker_snapshots',
      snaps.flatMap((t, i) => [
        { taken_at: t, source: 'emp', worker_id: 'w1', machine_id: 'm-1', status: i % 2 ? 'busy' : 'idle' },
        { taken_at: t, source: 'emp', worker_id: 'w2', machine_id: 'm-2', status: i === 3 ? 'offline' : 'busy' },
      ]),
    );
    await w.append(
      'queue_snapshots',
      snaps.map((t, i) => ({
        taken_at: t,
        source: 'emp',
        queue: 'jobs',
        waiting: [3, 9, 4, 0][i],
        active: 1,
        delayed: 0,
        completed: 0,
        failed: 0,
        oldest_waiting_ms: [1000, 50_000, 2000, null][i],
      })),
    );
    await w.append('model_downloads', [
      {
        source: 'emp',
        machine_id: 'm-1',
        model: 'sdxl',
        started_at: T('2026-11-21T09:00:00Z'),
        finished_at: T('2026-11-21T09:01:00Z'),
        bytes: 100,
        ok: true,
        event_id: 'd1',
      },
      {
        source: 'emp',
        machine_id: 'm-2',
        model: 'sdxl',
        started_at: T('2026-11-21T09:00:00Z'),
        finished_at: T('2026-11-21T09:00:30Z'),
        bytes: 0,
        ok: false,
        error: 'HTTP 403',
        event_id: 'd2',
      },
    ]);

    const tz = 'UTC';
    const day = periodOf('daily', '2026-11-21', tz);
    const plan = new SpanPlan(hourBuckets({ year: 2026, month: 11, day: 10 }, day.end, tz));
    const span = plan.span(day.start, day.end);
    const m = (await querySpanMetrics(w, plan, pools)).get(span.key)!;
    expect(m).toMatchObject({ submitted: 11, completed: 7, failed: 4 });
    // Machines online per instant: 2, 2, 2, 1 → mean 1.75, min 1; two machines seen.
    expect(m).toMatchObject({ machinesOnlineAvg: 1.75, machinesOnlineMin: 1, machinesSeen: 2, machineInstants: 4 });
    // Workers online per instant: 2, 2, 2, 1 (7 observations), busy: w1 twice + w2 three times = 5.
    expect(m).toMatchObject({ workersOnlineAvg: 1.75, workerObs: 7, busyObs: 5 });
    expect(m).toMatchObject({ queueDepthMax: 9, oldestWaitMs: 50_000, queueInstants: 4 });
    expect(m).toMatchObject({ downloads: 2, downloadsOk: 1, downloadMs: 90_000 });

    const b = (await queryBreakdowns(w, plan, [span], pools)).get(span.key)!;
    const txt = b.jobTypes.find((r) => r.job_type === 'txt2img')!;
    expect(txt).toMatchObject({ submitted: 10, completed: 6, failed: 4, fast_jobs: 6 });
    const service = b.jobTypes.find((r) => r.is_service === 1)!;
    expect(service).toMatchObject({ service: 'jobs', submitted: 11, completed: 7, heavy_jobs: 1 });

    const m2 = b.machines.find((r) => r.machine_id === 'm-2' && r.is_machine === 1)!;
    // txt2img fleet median over [10,10,10,10,20,20] s = 10 s, so m-2's jobs run at 2× → relative 2.
    expect(m2).toMatchObject({ finished: 4, completed: 2, failed: 2, relative: 2 });
    const m1 = b.machines.find((r) => r.machine_id === 'm-1' && r.is_machine === 1)!;
    expect(m1.relative).toBe(1);
    const m1Heavy = b.machines.find((r) => r.machine_id === 'm-1' && r.type_pool === 'heavy')!;
    expect(m1Heavy).toMatchObject({ completed: 1, heavy_jobs: 1 });

    const health = b.machineHealth.find((r) => r.machine_id === 'm-2')!;
    expect(health).toMatchObject({ online_share: 0.75, gpu_count: 1, utilization: 1 });
    expect(b.machineHealth.find((r) => r.machine_id === 'm-1')).toMatchObject({ online_share: 1, utilization: 0.5 });

    const oom = b.failures.find((r) => r.error_type === 'resource_limit')!;
    expect(oom).toMatchObject({
      message: 'CUDA out of memory: tried to allocate <n> MiB on job <id>',
      n: 2,
      machines: 1,
      is_new: true,
    });
    expect(b.failures.find((r) => r.error_type === 'unknown')).toMatchObject({ message: 'boom <script>', n: 1 });
    // Seen 7 days before: not new, and not recent either (recent = first seen within the 7 days before).
    expect(b.failures.find((r) => r.error_type === 'timeout')).toMatchObject({
      message: 'Job timeout after <n> minutes',
      is_new: false,
      is_recent: true,
    });

    const sdxl = b.models.find((r) => r.model === 'sdxl' && r.no_machine === 1 && r.no_pool === 1)!;
    expect(sdxl).toMatchObject({ jobs: 6, machines: 2 });
    expect(b.modelPairs).toEqual([{ k: span.key, a: 'sdxl', b: 'vae', jobs: 4 }]);
    const dlModel = b.downloads.find((r) => r.no_model === 0 && r.no_error === 1 && r.no_machine === 1)!;
    expect(dlModel).toMatchObject({ model: 'sdxl', attempts: 2, failures: 1, total_ms: 90_000, bytes: 100 });
    expect(b.downloads.filter((r) => r.no_error === 0 && r.error !== null)).toMatchObject([
      { error: 'HTTP 403', failures: 1 },
    ]);
  });
});
