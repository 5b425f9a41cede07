import { z } from 'zod';
import { KPI_NAMES } from '../kpiNames.ts';
import { maybeNumber } from './common.ts';

/** A value against one reference: `delta` = value − reference, `ratio` = value / reference − 1. */
export const comparisonSchema = z.strictObject({
  /** The reference value (previous period, same weekday last week, or trailing mean). */
  value: maybeNumber,
  delta: maybeNumber,
  /** Relative change; null when the reference is 0 or missing. */
  ratio: maybeNumber,
  /** What the reference is, e.g. "Sat 14 Nov" or "mean of the previous 4 weeks". */
  label: z.string(),
});
export type Comparison = z.infer<typeof comparisonSchema>;

export const kpiSchema = z.strictObject({
  name: z.enum(KPI_NAMES),
  label: z.string(),
  unit: z.enum(['count', 'fraction', 'ms', 'jobs_per_hour', 'machines']),
  /** The period's value; null when there is no data (never 0 for "unknown"). */
  value: maybeNumber,
  /** The previous period's value (for an open period: the same elapsed span of the previous period). */
  previous: maybeNumber,
  /** value − previous; null when either is null. */
  delta: maybeNumber,
  /** value / previous − 1; null when previous is 0 or null. */
  delta_ratio: maybeNumber,
  better: z.enum(['higher', 'lower']),
  /** Whether the change against the previous period is good news, bad news, or too small to call. */
  trend: z.enum(['improved', 'worsened', 'unchanged', 'unknown']),
  /** Against the same weekday one week earlier (daily bundles only; null otherwise). */
  same_weekday_last_week: comparisonSchema.nullable(),
  /** Against the mean of the four periods before this one (null when fewer than two of them have data). */
  trailing_mean: comparisonSchema.nullable(),
  /** A target when one is configured (success rate 0.99, ...), else null. */
  target: maybeNumber,
  /** Oldest first, ending with this period: 14 days, 12 weeks or 12 months. */
  sparkline: z.array(z.strictObject({ id: z.string(), value: maybeNumber })),
});
export type Kpi = z.infer<typeof kpiSchema>;
