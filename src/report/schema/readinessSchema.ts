import { z } from 'zod';
import { maybeNumber } from './common.ts';

/** One named factor of a readiness score; the score is Σ weight × component score over the scored components. */
export const readinessComponentSchema = z.strictObject({
  name: z.string(),
  label: z.string(),
  /** The measured value in `unit` (null when there was no data to measure). */
  value: maybeNumber,
  /** The value that earns a full component score. */
  target: maybeNumber,
  unit: z.enum(['fraction', 'ratio', 'count', 'ms', 'machines']),
  /** Weight in the score, 0..1; the weights of one score add up to 1. */
  weight: z.number().min(0).max(1),
  /** 0..100, or null when the value is unknown (its weight is then spread over the others). */
  score: z.number().min(0).max(100).nullable(),
  /** One sentence saying how value became score, e.g. "98.1% against a 99% target". */
  explanation: z.string(),
});
export type ReadinessComponent = z.infer<typeof readinessComponentSchema>;

export const readinessScoreSchema = z.strictObject({
  /** 0..100 (integer), or null when no component could be scored. */
  score: z.number().int().min(0).max(100).nullable(),
  /** The previous period's score, for "up 4 points". */
  previous: z.number().int().min(0).max(100).nullable(),
  grade: z.enum(['ready', 'progressing', 'not_ready', 'unknown']),
  components: z.array(readinessComponentSchema),
});
export type ReadinessScore = z.infer<typeof readinessScoreSchema>;

export const readinessSchema = z.strictObject({
  production: readinessScoreSchema,
  pools: z.strictObject({
    fast: readinessScoreSchema,
    standard: readinessScoreSchema,
    heavy: readinessScoreSchema,
  }),
});
export type Readiness = z.infer<typeof readinessSchema>;
