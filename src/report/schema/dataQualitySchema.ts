import { z } from 'zod';
import { count, instant, maybeFraction, severity } from './common.ts';

export const dataQualitySchema = z.strictObject({
  /** True when the report rests on incomplete data; the pages, PDF and email say so at the top. */
  partial: z.boolean(),
  /** Plain sentences about the gaps, worst first (empty when the data is complete). */
  notes: z.array(z.strictObject({ severity, message: z.string() })),
  /** Snapshots taken / snapshots expected at the collection interval, over the part of the period that has passed. */
  snapshot_coverage: maybeFraction,
  snapshots_expected: count,
  snapshots_taken: count,
  coverage_gaps: z.array(
    z.strictObject({
      source: z.string(),
      queue: z.string().nullable(),
      from: instant,
      to: instant,
      reason: z.string(),
    }),
  ),
  /** Milliseconds of the period covered by at least one gap. */
  gap_ms: count,
  rejects: z.strictObject({
    total: count,
    by_reason: z.array(z.strictObject({ reason: z.string(), count: count })),
  }),
  /** Jobs finished in the period but collected more than an hour after the period ended. */
  late_rows: count,
  collection_runs: z.strictObject({ total: count, failed: count }),
  last_collected_at: instant.nullable(),
});
export type DataQuality = z.infer<typeof dataQualitySchema>;
