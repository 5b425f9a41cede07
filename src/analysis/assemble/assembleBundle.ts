import { BUNDLE_SCHEMA_VERSION, type ReportBundle } from '../../report/ReportBundle.ts';
import { detectDailyAnomalies, detectHourlyAnomalies } from '../anomalies/detectAnomalies.ts';
import { elapsedDays } from '../calendar/comparableSpan.ts';
import { periodLabel, dayShortLabel, elapsedLabel } from '../calendar/periodLabel.ts';
import { firstDayOf } from '../calendar/periodOf.ts';
import { weekdayName } from '../calendar/names.ts';
import { buildKpis, trailingMeans } from '../kpis/buildKpis.ts';
import type { KpiValues } from '../kpis/KpiValues.ts';
import { nullKpiValues, spanKpiValues } from '../kpis/spanKpiValues.ts';
import type { Span } from '../plan/targetSpans.ts';
import { poolReadiness } from '../readiness/poolReadiness.ts';
import { productionReadiness } from '../readiness/productionReadiness.ts';
import type { RuleContext } from '../rules/Rule.ts';
import { RULES } from '../rules/RULES.ts';
import { runRules, trackRecommendations } from '../rules/trackRecommendations.ts';
import { buildBreakdowns } from '../sections/buildBreakdowns.ts';
import { buildDataQuality } from '../sections/buildDataQuality.ts';
import { buildFailures } from '../sections/buildFailures.ts';
import { buildMachines } from '../sections/buildMachines.ts';
import { buildModels, topModelShare } from '../sections/buildModels.ts';
import { buildPools, poolSeparation } from '../sections/buildPools.ts';
import { POOL_NAMES } from '../sections/poolOf.ts';
import { buildSummary } from '../text/buildSummary.ts';
import { buildVerdict } from '../text/buildVerdict.ts';
import type { AssembleInput } from './AssembleInput.ts';
import { buildCharts } from './buildCharts.ts';
import { buildForecast } from './buildForecast.ts';

const NOUN = { daily: 'day', weekly: 'week', monthly: 'month' } as const;
const PLURAL = { daily: 'days', weekly: 'weeks', monthly: 'months' } as const;

