import type { StepContext, StepSummary, Steps } from './Steps.ts';

export type JobName = 'collect' | 'publish' | 'deliver';
export const jobNames: readonly JobName[] = ['collect', 'publish', 'deliver'];

/** One scheduled job: a thin sequence of steps (see jobs/). */
export interface Job {
  name: JobName;
  run(context: StepContext, steps: Steps): Promise<StepSummary>;
}

/** A job with its place in the schedule: a cron expression, or "right after another job succeeded". */
export interface ScheduledJob {
  job: Job;
  /** Cron expression in the report time zone, or null for a job that only follows another. */
  cron: string | null;
  /** Run this job right after a successful run of that one. */
  after: JobName | null;
  /**
   * What a scheduler start does: 'always' runs the job at once (collection resumes from its checkpoints),
   * 'if-missed' runs it when a scheduled time passed since its last successful run (catch-up), 'never' waits.
   */
  onStart: 'always' | 'if-missed' | 'never';
  timeoutMs: number;
}
