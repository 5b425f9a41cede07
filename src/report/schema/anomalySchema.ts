import { z } from 'zod';
import { KPI_NAMES } from '../kpiNames.ts';
import { count, instant, maybeNumber, severity } from './common.ts';

/**
 * A value far from its seasonal baseline. Daily anomalies compare a day's KPI with the same weekday over the
 * trailing eight weeks; hourly ones compare an hour with the same hour over the trailing days.
 * z = (value − median) / (1.4826 × MAD).
 */
export const anomalySchema = z.strictObject({
  /** Stable within a bundle: `<scope>:<kpi>:<at>`. */
  id: z.string(),
  scope: z.enum(['day', 'hour']),
  kpi: z.enum(KPI_NAMES),
  /** Start of the day or hour that is anomalous. */
  at: instant,
  /** The day id (`2026-11-21`) the anomaly belongs to. */
  day: z.string(),
  /** Local wording of `at`: "Sat 21 Nov" or "Sat 21 Nov, 14:00". */
  label: z.string(),
  value: z.number(),
  baseline: z.number(),
  mad: z.number().min(0),
  z: z.number(),
  direction: z.enum(['high', 'low']),
  /** Whether the direction is bad news for this KPI. */
  adverse: z.boolean(),
  samples: count,
  severity,
  message: z.string(),
});
export type Anomaly = z.infer<typeof anomalySchema>;

export const anomaliesSchema = z.strictObject({
  method: z.string(),
  /** Minimum baseline samples before a day or hour is judged at all. */
  min_samples: count,
  /** KPIs that could not be judged for lack of history, so an empty list is not read as "all clear". */
  insufficient_history: z.array(z.enum(KPI_NAMES)),
  items: z.array(anomalySchema),
  threshold_z: maybeNumber,
});
export type Anomalies = z.infer<typeof anomaliesSchema>;
