import cron, { type ScheduledTask } from 'node-cron';
import type { Config } from '../config/Config.ts';
import { AlmanacError, isAlmanacError } from '../errors/AlmanacError.ts';
import { errorMessage } from '../errors/errorMessage.ts';
import type { Logger } from '../log/Logger.ts';
import type { ProgressFactory } from '../progress/ProgressFactory.ts';
import type { Warehouse } from '../warehouse/Warehouse.ts';
import { catchUpDue } from './catchUpDue.ts';
import { isPartialFailure } from './PartialFailure.ts';
import type { JobName, ScheduledJob } from './Job.ts';
import { RunLog, type RunTrigger } from './RunLog.ts';
import type { StepContext, StepSummary, Steps } from './Steps.ts';

export interface SchedulerOptions {
  config: Config;
  warehouse: Warehouse;
  logger: Logger;
  steps: Steps;
  table: ScheduledJob[];
  now: () => Date;
  progress: ProgressFactory;
  /** How long a timed-out run gets to stop after its signal is aborted (default 60 s). */
  graceMs?: number;
  /**
   * Called when a timed-out run ignores its stop signal past the grace period. The daemon exits non-zero so that
   * its supervisor restarts it (the run's open transaction is discarded by DuckDB; the run log row is marked
   * interrupted by the next start). Nothing else may use the warehouse connection meanwhile.
   */
  onStuck: (job: JobName) => void;
  /** Called after every run or skip, between runs (the warehouse is free): the daemon refreshes its status file. */
  onChange?: () => Promise<void>;
  /** Called synchronously when a run starts (no warehouse access allowed here). */
  onRunStart?: (job: JobName, startedAt: Date) => void;
}

export interface RunOutcome {
  job: JobName;
  runId: string;
  status: 'ok' | 'failed' | 'timeout' | 'interrupted';
  summary: StepSummary | null;
  error: unknown;
}

type QueueItem =
  | { kind: 'run'; job: JobName; trigger: RunTrigger; scheduledAt: Date | null }
  | { kind: 'skip'; job: JobName; trigger: RunTrigger; scheduledAt: Date | null; at: Date; reason: string };

/**
 * Runs the jobs of the cron table one at a time over one warehouse connection. A tick for a job that is running
 * or already waiting is skipped (and logged as skipped); a tick for another job waits its turn. Each run has a
 * timeout and a stop signal; every run, skip and outcome goes to the run log.
 */
export class Scheduler {
  readonly runLog: RunLog;
  private readonly options: SchedulerOptions;
  private readonly queue: QueueItem[] = [];
  private readonly tasks: ScheduledTask[] = [];
  private current: { job: JobName; controller: AbortController } | null = null;
  private pumping: Promise<void> | null = null;
  private stopping = false;
  private stuck = false;

  constructor(options: SchedulerOptions) {
    this.options = options;
    this.runLog = new RunLog(options.warehouse);
  }

  /** The job running now, if any. */
  get running(): JobName | null {
    return this.current?.job ?? null;
  }

  /**
   * Settles what a previous process left behind, queues the start-up runs (collection at once; publish when a
   * scheduled time passed without a successful publish since) and starts the cron tasks.
   */
  async start(): Promise<void> {
    const { config, logger, now } = this.options;
    const interrupted = await this.runLog.interruptStale(now());
    for (const run of interrupted) logger.warn('a run of the previous scheduler was interrupted', { ...run });
    // Decide everything before queueing anything: the first queued run starts at once and owns the connection.
    const due: { job: JobName; scheduledAt: Date | null }[] = [];
    for (const entry of this.options.table) {
      if (entry.onStart === 'always') due.push({ job: entry.job.name, scheduledAt: null });
      if (entry.onStart === 'if-missed' && entry.cron !== null) {
        const missed = catchUpDue(entry.cron, config.timezone, now(), await this.runLog.lastCovered(entry.job.name));
        if (missed) {
          logger.info(`catching up: ${entry.job.name} was due at ${missed.toISOString()}`, { job: entry.job.name });
          due.push({ job: entry.job.name, scheduledAt: missed });
        }
      }
    }
    for (const run of due) this.trigger(run.job, 'catch-up', run.scheduledAt);
    for (const entry of this.options.table) {
      if (entry.cron === null) continue;
      const name = entry.job.name;
      this.tasks.push(
        cron.schedule(entry.cron, (context) => this.trigger(name, 'schedule', context.date ?? context.triggeredAt), {
          name: `almanac-${name}`,
          timezone: config.timezone,
        }),
      );
    }
  }

  /** Queues a run of `job`, or records a skip when that job is running or already waiting. */
  trigger(job: JobName, trigger: RunTrigger, scheduledAt: Date | null): void {
    const { logger, now } = this.options;
    if (this.stopping || this.stuck) {
      logger.info(`${job} not started: the scheduler is stopping`, { job });
      return;
    }
    const busy = this.current?.job === job ? 'running' : this.queue.some((i) => i.kind === 'run' && i.job === job);
    if (busy) {
      const reason = busy === 'running' ? 'the previous run is still running' : 'a run is already waiting';
      logger.warn(`${job} skipped: ${reason}`, { job, scheduledAt: scheduledAt?.toISOString() });
      this.queue.push({ kind: 'skip', job, trigger, scheduledAt, at: now(), reason });
    } else {
      this.queue.push({ kind: 'run', job, trigger, scheduledAt });
    }
    this.pump();
  }

  /** Resolves when nothing is running or waiting. */
  async idle(): Promise<void> {
    while (this.pumping) await this.pumping;
  }

