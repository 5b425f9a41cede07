import type { RunStatus, RunTrigger } from './RunLog.ts';

/** Who runs the scheduler, as written into the status file. */
export interface DaemonInfo {
  pid: number;
  host: string;
  startedAt: string;
  state: 'running' | 'stopping' | 'stopped';
  /** The job running now and since when, or null when idle. */
  running: { job: string; since: string } | null;
}

export interface RunSummary {
  trigger: RunTrigger;
  status: RunStatus;
  scheduledAt: string | null;
  startedAt: string;
  finishedAt: string | null;
  summary: unknown;
  errorCode: string | null;
  errorMessage: string | null;
}

export interface JobStatus {
  job: string;
  /** The cron expression, or "after publish". */
  schedule: string;
  lastRun: RunSummary | null;
  lastOkAt: string | null;
  nextRunAt: string | null;
}

export interface FailureSummary {
  job: string;
  status: RunStatus;
  startedAt: string;
  errorCode: string | null;
  errorMessage: string | null;
}

/** `almanac status`: computed from the warehouse, or read from the scheduler's status file while it runs. */
export interface StatusReport {
  generatedAt: string;
  timezone: string;
  daemon: DaemonInfo | null;
  jobs: JobStatus[];
  /** Failed, timed-out and interrupted runs of the last seven days, newest first. */
  failures: FailureSummary[];
  collection: {
    sources: { source: string; lastOkAt: string; lagSeconds: number }[];
    /** Seconds since the least recently collected source last finished a collection, or null: never collected. */
    lagSeconds: number | null;
  };
  warehouse: { path: string; bytes: number };
}
