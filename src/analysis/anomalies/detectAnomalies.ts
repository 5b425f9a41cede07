import { KPI_META, type KpiName } from '../../report/kpiNames.ts';
import type { Anomaly, Severity } from '../../report/ReportBundle.ts';
import type { KpiValues } from '../kpis/KpiValues.ts';
import { describeValue } from '../text/describeValue.ts';
import { ANOMALY_RULES, judgeValue, type Judgement } from './judgeValue.ts';

/** The daily KPIs judged against their seasonal baseline. */
export const DAILY_ANOMALY_KPIS: readonly KpiName[] = [
  'jobs_submitted',
  'jobs_completed',
  'jobs_failed',
  'success_rate',
  'run_ms_p50',
  'run_ms_p95',
  'wait_ms_p95',
  'peak_hourly_throughput',
  'machines_online_avg',
  'worker_utilization',
  'queue_depth_max',
  'model_download_success_rate',
  'retries',
];

/** The hourly figures judged against the same hour of the previous days. */
export const HOURLY_ANOMALY_KPIS: readonly KpiName[] = ['jobs_submitted', 'jobs_failed', 'wait_ms_p95', 'run_ms_p95'];

/** Percentile figures need this many underlying jobs (completed for run times, started for waits) to be judged. */
export const MIN_JOBS_FOR_PERCENTILES = 30;

function enoughJobs(kpi: KpiName, values: KpiValues): boolean {
  if (kpi.startsWith('run_ms')) return (values.jobs_completed ?? 0) >= MIN_JOBS_FOR_PERCENTILES;
  if (kpi.startsWith('wait_ms')) return (values.jobs_submitted ?? 0) >= MIN_JOBS_FOR_PERCENTILES;
  if (kpi === 'success_rate')
    return (values.jobs_completed ?? 0) + (values.jobs_failed ?? 0) >= MIN_JOBS_FOR_PERCENTILES;
  return true;
}

export interface DayForJudging {
  dayId: string;
  start: number;
  /** "Sat 21 Nov". */
  label: string;
  /** Long weekday name, for "a usual 210 for a Saturday". */
  weekday: string;
  values: KpiValues;
  /** The same weekday in each of the previous eight weeks (missing days left out). */
  baseline: KpiValues[];
}

export interface HourForJudging {
  dayId: string;
  start: number;
  /** "Sat 21 Nov, 14:00". */
  label: string;
  values: KpiValues;
  /** The same local hour on each of the previous 14 days. */
  baseline: KpiValues[];
}

export function detectDailyAnomalies(days: readonly DayForJudging[]): { items: Anomaly[]; insufficient: KpiName[] } {
  const items: Anomaly[] = [];
  const insufficient = new Set<KpiName>();
  for (const day of days) {
    for (const kpi of DAILY_ANOMALY_KPIS) {
      const value = day.values[kpi];
      if (value === null || !enoughJobs(kpi, day.values)) continue;
      const baseline = day.baseline
        .filter((b) => enoughJobs(kpi, b))
        .map((b) => b[kpi])
        .filter((v): v is number => v !== null);
      if (baseline.length < ANOMALY_RULES.minDailySamples) {
        insufficient.add(kpi);
        continue;
      }
      const j = judgeValue(value, baseline, KPI_META[kpi].unit, ANOMALY_RULES.minDailySamples);
      if (j) items.push(anomaly('day', kpi, day.dayId, day.start, day.label, value, j, `for a ${day.weekday}`));
    }
  }
  return { items: sortAnomalies(items), insufficient: [...insufficient] };
}

export function detectHourlyAnomalies(hours: readonly HourForJudging[]): Anomaly[] {
  const items: Anomaly[] = [];
  for (const hour of hours) {
    for (const kpi of HOURLY_ANOMALY_KPIS) {
      const value = hour.values[kpi];
      if (value === null || !enoughJobs(kpi, hour.values)) continue;
      const baseline = hour.baseline
        .filter((b) => enoughJobs(kpi, b))
        .map((b) => b[kpi])
        .filter((v): v is number => v !== null);
      const j = judgeValue(value, baseline, KPI_META[kpi].unit, ANOMALY_RULES.minHourlySamples);
      if (j) items.push(anomaly('hour', kpi, hour.dayId, hour.start, hour.label, value, j, 'for this hour'));
    }
  }
  return sortAnomalies(items);
}

function anomaly(
  scope: 'day' | 'hour',
  kpi: KpiName,
  dayId: string,
  start: number,
  label: string,
  value: number,
  j: Judgement,
  usual: string,
): Anomaly {
  const meta = KPI_META[kpi];
  const direction = j.z > 0 ? 'high' : 'low';
  const adverse = (direction === 'high') === (meta.better === 'lower');
  const size = Math.abs(j.z);
  const severity: Severity = !adverse ? 'low' : size >= 8 ? 'critical' : size >= 5 ? 'high' : 'medium';
  const at = new Date(start).toISOString();
  return {
    id: `${scope}:${kpi}:${scope === 'day' ? dayId : at}`,
    scope,
    kpi,
    at,
    day: dayId,
    label,
    value,
    baseline: j.baseline,
    mad: j.mad,
    z: j.z,
    direction,
    adverse,
    samples: j.samples,
    severity,
    message: `${label}: ${meta.label.toLowerCase()} ${describeValue(value, meta.unit)} against a usual ${describeValue(j.baseline, meta.unit)} ${usual}.`,
  };
}

const SEVERITY_ORDER: Record<Severity, number> = { critical: 0, high: 1, medium: 2, low: 3 };

function sortAnomalies(items: Anomaly[]): Anomaly[] {
  return items.sort(
    (a, b) =>
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      Math.abs(b.z) - Math.abs(a.z) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}
