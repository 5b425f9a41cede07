import type { Charts, ChartPoint } from '../../report/ReportBundle.ts';
import type { KpiValues } from '../kpis/KpiValues.ts';
import type { SpanMetrics } from '../metrics/SpanMetrics.ts';
import type { Span } from '../plan/targetSpans.ts';

export interface ChartBucket {
  span: Span;
  label: string;
  metrics: SpanMetrics;
  values: KpiValues;
}

export interface ContextDay {
  dayId: string;
  span: Span;
  values: KpiValues;
  anomaly: boolean;
}

/** Chart series of a bundle: the period's buckets (hours or days), the 90-day context and the pool mix. */
export function buildCharts(granularity: 'hour' | 'day', buckets: ChartBucket[], context: ContextDay[]): Charts {
  const series: ChartPoint[] = buckets.map((b) => ({
    t: new Date(b.span.start).toISOString(),
    label: b.label,
    jobs_submitted: b.values.jobs_submitted ?? 0,
    jobs_completed: b.values.jobs_completed ?? 0,
    jobs_failed: b.values.jobs_failed ?? 0,
    jobs_cancelled: b.values.jobs_cancelled ?? 0,
    success_rate: b.values.success_rate,
    run_ms_p50: b.values.run_ms_p50,
    run_ms_p95: b.values.run_ms_p95,
    run_ms_p99: b.values.run_ms_p99,
    wait_ms_p50: b.values.wait_ms_p50,
    wait_ms_p95: b.values.wait_ms_p95,
    queue_depth_max: b.values.queue_depth_max,
    machines_online_avg: b.values.machines_online_avg,
    worker_utilization: b.values.worker_utilization,
  }));
  return {
    granularity,
    series,
    context: context.map((d) => ({
      day: d.dayId,
      t: new Date(d.span.start).toISOString(),
      jobs_submitted: d.values.jobs_submitted ?? 0,
      jobs_completed: d.values.jobs_completed ?? 0,
      jobs_failed: d.values.jobs_failed ?? 0,
      success_rate: d.values.success_rate,
      run_ms_p95: d.values.run_ms_p95,
      wait_ms_p95: d.values.wait_ms_p95,
      anomaly: d.anomaly,
    })),
    pool_mix: buckets.map((b) => ({
      t: new Date(b.span.start).toISOString(),
      fast: b.metrics.pools.fast.jobs,
      standard: b.metrics.pools.standard.jobs,
      heavy: b.metrics.pools.heavy.jobs,
    })),
  };
}
