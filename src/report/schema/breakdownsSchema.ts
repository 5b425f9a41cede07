import { z } from 'zod';
import { count, maybeFraction, maybeNumber, poolName } from './common.ts';

/** Volume, outcome and timing of one slice of the jobs finished in the period. */
const sliceFields = {
  jobs_submitted: count,
  jobs_completed: count,
  jobs_failed: count,
  jobs_cancelled: count,
  success_rate: maybeFraction,
  run_ms_p50: maybeNumber,
  run_ms_p95: maybeNumber,
  wait_ms_p95: maybeNumber,
  /** Share of the period's finished jobs. */
  share: maybeFraction,
};

export const serviceRowSchema = z.strictObject({
  source: z.string(),
  /** The queue (emp: the service, BullMQ: the queue name). */
  service: z.string(),
  ...sliceFields,
});
export type ServiceRow = z.infer<typeof serviceRowSchema>;

export const jobTypeRowSchema = z.strictObject({
  source: z.string(),
  service: z.string(),
  /** The job name (emp: the step's `service_required` or workflow type, BullMQ: the job name). */
  job_type: z.string(),
  ...sliceFields,
  run_ms_p90: maybeNumber,
  /** The pool this type's p90 falls in. */
  pool: poolName.nullable(),
});
export type JobTypeRow = z.infer<typeof jobTypeRowSchema>;

export const breakdownsSchema = z.strictObject({
  by_service: z.array(serviceRowSchema),
  by_job_type: z.array(jobTypeRowSchema),
  /** Submitted jobs by local hour of day 0..23 (for a day; summed over the days of a week or month). */
  by_hour_of_day: z.array(z.strictObject({ hour: z.number().int().min(0).max(23), jobs: count })),
});
export type Breakdowns = z.infer<typeof breakdownsSchema>;
