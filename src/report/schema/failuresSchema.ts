import { z } from 'zod';
import { count, maybeFraction } from './common.ts';

export const failuresSchema = z.strictObject({
  total: count,
  /** Share of failures whose `error_type` is a known category (not null, not "unknown"). */
  known_category_share: maybeFraction,
  by_type: z.array(z.strictObject({ error_type: z.string(), count: count, share: maybeFraction })),
  /** Error messages normalized (numbers, ids and quoted values replaced) so that variants group together. */
  top_messages: z.array(
    z.strictObject({
      error_type: z.string(),
      /** Normalized message: untrusted text, escape when rendering. */
      message: z.string(),
      count: count,
      machines: count,
      /** Whether this message did not occur in the trailing 28 days before the period. */
      new: z.boolean(),
    }),
  ),
  /** Failure modes (type + normalized message) seen for the first time this period. */
  new_modes: z.array(z.strictObject({ error_type: z.string(), message: z.string(), count: count })),
  /** Final failures per machine, most first. */
  by_machine: z.array(z.strictObject({ machine_id: z.string(), count: count, failure_rate: maybeFraction })),
});
export type Failures = z.infer<typeof failuresSchema>;
