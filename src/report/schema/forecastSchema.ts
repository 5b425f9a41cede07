import { z } from 'zod';
import { instant, maybeFraction, maybeNumber } from './common.ts';

export const forecastPointSchema = z.strictObject({
  /** The period forecast, e.g. `2026-W48` or `2026-12`. */
  period_id: z.string(),
  start: instant,
  end: instant,
  /** Expected jobs submitted, with an 80% interval. */
  value: z.number().min(0),
  low: z.number().min(0),
  high: z.number().min(0),
});
export type ForecastPoint = z.infer<typeof forecastPointSchema>;

export const forecastSchema = z.strictObject({
  /** Plain-words description of the method, shown under the chart. */
  method: z.string(),
  /** Days of history the forecast rests on. */
  basis_days: z.number().int().min(0),
  interval: z.number().min(0).max(1),
  next_week: forecastPointSchema.nullable(),
  next_month: forecastPointSchema.nullable(),
  /** Weekly growth of daily volume fitted over the basis (0.03 = +3% a week), null without enough history. */
  weekly_growth: maybeNumber,
  headroom: z.strictObject({
    /** Jobs finished in the busiest hour of the period. */
    peak_hour_jobs: maybeNumber,
    /** Estimated jobs per hour the fleet can finish: workers online × 3,600,000 / mean run ms. */
    capacity_per_hour: maybeNumber,
    /** 1 − peak / capacity; negative means the peak exceeded the estimate. */
    headroom: maybeNumber,
    /** Peak hour expected next period (peak × growth), and its share of capacity. */
    projected_peak_share: maybeFraction,
  }),
});
export type Forecast = z.infer<typeof forecastSchema>;
