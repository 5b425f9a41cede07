import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Warehouse } from '../warehouse/Warehouse.ts';
import { readSql } from '../warehouse/readSql.ts';
import type { StepSummary } from './Steps.ts';

export type RunStatus = 'running' | 'ok' | 'failed' | 'skipped' | 'timeout' | 'interrupted';
export type RunTrigger = 'schedule' | 'catch-up' | 'after' | 'run' | 'manual';

export interface RunStart {
  job: string;
  trigger: RunTrigger;
  scheduledAt: Date | null;
  startedAt: Date;
}

export interface RunEnd {
  finishedAt: Date;
  status: Exclude<RunStatus, 'running'>;
  summary?: StepSummary | null;
  errorCode?: string | null;
  errorMessage?: string | null;
}

export interface RunRow {
  run_id: string;
  job: string;
  trigger: RunTrigger;
  scheduled_at: Date | null;
  started_at: Date;
  finished_at: Date | null;
  status: RunStatus;
  summary: string | null;
  error_code: string | null;
  error_message: string | null;
}

/** The `run_log` table (migration 070): one row per job run, written by the scheduler and `almanac run`. */
export class RunLog {
  private readonly warehouse: Warehouse;

  constructor(warehouse: Warehouse) {
    this.warehouse = warehouse;
  }

  /** Records a run as started ('running') and returns its id. */
  async start(run: RunStart): Promise<string> {
    const runId = randomUUID();
    await this.insert(runId, run, { status: 'running', finishedAt: null });
    return runId;
  }

  async finish(runId: string, end: RunEnd): Promise<void> {
    await this.warehouse.run(readSql(import.meta.url, 'sql/finishRun.sql'), {
      run_id: runId,
      finished_at: end.finishedAt,
      status: end.status,
      summary: end.summary ? JSON.stringify(end.summary) : null,
      error_code: end.errorCode ?? null,
      error_message: end.errorMessage ?? null,
    });
  }

  /** A tick that did not run because the job was still busy (or the scheduler was stopping). */
  async skipped(run: RunStart, reason: string): Promise<void> {
    await this.insert(randomUUID(), run, {
      status: 'skipped',
      finishedAt: run.startedAt,
      summary: JSON.stringify({ reason }),
    });
  }

  /** Marks rows left 'running' by a dead process; only call while holding the warehouse lock. */
  async interruptStale(now: Date): Promise<{ run_id: string; job: string }[]> {
    return this.warehouse.all(readSql(import.meta.url, 'sql/interruptStaleRuns.sql'), { now });
  }

  async lastCovered(job: string): Promise<Date | null> {
    const row = await this.warehouse.one<{ covered_at: Date | null }>(
      readSql(import.meta.url, 'sql/lastCoveredPublish.sql'),
      { job },
    );
    return row?.covered_at ?? null;
  }

  async list(): Promise<RunRow[]> {
    return this.warehouse.all<RunRow>(readSql(import.meta.url, 'sql/listRuns.sql'));
  }

  private async insert(
    runId: string,
    run: RunStart,
    end: { status: RunStatus; finishedAt: Date | null; summary?: string },
  ): Promise<void> {
    await this.warehouse.run(readSql(import.meta.url, 'sql/insertRun.sql'), {
      run_id: runId,
      job: run.job,
      trigger: run.trigger,
      scheduled_at: run.scheduledAt,
      started_at: run.startedAt,
      finished_at: end.finishedAt,
      status: end.status,
      summary: end.summary ?? null,
      error_code: null,
      error_message: null,
      pid: process.pid,
      host: hostname(),
    });
  }
}
