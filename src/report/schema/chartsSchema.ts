import { z } from 'zod';
import { count, instant, maybeFraction, maybeNumber } from './common.ts';

/** One bucket (an hour of a day, or a day of a week or month) with everything the period charts plot. */
export const chartPointSchema = z.strictObject({
  /** Bucket start. */
  t: instant,
  /** Local wording: "14:00" for hours, "Sat 21" for days. */
  label: z.string(),
  jobs_submitted: count,
  jobs_completed: count,
  jobs_failed: count,
  jobs_cancelled: count,
  success_rate: maybeFraction,
  run_ms_p50: maybeNumber,
  run_ms_p95: maybeNumber,
  run_ms_p99: maybeNumber,
  wait_ms_p50: maybeNumber,
  wait_ms_p95: maybeNumber,
  queue_depth_max: z.number().int().min(0).nullable(),
  machines_online_avg: maybeNumber,
  worker_utilization: maybeFraction,
});
export type ChartPoint = z.infer<typeof chartPointSchema>;

/** One day of the trailing 90-day context. */
export const contextPointSchema = z.strictObject({
  day: z.string(),
  t: instant,
  jobs_submitted: count,
  jobs_completed: count,
  jobs_failed: count,
  success_rate: maybeFraction,
  run_ms_p95: maybeNumber,
  wait_ms_p95: maybeNumber,
  /** Whether the day is flagged by a daily anomaly. */
  anomaly: z.boolean(),
});
export type ContextPoint = z.infer<typeof contextPointSchema>;

export const chartsSchema = z.strictObject({
  /** `hour` for a daily bundle (23, 24 or 25 points), `day` for weekly and monthly ones. */
  granularity: z.enum(['hour', 'day']),
  series: z.array(chartPointSchema),
  /** The 90 days ending with the period, for the context chart. */
  context: z.array(contextPointSchema),
  /** Jobs by pool per bucket of `series`, for the stacked pool chart. */
  pool_mix: z.array(z.strictObject({ t: instant, fast: count, standard: count, heavy: count })),
});
export type Charts = z.infer<typeof chartsSchema>;
