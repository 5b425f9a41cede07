import { z } from 'zod';
import { maybeNumber, severity } from './common.ts';

export const evidenceSchema = z.strictObject({
  metric: z.string(),
  value: z.union([z.number(), z.string(), z.null()]),
  threshold: z.union([z.number(), z.string(), z.null()]),
  /** The period id the value was measured over. */
  period: z.string(),
  unit: z.string().nullable(),
});
export type Evidence = z.infer<typeof evidenceSchema>;

export const recommendationSchema = z.strictObject({
  /** Stable across periods: `<rule>` or `<rule>:<subject>` (e.g. `machine-failure-rate:m-07`). */
  id: z.string(),
  rule: z.string(),
  /** What it is about (a machine, model, job type), or null for fleet-wide advice. */
  subject: z.string().nullable(),
  severity,
  /** new: first seen this period; ongoing: also in the previous period; resolved: was there, is gone. */
  status: z.enum(['new', 'ongoing', 'resolved']),
  /** The period id when this recommendation was first raised (this one, for `new`). */
  first_seen: z.string(),
  title: z.string(),
  what: z.string(),
  why: z.string(),
  action: z.string(),
  evidence: z.array(evidenceSchema),
  impact: z.strictObject({
    description: z.string(),
    /** The expected gain in `unit` (jobs saved, hours of GPU time, ms of wait), null when not quantifiable. */
    estimate: maybeNumber,
    unit: z.string().nullable(),
    /** Ranking key: larger first. */
    score: z.number().min(0),
  }),
  /** 1-based position after ranking by impact (resolved ones come last). */
  rank: z.number().int().min(1),
});
export type Recommendation = z.infer<typeof recommendationSchema>;
