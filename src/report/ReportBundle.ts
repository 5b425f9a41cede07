import { z } from 'zod';
import { KPI_NAMES } from './kpiNames.ts';
import { anomaliesSchema } from './schema/anomalySchema.ts';
import { breakdownsSchema } from './schema/breakdownsSchema.ts';
import { chartsSchema } from './schema/chartsSchema.ts';
import { bundleKind, instant } from './schema/common.ts';
import { dataQualitySchema } from './schema/dataQualitySchema.ts';
import { failuresSchema } from './schema/failuresSchema.ts';
import { forecastSchema } from './schema/forecastSchema.ts';
import { kpiSchema } from './schema/kpiSchema.ts';
import { machinesSchema } from './schema/machinesSchema.ts';
import { modelsSchema } from './schema/modelsSchema.ts';
import { poolsSchema } from './schema/poolsSchema.ts';
import { readinessSchema } from './schema/readinessSchema.ts';
import { recommendationSchema } from './schema/recommendationSchema.ts';

/** Bumped on any incompatible change to the shape below; readers refuse versions they do not know. */
export const BUNDLE_SCHEMA_VERSION = 1;

export const periodSchema = z.strictObject({
  /** First instant of the period (local midnight in the report zone). */
  start: instant,
  /** First instant after the period (exclusive). */
  end: instant,
  closed: z.boolean(),
  /** "Saturday 21 November 2026", "Week 47, 16–22 November 2026", "November 2026". */
  label: z.string(),
  /** Calendar days in the period (1, 7, 28..31). */
  days: z.number().int().min(1),
  /** Hours in the period: 23 or 25 on a DST change day. */
  hours: z.number().min(1),
  /** Days begun so far (equal to `days` once closed). */
  elapsed_days: z.number().int().min(0),
  /** For an open period: "month to date, 12 of 31 days"; null once closed. */
  elapsed_label: z.string().nullable(),
  /** The end of the data the bundle rests on: `end` when closed, the analysis time when open. */
  through: instant,
});
export type Period = z.infer<typeof periodSchema>;

export const comparisonPeriodsSchema = z.strictObject({
  previous_id: z.string(),
  /** The span compared against: the whole previous period, or its first `elapsed` part when this one is open. */
  previous_start: instant,
  previous_end: instant,
  /** Daily bundles only. */
  same_weekday_last_week_id: z.string().nullable(),
  /** The periods averaged for `trailing_mean`, oldest first. */
  trailing_ids: z.array(z.string()),
});

export const verdictSchema = z.strictObject({
  /** healthy: targets met; watch: something drifts; act: a target is missed or a critical issue is open. */
  status: z.enum(['healthy', 'watch', 'act', 'unknown']),
  trend: z.enum(['improving', 'steady', 'worsening', 'unknown']),
  /** One sentence for the top of every page, PDF and email. */
  headline: z.string(),
  /** The title of the highest-ranked open recommendation, or null. */
  top_action: z.string().nullable(),
});
export type Verdict = z.infer<typeof verdictSchema>;

export const reportBundleSchema = z.strictObject({
  schema: z.literal(BUNDLE_SCHEMA_VERSION),
  kind: bundleKind,
  id: z.string(),
  /** IANA zone the period is cut in. */
  timezone: z.string(),
  period: periodSchema,
  comparison: comparisonPeriodsSchema,
  generated_at: instant,
  generated_from: z.strictObject({
    almanac_version: z.string(),
    /** Sources found in the warehouse for this period (names from config). */
    sources: z.array(z.string()),
    /** The latest `collected_at` among the rows used. */
    data_through: instant.nullable(),
    jobs_considered: z.number().int().min(0),
  }),
  /** 1 for the first publication of a period, +1 for each restatement. */
  revision: z.number().int().min(1),
  /** The publication this one replaces, or null. */
  restates: z
    .strictObject({
      revision: z.number().int().min(1),
      generated_at: instant,
      reason: z.string(),
      /** KPIs whose value changed, with both values. */
      changes: z.array(
        z.strictObject({ kpi: z.enum(KPI_NAMES), before: z.number().nullable(), after: z.number().nullable() }),
      ),
    })
    .nullable(),
  verdict: verdictSchema,
  /** Three to five deterministic sentences: same numbers, same words. */
  summary: z.array(z.string()).min(1).max(6),
  kpis: z.strictObject(Object.fromEntries(KPI_NAMES.map((name) => [name, kpiSchema])) as KpiShape),
  readiness: readinessSchema,
  anomalies: anomaliesSchema,
  forecast: forecastSchema,
  recommendations: z.array(recommendationSchema),
  breakdowns: breakdownsSchema,
  pools: poolsSchema,
  machines: machinesSchema,
  failures: failuresSchema,
  models: modelsSchema,
  data_quality: dataQualitySchema,
  charts: chartsSchema,
});

type KpiShape = { [K in (typeof KPI_NAMES)[number]]: typeof kpiSchema };

export type ReportBundle = z.infer<typeof reportBundleSchema>;
export type { Kpi, Comparison } from './schema/kpiSchema.ts';
export type { Readiness, ReadinessScore, ReadinessComponent } from './schema/readinessSchema.ts';
export type { Anomaly, Anomalies } from './schema/anomalySchema.ts';
export type { Forecast, ForecastPoint } from './schema/forecastSchema.ts';
export type { Recommendation, Evidence } from './schema/recommendationSchema.ts';
export type { Breakdowns, ServiceRow, JobTypeRow } from './schema/breakdownsSchema.ts';
export type { Pools, PoolFigures } from './schema/poolsSchema.ts';
export type { Machines, MachineRow } from './schema/machinesSchema.ts';
export type { Failures } from './schema/failuresSchema.ts';
export type { Models } from './schema/modelsSchema.ts';
export type { DataQuality } from './schema/dataQualitySchema.ts';
export type { Charts, ChartPoint, ContextPoint } from './schema/chartsSchema.ts';
export type { Severity, PoolName } from './schema/common.ts';
