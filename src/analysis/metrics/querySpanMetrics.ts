import type { SqlReader } from '../SqlReader.ts';
import type { SpanPlan, SpanRef } from '../plan/SpanPlan.ts';
import { emptySpanMetrics, type SpanMetrics } from './SpanMetrics.ts';
import { runSpanQuery } from './spanSql.ts';

export interface PoolBounds {
  fastMaxMs: number;
  standardMaxMs: number;
}

const HOURLY_FIELDS = [
  'submitted',
  'completed',
  'failed',
  'cancelled',
  'retries',
  'run_n',
  'run_sum',
  'fast_jobs',
  'standard_jobs',
  'heavy_jobs',
  'fast_ms',
  'standard_ms',
  'heavy_ms',
] as const;
type HourlyField = (typeof HOURLY_FIELDS)[number];
type HourlyRow = { h: number } & Record<HourlyField, number>;

/**
 * Runs the span queries once for all the spans of the plan and returns the metrics per span key. Additive job
 * figures are summed per hour bucket in SQL and per span here (prefix sums); percentiles and snapshot figures are
 * aggregated per span in SQL. Spans with no rows get zero counts and null figures.
 */
export async function querySpanMetrics(
  db: SqlReader,
  plan: SpanPlan,
  pools: PoolBounds,
): Promise<Map<string, SpanMetrics>> {
  const spans = plan.all();
  const params = plan.params(spans);
  const poolParams = { fast_max_ms: pools.fastMaxMs, standard_max_ms: pools.standardMaxMs };
  const result = new Map<string, SpanMetrics>(spans.map((s) => [s.key, emptySpanMetrics()]));
  const get = (k: string) => result.get(k) ?? emptySpanMetrics();

  const buckets = Math.max(0, plan.boundaries.length - 1);
  // Every query starts at once; a pooled reader runs as many together as it has connections (see ReaderPool).
  const query = <T>(body: string, bound: Record<string, unknown>) =>
    runSpanQuery<T>(db, plan, import.meta.url, body, bound);
  const pending = {
    hourly: query<HourlyRow>('hourlyJobs.sql', { ...plan.params([]), ...poolParams }),
    jobs: query<{ k: string; run_q: number[] | null; wait_q: number[] | null }>('spanJobs.sql', params),
    machines: query<{
      k: string;
      machines_online_avg: number;
      machines_online_min: number;
      machines_seen: number;
      machine_instants: number;
    }>('spanMachines.sql', params),
    workers: query<{ k: string; workers_online_avg: number; worker_obs: number; busy_obs: number }>(
      'spanWorkers.sql',
      params,
    ),
    queues: query<{ k: string; queue_depth_max: number | null; oldest_wait_ms: number | null; queue_instants: number }>(
      'spanQueues.sql',
      params,
    ),
    downloads: query<{ k: string; downloads: number; downloads_ok: number; download_ms: number }>(
      'spanDownloads.sql',
      params,
    ),
  };
  // All settle before any result is used or any failure thrown, so no query still runs when the caller closes
  // the connections.
  await Promise.allSettled(Object.values(pending));
  const hourly = await pending.hourly;
  const prefix = Object.fromEntries(HOURLY_FIELDS.map((f) => [f, new Float64Array(buckets + 1)])) as Record<
    HourlyField,
    Float64Array
  >;
  const finished = new Float64Array(buckets);
  for (const row of hourly) {
    for (const f of HOURLY_FIELDS) prefix[f][row.h + 1] = row[f];
    finished[row.h] = row.completed + row.failed + row.cancelled;
  }
  for (const f of HOURLY_FIELDS) {
    const p = prefix[f];
    for (let i = 1; i <= buckets; i++) p[i]! += p[i - 1]!;
  }
  for (const span of spans) {
    const m = get(span.key);
    const sum = (f: HourlyField) => prefix[f][span.h1]! - prefix[f][span.h0]!;
    m.submitted = sum('submitted');
    m.completed = sum('completed');
    m.failed = sum('failed');
    m.cancelled = sum('cancelled');
    m.retries = sum('retries');
    const runN = sum('run_n');
    m.runMean = runN > 0 ? sum('run_sum') / runN : null;
    m.pools = {
      fast: { jobs: sum('fast_jobs'), ms: sum('fast_ms') },
      standard: { jobs: sum('standard_jobs'), ms: sum('standard_ms') },
      heavy: { jobs: sum('heavy_jobs'), ms: sum('heavy_ms') },
    };
    m.peakHourly = peakOf(finished, span);
  }

  for (const r of await pending.jobs) {
    const m = get(r.k);
    m.runP50 = quantile(r.run_q, 0);
    m.runP90 = quantile(r.run_q, 1);
    m.runP95 = quantile(r.run_q, 2);
    m.runP99 = quantile(r.run_q, 3);
    m.waitP50 = quantile(r.wait_q, 0);
    m.waitP95 = quantile(r.wait_q, 1);
  }

  for (const r of await pending.machines) {
    const m = get(r.k);
    m.machinesOnlineAvg = r.machines_online_avg;
    m.machinesOnlineMin = r.machines_online_min;
    m.machinesSeen = r.machines_seen;
    m.machineInstants = r.machine_instants;
  }

  for (const r of await pending.workers) {
    const m = get(r.k);
    m.workersOnlineAvg = r.workers_online_avg;
    m.workerObs = r.worker_obs;
    m.busyObs = r.busy_obs;
  }

  for (const r of await pending.queues) {
    const m = get(r.k);
    m.queueDepthMax = r.queue_depth_max;
    m.oldestWaitMs = r.oldest_wait_ms;
    m.queueInstants = r.queue_instants;
  }

  for (const r of await pending.downloads) {
    const m = get(r.k);
    m.downloads = r.downloads;
    m.downloadsOk = r.downloads_ok;
    m.downloadMs = r.download_ms;
  }
  return result;
}

function peakOf(finished: Float64Array, span: SpanRef): number {
  let peak = 0;
  for (let h = span.h0; h < span.h1; h++) peak = Math.max(peak, finished[h] ?? 0);
  return peak;
}

export function quantile(list: readonly (number | null)[] | null, i: number): number | null {
  const value = list?.[i];
  return typeof value === 'number' ? value : null;
}