/** Builds one report bundle from queried metrics: pure, deterministic for equal input. */
export function assembleBundle(x: AssembleInput): ReportBundle {
  const { target, spans } = x;
  const { period, closed, through } = target;
  const kind = period.kind;
  const values = (span: Span): KpiValues =>
    x.publishedOf(span)?.values ?? spanKpiValues(x.metricsOf(span), x.coveredOf(span));
  // A comparison span the data only partly covers (collection began inside it) would make a misleading reference.
  const reference = (span: Span): KpiValues =>
    x.quality.dataStart !== null && x.quality.dataStart > span.start + 3_600_000 ? nullKpiValues() : values(span);
  const current = x.metricsOf(spans.current);
  const elapsedHours = (through - period.start) / 3_600_000;
  const daysElapsed = elapsedDays(period, through);
  const elapsedText = closed ? null : elapsedLabel(period, daysElapsed, Math.floor(elapsedHours));

  const kpis = buildKpis({
    current: values(spans.current),
    previous: reference(spans.previous),
    sameWeekday:
      spans.sameWeekday && spans.sameWeekdayId
        ? { values: reference(spans.sameWeekday), label: dayShortLabel(firstDayOf('daily', spans.sameWeekdayId)) }
        : null,
    trailingMean: {
      values: trailingMeans(spans.trailing.map(reference)),
      label: `mean of the previous 4 ${PLURAL[kind]}${closed ? '' : ' (same elapsed span)'}`,
    },
    sparkline: spans.sparkline.map((s) => ({ id: s.id, values: values(s.span) })),
    targets: { success_rate: x.targets.successRate },
  });

  // Hour-of-day profile and per-hour utilization over the elapsed period.
  const byHour = Array.from({ length: 24 }, () => ({ jobs: 0, busy: 0, obs: 0 }));
  for (const h of spans.hours) {
    const m = x.metricsOf(h);
    const slot = byHour[h.localHour]!;
    slot.jobs += m.submitted;
    slot.busy += m.busyObs;
    slot.obs += m.workerObs;
  }

  const breakdowns = buildBreakdowns(
    x.breakdown.jobTypes,
    x.pools,
    byHour.map((slot, hour) => ({ hour, jobs: slot.jobs })),
  );
  const machines = buildMachines(x.breakdown.machines, x.breakdown.machineHealth);
  const completeContext = spans.context.filter((d) => d.complete && x.coveredOf(d));
  const poolDays = completeContext.slice(-28).map((d) => {
    const published = x.publishedOf(d)?.poolJobs;
    if (published) return published;
    const m = x.metricsOf(d);
    return { fast: m.pools.fast.jobs, standard: m.pools.standard.jobs, heavy: m.pools.heavy.jobs };
  });
  const pools = buildPools({
    bounds: x.pools,
    period: current,
    elapsedHours,
    dailyPoolJobs: poolDays,
    jobTypes: x.breakdown.jobTypes,
    byJobType: breakdowns.by_job_type,
    machineRaw: x.breakdown.machines,
    machines,
  });
  const failures = buildFailures(x.breakdown.failures, machines, x.priorCovered);
  const models = buildModels(x.breakdown.models, x.breakdown.modelPairs, x.breakdown.downloads);

  const previousReadiness = x.previousBundle?.readiness ?? null;
  const readiness = {
    production: productionReadiness(
      {
        successRate: kpis.success_rate.value,
        successTarget: x.targets.successRate,
        variation: machines.heterogeneity_index,
        variationTarget: x.targets.machineVariation,
        knownFailureShare: failures.known_category_share,
        failures: failures.total,
        waitP95: kpis.wait_ms_p95.value,
        runP50: kpis.run_ms_p50.value,
        waitToRunTarget: x.targets.waitToRunRatio,
        onlineShare:
          current.machinesOnlineAvg !== null && current.machinesSeen > 0
            ? Math.min(1, current.machinesOnlineAvg / current.machinesSeen)
            : null,
      },
      previousReadiness?.production.score ?? null,
    ),
    pools: Object.fromEntries(
      POOL_NAMES.map((pool) => [
        pool,
        poolReadiness(
          {
            pool,
            separation: poolSeparation(pools, pool),
            dailyCv: pools.pools[pool].daily_cv,
            machineEquivalents:
              elapsedHours > 0 && current.completed > 0 ? current.pools[pool].ms / (elapsedHours * 3_600_000) : null,
            suitedMachines: pools.pools[pool].machines,
            topModelShare: topModelShare(x.breakdown.models, pool),
          },
          previousReadiness?.pools[pool].score ?? null,
        ),
      ]),
    ) as ReportBundle['readiness']['pools'],
  };

  // Anomalies: complete days of the period (and of the 90-day context, for the chart flags); complete hours of a day.
  const judge = (days: typeof spans.context) =>
    detectDailyAnomalies(
      days
        .filter((d) => d.complete && x.coveredOf(d))
        .map((d) => ({
          dayId: d.dayId,
          start: d.start,
          label: d.label,
          weekday: weekdayName(d.weekday),
          values: values(d),
          baseline: d.baseline.filter((b) => x.coveredOf(b)).map(values),
        })),
    );
  const periodDays = judge(spans.days);
  const contextDays = judge(spans.context);
  const flagged = new Set(contextDays.items.filter((a) => a.adverse && a.severity !== 'low').map((a) => a.day));
  const hourly =
    kind === 'daily'
      ? detectHourlyAnomalies(
          spans.hours
            .filter((h) => h.complete && x.coveredOf(h))
            .map((h) => ({
              dayId: h.dayId,
              start: h.start,
              label: `${dayShortLabel(firstDayOf('daily', h.dayId))}, ${h.label}`,
              values: values(h),
              baseline: h.baseline.filter((b) => x.coveredOf(b)).map(values),
            })),
        )
      : [];
  const anomalies = {
    method:
      'Robust z-score of each daily figure against the same weekday in the previous 8 weeks (median and 1.4826 × MAD); ' +
      'hours against the same hour on the previous 14 days.',
    min_samples: 4,
    insufficient_history: periodDays.insufficient,
    items: [...periodDays.items, ...hourly].slice(0, 50),
    threshold_z: 3.5,
  };

  const forecast = buildForecast({
    timeZone: x.timeZone,
    through,
    history: completeContext.map((d) => ({
      dayNumber: d.dayNumber,
      weekday: d.weekday,
      submitted: values(d).jobs_submitted ?? 0,
    })),
    peakHour: x.coveredOf(spans.current) ? current.peakHourly : null,
    workersOnlineAvg: current.workersOnlineAvg,
    runMeanMs: current.runMean,
  });

  const dataQuality = buildDataQuality({
    closed,
    elapsedLabel: elapsedText,
    start: period.start,
    through,
    dataStart: x.quality.dataStart,
    snapshotsTaken: current.queueInstants,
    snapshotIntervals: x.quality.snapshotIntervals,
    gaps: x.quality.gaps,
    rejects: x.quality.rejects,
    runs: x.quality.runs,
    failedRuns: x.quality.failedRuns,
    lateRows: x.breakdown.lateRows,
    lastCollectedAt: x.quality.lastCollectedAt,
  });

  const ruleContext: RuleContext = {
    kind,
    periodId: period.id,
    closed,
    days: Math.max(elapsedHours / 24, 1 / 24),
    kpis,
    targets: x.targets,
    machines,
    failures,
    models,
    pools,
    readiness,
    dataQuality,
    forecast,
    utilizationByHour: byHour.map((slot) => (slot.obs > 0 ? slot.busy / slot.obs : null)),
    workersOnlineAvg: current.workersOnlineAvg,
    runMeanMs: current.runMean,
    recentFailureModes: x.priorCovered
      ? x.breakdown.failures
          .filter((f) => f.is_recent)
          .sort((a, b) => b.n - a.n || (a.message < b.message ? -1 : 1))
          .map((f) => ({
            error_type: f.error_type,
            message: f.message === '' ? '(no message)' : f.message,
            count: f.n,
          }))
      : [],
  };
  const recommendations = trackRecommendations(
    runRules(RULES, ruleContext),
    x.previousBundle?.recommendations ?? null,
    period.id,
  );

  const label = periodLabel(period);
  const summary = buildSummary({
    label,
    previousLabel: `the previous ${NOUN[kind]}${closed ? '' : ' at the same point'}`,
    elapsedLabel: elapsedText,
    kpis,
    successTarget: x.targets.successRate,
    failures,
    machines,
    anomalies: anomalies.items,
    readiness,
    partialNote: closed && dataQuality.partial ? (dataQuality.notes[0]?.message ?? null) : null,
  });
  const verdict = buildVerdict({
    kpis,
    successTarget: x.targets.successRate,
    recommendations,
    anomalies: anomalies.items,
    readiness,
  });

  const buckets =
    kind === 'daily'
      ? spans.hours.map((h) => ({ span: h as Span, label: h.label }))
      : spans.days.map((d) => ({ span: d as Span, label: d.label }));
  const charts = buildCharts(
    kind === 'daily' ? 'hour' : 'day',
    buckets.map((b) => ({ ...b, metrics: x.metricsOf(b.span), values: values(b.span) })),
    spans.context.map((d) => ({ dayId: d.dayId, span: d, values: values(d), anomaly: flagged.has(d.dayId) })),
  );

  const iso = (t: number) => new Date(t).toISOString();
  return {
    schema: BUNDLE_SCHEMA_VERSION,
    kind,
    id: period.id,
    timezone: x.timeZone,
    period: {
      start: iso(period.start),
      end: iso(period.end),
      closed,
      label,
      days: period.days,
      hours: period.hours,
      elapsed_days: daysElapsed,
      elapsed_label: elapsedText,
      through: iso(through),
    },
    comparison: {
      previous_id: spans.previousId,
      previous_start: iso(spans.previous.start),
      previous_end: iso(spans.previous.end),
      same_weekday_last_week_id: spans.sameWeekdayId,
      trailing_ids: spans.trailingIds,
    },
    generated_at: iso(x.generatedAt),
    generated_from: {
      almanac_version: x.version,
      sources: x.sources,
      data_through: x.dataThrough === null ? null : iso(x.dataThrough),
      jobs_considered: current.completed + current.failed + current.cancelled,
    },
    revision: 1,
    restates: null,
    verdict,
    summary: summary.length > 0 ? summary : [`${label}: no data.`],
    kpis,
    readiness,
    anomalies,
    forecast,
    recommendations,
    breakdowns,
    pools,
    machines,
    failures,
    models,
    data_quality: dataQuality,
    charts,
  };
}
