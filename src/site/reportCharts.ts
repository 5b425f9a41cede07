// Bundle -> the chart models of a report page. The only place that knows which bundle fields feed which chart.
import type { ReportBundle } from '../report/ReportBundle.ts';
import type { ChartModel } from '../charts/ChartModel.ts';
import { volumeSuccessChart } from '../charts/volumeSuccessChart.ts';
import { runTimeByPoolChart } from '../charts/runTimeByPoolChart.ts';
import { poolMixChart } from '../charts/poolMixChart.ts';
import { waitVsRunChart } from '../charts/waitVsRunChart.ts';
import { machineP95Chart } from '../charts/machineP95Chart.ts';
import { failureTaxonomyChart } from '../charts/failureTaxonomyChart.ts';
import { modelUsageChart } from '../charts/modelUsageChart.ts';
import { modelDownloadsChart } from '../charts/modelDownloadsChart.ts';
import { readinessTrendChart, type ReadinessPoint } from '../charts/readinessTrendChart.ts';
import { forecastChart, type ForecastPoint } from '../charts/forecastChart.ts';

/** Readiness scores of earlier reports of the same kind (oldest first), gathered by the engine. */
export type ReadinessHistory = {
  start: string;
  production: number | null;
  fast: number | null;
  standard: number | null;
  heavy: number | null;
}[];

const DEFAULT_TARGET = 0.99;
const DAY_MS = 86_400_000;

export function reportCharts(bundle: ReportBundle, history: ReadinessHistory): ChartModel[] {
  const tz = bundle.timezone;
  const granularity = bundle.charts.granularity;
  const anomalyScope = granularity === 'hour' ? 'hour' : 'day';
  return [
    volumeSuccessChart({
      points: bundle.charts.series.map((p) => ({ at: p.t, completed: p.jobs_completed, failed: p.jobs_failed })),
      target: bundle.kpis.success_rate.target ?? DEFAULT_TARGET,
      anomalies: bundle.anomalies.items
        .filter((a) => a.scope === anomalyScope)
        .map((a) => ({ at: a.at, label: a.message })),
      timeZone: tz,
      granularity,
    }),
    runTimeByPoolChart({
      jobTypes: bundle.pools.job_types.flatMap((j) =>
        j.pool !== null && j.run_ms_p90 !== null
          ? [{ name: j.job_type, pool: j.pool, jobs: j.jobs, p90Ms: j.run_ms_p90, straddles: j.straddles }]
          : [],
      ),
      fastMaxMs: bundle.pools.boundaries.fast_max_ms,
      standardMaxMs: bundle.pools.boundaries.standard_max_ms,
    }),
    poolMixChart({ points: bundle.charts.pool_mix.map((p) => ({ ...p, at: p.t })), timeZone: tz, granularity }),
    waitVsRunChart(
      bundle.breakdowns.by_job_type.flatMap((j) =>
        j.wait_ms_p95 !== null && j.run_ms_p95 !== null
          ? [{ name: j.job_type, jobs: j.jobs_completed + j.jobs_failed, waitMs: j.wait_ms_p95, runMs: j.run_ms_p95 }]
          : [],
      ),
    ),
    machineP95Chart({
      machines: bundle.machines.rows.flatMap((m) =>
        m.run_ms_p95 === null
          ? []
          : [{ machine: m.machine_id, jobs: m.jobs_finished, p95Ms: m.run_ms_p95, outlier: m.outlier }],
      ),
      fleetP95Ms: bundle.kpis.run_ms_p95.value,
    }),
    failureTaxonomyChart(
      bundle.failures.by_type.map((f) => ({
        category: f.error_type,
        count: f.count,
        example: bundle.failures.top_messages.find((m) => m.error_type === f.error_type)?.message ?? null,
      })),
    ),
    modelUsageChart(bundle.models.by_machine.map((m) => ({ machine: m.machine_id, model: m.model, jobs: m.jobs }))),
    modelDownloadsChart(
      bundle.models.downloads_by_model.map((d) => ({
        model: d.model,
        ok: d.attempts - d.failures,
        failed: d.failures,
      })),
    ),
    readinessTrendChart({ points: readinessPoints(bundle, history), timeZone: tz }),
    forecastChart({ metric: 'jobs submitted per day', points: forecastPoints(bundle), timeZone: tz }),
  ];
}

function readinessPoints(bundle: ReportBundle, history: ReadinessHistory): ReadinessPoint[] {
  const own = {
    start: bundle.period.start,
    production: bundle.readiness.production.score,
    fast: bundle.readiness.pools.fast.score,
    standard: bundle.readiness.pools.standard.score,
    heavy: bundle.readiness.pools.heavy.score,
  };
  return [...history.filter((h) => h.start < bundle.period.start), own].flatMap((h) =>
    (['production', 'fast', 'standard', 'heavy'] as const).map((series) => ({ at: h.start, series, score: h[series] })),
  );
}

/** The last 28 days of submitted jobs, then the next period's forecast spread evenly over its days. */
function forecastPoints(bundle: ReportBundle): ForecastPoint[] {
  const actual: ForecastPoint[] = bundle.charts.context
    .slice(-28)
    .map((c) => ({ at: c.t, actual: c.jobs_submitted, forecast: null, lo: null, hi: null }));
  const next = bundle.kind === 'monthly' ? bundle.forecast.next_month : bundle.forecast.next_week;
  if (!next) return actual;
  const start = Date.parse(next.start);
  const days = Math.max(1, Math.round((Date.parse(next.end) - start) / DAY_MS));
  const ahead: ForecastPoint[] = Array.from({ length: days }, (_, i) => ({
    at: new Date(start + i * DAY_MS + DAY_MS / 2).toISOString(),
    actual: null,
    forecast: next.value / days,
    lo: next.low / days,
    hi: next.high / days,
  }));
  return [...actual, ...ahead];
}
