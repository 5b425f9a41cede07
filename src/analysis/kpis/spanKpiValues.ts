import { KPI_NAMES } from '../../report/kpiNames.ts';
import type { SpanMetrics } from '../metrics/SpanMetrics.ts';
import type { KpiValues } from './KpiValues.ts';
import { roundTo } from '../math/roundTo.ts';

/**
 * KPI values of a span. `covered` says whether the warehouse holds data for the span at all: counts of an
 * uncovered span are null (unknown), counts of a covered span with no jobs are 0 (known to be none).
 */
export function spanKpiValues(m: SpanMetrics, covered: boolean): KpiValues {
  const count = (n: number) => (covered ? n : null);
  const decided = m.completed + m.failed;
  return {
    jobs_submitted: count(m.submitted),
    jobs_completed: count(m.completed),
    jobs_failed: count(m.failed),
    jobs_cancelled: count(m.cancelled),
    success_rate: decided > 0 ? roundTo(m.completed / decided, 6) : null,
    run_ms_p50: ms(m.runP50),
    run_ms_p95: ms(m.runP95),
    run_ms_p99: ms(m.runP99),
    wait_ms_p50: ms(m.waitP50),
    wait_ms_p95: ms(m.waitP95),
    peak_hourly_throughput: count(m.peakHourly),
    machines_online_avg: m.machinesOnlineAvg === null ? null : roundTo(m.machinesOnlineAvg, 2),
    worker_utilization: m.workerObs > 0 ? roundTo(m.busyObs / m.workerObs, 6) : null,
    queue_depth_max: m.queueDepthMax,
    model_download_success_rate: m.downloads > 0 ? roundTo(m.downloadsOk / m.downloads, 6) : null,
    jobs_finished: count(m.completed + m.failed + m.cancelled),
    machines_online_min: m.machinesOnlineMin,
    oldest_wait_ms: ms(m.oldestWaitMs),
    retries: count(m.retries),
  };
}

export function nullKpiValues(): KpiValues {
  return Object.fromEntries(KPI_NAMES.map((name) => [name, null])) as KpiValues;
}

function ms(value: number | null): number | null {
  return value === null ? null : Math.round(value);
}
