/**
 * Headline KPI names. The first fifteen are the contract of architecture §4.3; the rest are the extra
 * headline figures of the analysis issue (finished jobs, minimum machines online, oldest wait, retries).
 */
export const KPI_NAMES = [
  'jobs_submitted',
  'jobs_completed',
  'jobs_failed',
  'jobs_cancelled',
  'success_rate',
  'run_ms_p50',
  'run_ms_p95',
  'run_ms_p99',
  'wait_ms_p50',
  'wait_ms_p95',
  'peak_hourly_throughput',
  'machines_online_avg',
  'worker_utilization',
  'queue_depth_max',
  'model_download_success_rate',
  'jobs_finished',
  'machines_online_min',
  'oldest_wait_ms',
  'retries',
] as const;

export type KpiName = (typeof KPI_NAMES)[number];

/** What a KPI's number means: `fraction` is 0..1 (render as a percentage), `ms` a duration. */
export type KpiUnit = 'count' | 'fraction' | 'ms' | 'jobs_per_hour' | 'machines';

export type KpiBetter = 'higher' | 'lower';

export interface KpiMeta {
  label: string;
  unit: KpiUnit;
  better: KpiBetter;
  description: string;
}

export const KPI_META: Record<KpiName, KpiMeta> = {
  jobs_submitted: {
    label: 'Jobs submitted',
    unit: 'count',
    better: 'higher',
    description: 'Jobs created in the period.',
  },
  jobs_completed: {
    label: 'Jobs completed',
    unit: 'count',
    better: 'higher',
    description: 'Jobs that finished successfully in the period.',
  },
  jobs_failed: {
    label: 'Jobs failed',
    unit: 'count',
    better: 'lower',
    description: 'Jobs that failed for good (no retry left) in the period.',
  },
  jobs_cancelled: {
    label: 'Jobs cancelled',
    unit: 'count',
    better: 'lower',
    description: 'Jobs cancelled in the period; not counted as failures.',
  },
  success_rate: {
    label: 'Success rate',
    unit: 'fraction',
    better: 'higher',
    description: 'Completed / (completed + failed) among jobs finished in the period; cancelled jobs are left out.',
  },
  run_ms_p50: {
    label: 'Run time p50',
    unit: 'ms',
    better: 'lower',
    description: 'Median processing time of jobs completed in the period.',
  },
  run_ms_p95: {
    label: 'Run time p95',
    unit: 'ms',
    better: 'lower',
    description: '95th percentile processing time of jobs completed in the period.',
  },
  run_ms_p99: {
    label: 'Run time p99',
    unit: 'ms',
    better: 'lower',
    description: '99th percentile processing time of jobs completed in the period.',
  },
  wait_ms_p50: {
    label: 'Queue wait p50',
    unit: 'ms',
    better: 'lower',
    description: 'Median time from creation to start, for jobs started in the period.',
  },
  wait_ms_p95: {
    label: 'Queue wait p95',
    unit: 'ms',
    better: 'lower',
    description: '95th percentile time from creation to start, for jobs started in the period.',
  },
  peak_hourly_throughput: {
    label: 'Peak hourly throughput',
    unit: 'jobs_per_hour',
    better: 'higher',
    description: 'The most jobs finished in any one clock hour of the period.',
  },
  machines_online_avg: {
    label: 'Machines online (average)',
    unit: 'machines',
    better: 'higher',
    description: 'Average number of machines seen online per snapshot.',
  },
  worker_utilization: {
    label: 'Worker utilization',
    unit: 'fraction',
    better: 'higher',
    description: 'Share of worker snapshots in which the worker was busy.',
  },
  queue_depth_max: {
    label: 'Maximum queue depth',
    unit: 'count',
    better: 'lower',
    description: 'The largest number of waiting jobs seen in any snapshot, summed over queues.',
  },
  model_download_success_rate: {
    label: 'Model download success',
    unit: 'fraction',
    better: 'higher',
    description: 'Share of model downloads finished in the period that succeeded.',
  },
  jobs_finished: {
    label: 'Jobs finished',
    unit: 'count',
    better: 'higher',
    description: 'Completed + failed + cancelled jobs finished in the period.',
  },
  machines_online_min: {
    label: 'Machines online (minimum)',
    unit: 'machines',
    better: 'higher',
    description: 'The fewest machines seen online in any snapshot.',
  },
  oldest_wait_ms: {
    label: 'Oldest wait',
    unit: 'ms',
    better: 'lower',
    description: 'The age of the oldest waiting job seen in any snapshot.',
  },
  retries: {
    label: 'Retries',
    unit: 'count',
    better: 'lower',
    description: 'Extra attempts (attempts beyond the first) of jobs finished in the period.',
  },
};
