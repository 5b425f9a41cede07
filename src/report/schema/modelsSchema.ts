import { z } from 'zod';
import { count, maybeFraction, maybeNumber } from './common.ts';

export const modelsSchema = z.strictObject({
  usage: z.array(z.strictObject({ model: z.string(), jobs: count, machines: count, share: maybeFraction })),
  /** Models used by the same job, most frequent pairs first. */
  pairs: z.array(z.strictObject({ a: z.string(), b: z.string(), jobs: count })),
  /** The most frequent (machine, model) pairs. */
  by_machine: z.array(z.strictObject({ machine_id: z.string(), model: z.string(), jobs: count })),
  downloads_by_model: z.array(
    z.strictObject({
      model: z.string(),
      attempts: count,
      failures: count,
      success_rate: maybeFraction,
      total_ms: count,
      bytes: count,
    }),
  ),
  downloads_by_machine: z.array(
    z.strictObject({
      machine_id: z.string(),
      attempts: count,
      failures: count,
      success_rate: maybeFraction,
      total_ms: count,
    }),
  ),
  /** Download failures with their error text (untrusted), most frequent first. */
  download_errors: z.array(z.strictObject({ model: z.string(), error: z.string(), count: count })),
  placement: z.strictObject({
    /** Time spent downloading in the period: what pre-placing the models would have saved at most. */
    download_ms: count,
    /** Share of model usage covered by the top models, a measure of how predictable placement is. */
    top3_share: maybeFraction,
    /** Machine-hours of downloads that pre-placing the top models would have avoided. */
    saving_hours: maybeNumber,
  }),
});
export type Models = z.infer<typeof modelsSchema>;
