import type { SqlReader } from '../SqlReader.ts';
import type { SpanPlan, SpanRef } from '../plan/SpanPlan.ts';
import { emptySpanMetrics, type SpanMetrics } from './SpanMetrics.ts';
import { runSpanQuery } from './spanSql.ts';

interface JobRow {
  k: string;
  submitted: number;
  completed: number;
  failed: number;
  cancelled: number;
  retries: number;
  run_q: number[] | null;
  run_mean: number | null;
  wait_q: number[] | null;
  fast_jobs: number;
  standard_jobs: number;
  heavy_jobs: number;
  fast_ms: number;
  standard_ms: number;
  heavy_ms: number;
}

export interface PoolBounds {
  fastMaxMs: number;
  standardMaxMs: number;
}

/**
 * Runs the span queries (jobs, hourly throughput, machines, workers, queues, downloads) once for all the spans of
 * the plan and returns the metrics per span key. Spans with no rows get zero counts and null figures.
 */
export async function querySpanMetrics(
  db: SqlReader,
  plan: SpanPlan,
  pools: PoolBounds,
): Promise<Map<string, SpanMetrics>> {
  const spans = plan.all();
  const params = plan.params(spans);
  const result = new Map<string, SpanMetrics>(spans.map((s) => [s.key, emptySpanMetrics()]));
  const get = (k: string) => result.get(k) ?? emptySpanMetrics();

  const jobRows = await runSpanQuery<JobRow>(db, import.meta.url, 'spanJobs.sql', {
    ...params,
    fast_max_ms: pools.fastMaxMs,
    standard_max_ms: pools.standardMaxMs,
  });
  for (const r of jobRows) {
    const m = get(r.k);
    m.submitted = r.submitted;
    m.completed = r.completed;
    m.failed = r.failed;
    m.cancelled = r.cancelled;
    m.retries = r.retries;
    m.runP50 = quantile(r.run_q, 0);
    m.runP90 = quantile(r.run_q, 1);
    m.runP95 = quantile(r.run_q, 2);
    m.runP99 = quantile(r.run_q, 3);
    m.runMean = r.run_mean;
    m.waitP50 = quantile(r.wait_q, 0);
    m.waitP95 = quantile(r.wait_q, 1);
    m.pools = {
      fast: { jobs: r.fast_jobs, ms: r.fast_ms },
      standard: { jobs: r.standard_jobs, ms: r.standard_ms },
      heavy: { jobs: r.heavy_jobs, ms: r.heavy_ms },
    };
  }

  const hourly = await hourlyFinished(db, plan);
  for (const span of spans) get(span.key).peakHourly = peakOf(hourly, span);

  for (const r of await runSpanQuery<{
    k: string;
    machines_online_avg: number;
    machines_online_min: number;
    machines_seen: number;
    machine_instants: number;
  }>(db, import.meta.url, 'spanMachines.sql', params)) {
    const m = get(r.k);
    m.machinesOnlineAvg = r.machines_online_avg;
    m.machinesOnlineMin = r.machines_online_min;
    m.machinesSeen = r.machines_seen;
    m.machineInstants = r.machine_instants;
  }

  for (const r of await runSpanQuery<{ k: string; workers_online_avg: number; worker_obs: number; busy_obs: number }>(
    db,
    import.meta.url,
    'spanWorkers.sql',
    params,
  )) {
    const m = get(r.k);
    m.workersOnlineAvg = r.workers_online_avg;
    m.workerObs = r.worker_obs;
    m.busyObs = r.busy_obs;
  }

  for (const r of await runSpanQuery<{
    k: string;
    queue_depth_max: number | null;
    oldest_wait_ms: number | null;
    queue_instants: number;
  }>(db, import.meta.url, 'spanQueues.sql', params)) {
    const m = get(r.k);
    m.queueDepthMax = r.queue_depth_max;
    m.oldestWaitMs = r.oldest_wait_ms;
    m.queueInstants = r.queue_instants;
  }

  for (const r of await runSpanQuery<{ k: string; downloads: number; downloads_ok: number; download_ms: number }>(
    db,
    import.meta.url,
    'spanDownloads.sql',
    params,
  )) {
    const m = get(r.k);
    m.downloads = r.downloads;
    m.downloadsOk = r.downloads_ok;
    m.downloadMs = r.download_ms;
  }
  return result;
}

/** Jobs finished per hour bucket of the plan's range (index = bucket). */
export async function hourlyFinished(db: SqlReader, plan: SpanPlan): Promise<number[]> {
  const counts = new Array<number>(Math.max(0, plan.boundaries.length - 1)).fill(0);
  const rows = await runSpanQuery<{ h: number; finished: number }>(
    db,
    import.meta.url,
    'hourlyFinished.sql',
    plan.params([]),
  );
  for (const r of rows) counts[r.h] = r.finished;
  return counts;
}

function peakOf(hourly: readonly number[], span: SpanRef): number {
  let peak = 0;
  for (let h = span.h0; h < span.h1; h++) peak = Math.max(peak, hourly[h] ?? 0);
  return peak;
}

export function quantile(list: readonly (number | null)[] | null, i: number): number | null {
  const value = list?.[i];
  return typeof value === 'number' ? value : null;
}