  /**
   * Stops scheduling, asks the running step to stop at its next safe point (it finishes its transaction), drops
   * waiting runs, and resolves when the running job has returned and its outcome is logged.
   */
  async stop(reason = 'shutdown requested'): Promise<void> {
    if (!this.stopping) {
      this.stopping = true;
      for (const task of this.tasks) await task.destroy();
      const dropped = this.queue.filter((i) => i.kind === 'run');
      for (const item of dropped) this.options.logger.info(`${item.job} not started: ${reason}`, { job: item.job });
      this.queue.splice(0, this.queue.length, ...this.queue.filter((i) => i.kind === 'skip'));
      this.current?.controller.abort(
        new AlmanacError('RunInterrupted', reason, { hint: 'The next start carries on from the last transaction.' }),
      );
    }
    await this.idle();
  }

  /** Runs one job now, outside the queue (for `almanac run`; the queue must be idle). */
  async execute(job: JobName, trigger: RunTrigger, scheduledAt: Date | null): Promise<RunOutcome> {
    const { logger, now, steps, table } = this.options;
    const entry = table.find((e) => e.job.name === job);
    if (!entry) throw new Error(`no job named ${job} in the cron table`);
    const startedAt = now();
    const runId = await this.runLog.start({ job, trigger, scheduledAt, startedAt });
    const controller = new AbortController();
    this.current = { job, controller };
    this.options.onRunStart?.(job, startedAt);
    const log = logger.child({ job, runId });
    log.info(`${job} started`, { trigger, ...(scheduledAt ? { scheduledAt: scheduledAt.toISOString() } : {}) });
    const context: StepContext = {
      config: this.options.config,
      warehouse: this.options.warehouse,
      logger: log,
      now,
      signal: controller.signal,
      progress: this.options.progress,
    };
    if (this.stopping) controller.abort(new AlmanacError('RunInterrupted', 'shutdown requested'));

    let timedOut = false;
    const timers: NodeJS.Timeout[] = [];
    const result = await new Promise<{ summary: StepSummary } | { error: unknown } | 'stuck'>((resolve) => {
      entry.job.run(context, steps).then(
        (summary) => resolve({ summary }),
        (error: unknown) => resolve({ error }),
      );
      timers.push(
        setTimeout(() => {
          timedOut = true;
          controller.abort(timeoutError(job, entry.timeoutMs));
          timers.push(setTimeout(() => resolve('stuck'), this.options.graceMs ?? 60_000));
        }, entry.timeoutMs),
      );
    });
    for (const timer of timers) clearTimeout(timer);

    if (result === 'stuck') {
      this.stuck = true;
      log.error(`${job} exceeded its timeout and did not stop`, { timeoutMs: entry.timeoutMs });
      this.options.onStuck(job);
      // The step still owns the connection: nothing may touch the warehouse any more.
      return new Promise<never>(() => {});
    }
    this.current = null;
    const finishedAt = now();
    const ms = finishedAt.getTime() - startedAt.getTime();
    if ('summary' in result) {
      await this.runLog.finish(runId, { finishedAt, status: 'ok', summary: result.summary });
      log.info(`${job} ok`, { ms });
      return { job, runId, status: 'ok', summary: result.summary, error: null };
    }
    const error = timedOut ? timeoutError(job, entry.timeoutMs) : result.error;
    const status = timedOut ? 'timeout' : controller.signal.aborted ? 'interrupted' : 'failed';
    const code = status === 'interrupted' ? 'RunInterrupted' : isAlmanacError(error) ? error.code : 'Unexpected';
    const message = status === 'interrupted' ? `${errorMessage(result.error)}` : errorMessage(error);
    const summary = isPartialFailure(error) ? error.summary : null;
    await this.runLog.finish(runId, { finishedAt, status, summary, errorCode: code, errorMessage: message });
    if (status === 'interrupted') log.warn(`${job} interrupted: ${message}`, { ms, code });
    else log.error(`${job} ${status}: ${message}`, { ms, code });
    return { job, runId, status, summary, error };
  }

  private pump(): void {
    if (this.pumping) return;
    this.pumping = (async () => {
      try {
        for (let item = this.queue.shift(); item; item = this.queue.shift()) {
          await this.process(item);
          await this.options.onChange?.();
        }
      } finally {
        this.pumping = null;
      }
    })();
  }

  private async process(item: QueueItem): Promise<void> {
    try {
      if (item.kind === 'skip') {
        await this.runLog.skipped(
          { job: item.job, trigger: item.trigger, scheduledAt: item.scheduledAt, startedAt: item.at },
          item.reason,
        );
        return;
      }
      const outcome = await this.execute(item.job, item.trigger, item.scheduledAt);
      if (outcome.status === 'ok' || (outcome.status === 'failed' && isPartialFailure(outcome.error))) {
        for (const next of this.options.table.filter((e) => e.after === item.job)) {
          this.trigger(next.job.name, 'after', null);
        }
      }
    } catch (error) {
      // The run log itself failed (disk full, warehouse gone): say so and keep the daemon alive for the next tick.
      this.options.logger.error(`could not record ${item.job} in the run log: ${errorMessage(error)}`, {
        job: item.job,
      });
    }
  }
}

function timeoutError(job: JobName, timeoutMs: number): AlmanacError {
  const minutes = Number((timeoutMs / 60_000).toFixed(2));
  return new AlmanacError('RunTimedOut', `${job} took longer than its timeout of ${minutes} minutes.`, {
    hint: `Raise schedule.timeoutMinutes.${job} in almanac.config.json, or find out why it is slow with --debug.`,
  });
}
