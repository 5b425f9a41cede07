import type { Breakdowns, JobTypeRow, ServiceRow } from '../../report/ReportBundle.ts';
import type { JobTypeRaw } from '../breakdowns/BreakdownRows.ts';
import { roundTo } from '../math/roundTo.ts';
import type { PoolBounds } from '../metrics/querySpanMetrics.ts';
import { quantile } from '../metrics/querySpanMetrics.ts';
import { poolOf } from './poolOf.ts';

const MAX_ROWS = 50;

/** Service and job-type tables, most finished jobs first; `byHourOfDay` comes from the hour buckets. */
export function buildBreakdowns(
  rows: readonly JobTypeRaw[],
  bounds: PoolBounds,
  byHourOfDay: Breakdowns['by_hour_of_day'],
): Breakdowns {
  const finished = (r: JobTypeRaw) => r.completed + r.failed + r.cancelled;
  const services = rows.filter((r) => r.is_service === 1);
  const total = services.reduce((sum, r) => sum + finished(r), 0);
  const slice = (r: JobTypeRaw) => ({
    jobs_submitted: r.submitted,
    jobs_completed: r.completed,
    jobs_failed: r.failed,
    jobs_cancelled: r.cancelled,
    success_rate: r.completed + r.failed > 0 ? roundTo(r.completed / (r.completed + r.failed), 6) : null,
    run_ms_p50: ms(quantile(r.run_q, 0)),
    run_ms_p95: ms(quantile(r.run_q, 2)),
    wait_ms_p95: ms(r.wait_p95),
    share: total > 0 ? roundTo(finished(r) / total, 6) : null,
  });
  const byService: ServiceRow[] = services
    .map((r) => ({ source: r.source, service: r.service, ...slice(r) }))
    .sort(byVolume);
  const byJobType: JobTypeRow[] = rows
    .filter((r) => r.is_service === 0)
    .map((r) => {
      const p90 = quantile(r.run_q, 1);
      return {
        source: r.source,
        service: r.service,
        job_type: r.job_type ?? '(unnamed)',
        ...slice(r),
        run_ms_p90: ms(p90),
        pool: p90 === null ? null : poolOf(p90, bounds),
      };
    })
    .sort(byVolume)
    .slice(0, MAX_ROWS);
  return { by_service: byService.slice(0, MAX_ROWS), by_job_type: byJobType, by_hour_of_day: byHourOfDay };
}

function byVolume<T extends { jobs_completed: number; jobs_failed: number; jobs_cancelled: number; service: string }>(
  a: T & { job_type?: string },
  b: T & { job_type?: string },
): number {
  const fa = a.jobs_completed + a.jobs_failed + a.jobs_cancelled;
  const fb = b.jobs_completed + b.jobs_failed + b.jobs_cancelled;
  return fb - fa || cmp(a.service, b.service) || cmp(a.job_type ?? '', b.job_type ?? '');
}

export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function ms(value: number | null): number | null {
  return value === null ? null : Math.round(value);
}
