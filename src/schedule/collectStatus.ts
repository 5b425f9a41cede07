import { statSync } from 'node:fs';
import type { Config } from '../config/Config.ts';
import type { Warehouse } from '../warehouse/Warehouse.ts';
import { readSql } from '../warehouse/readSql.ts';
import { nextFireTime } from './cronTimes.ts';
import type { ScheduledJob } from './Job.ts';
import type { RunStatus, RunTrigger } from './RunLog.ts';
import type { DaemonInfo, StatusReport } from './StatusReport.ts';

const FAILURE_WINDOW_MS = 7 * 24 * 3600_000;

interface LastRunRow {
  job: string;
  trigger: RunTrigger;
  scheduled_at: Date | null;
  started_at: Date;
  finished_at: Date | null;
  status: RunStatus;
  summary: string | null;
  error_code: string | null;
  error_message: string | null;
  last_ok_at: Date | null;
}

/** Reads the run log, the collection runs and the file size into a StatusReport (read-only queries). */
export async function collectStatus(
  warehouse: Warehouse,
  config: Config,
  table: ScheduledJob[],
  now: Date,
  daemon: DaemonInfo | null,
): Promise<StatusReport> {
  const last = await warehouse.all<LastRunRow>(readSql(import.meta.url, 'sql/lastRuns.sql'));
  const failures = await warehouse.all<Omit<LastRunRow, 'last_ok_at' | 'summary'>>(
    readSql(import.meta.url, 'sql/recentFailures.sql'),
    { since: new Date(now.getTime() - FAILURE_WINDOW_MS), limit: 10 },
  );
  const sources = await warehouse.all<{ source: string; last_ok_at: Date }>(
    readSql(import.meta.url, 'sql/lastCollection.sql'),
  );
  const lags = sources.map((s) => Math.max(0, Math.round((now.getTime() - s.last_ok_at.getTime()) / 1000)));
  return {
    generatedAt: now.toISOString(),
    timezone: config.timezone,
    daemon,
    jobs: table.map((entry) => {
      const row = last.find((r) => r.job === entry.job.name);
      return {
        job: entry.job.name,
        schedule: entry.cron ?? `after ${entry.after}`,
        lastRun: row
          ? {
              trigger: row.trigger,
              status: row.status,
              scheduledAt: iso(row.scheduled_at),
              startedAt: row.started_at.toISOString(),
              finishedAt: iso(row.finished_at),
              summary: row.summary === null ? null : (JSON.parse(row.summary) as unknown),
              errorCode: row.error_code,
              errorMessage: row.error_message,
            }
          : null,
        lastOkAt: iso(row?.last_ok_at ?? null),
        nextRunAt: entry.cron === null ? null : iso(nextFireTime(entry.cron, config.timezone, now)),
      };
    }),
    failures: failures.map((f) => ({
      job: f.job,
      status: f.status,
      startedAt: f.started_at.toISOString(),
      errorCode: f.error_code,
      errorMessage: f.error_message,
    })),
    collection: {
      sources: sources.map((s, i) => ({
        source: s.source,
        lastOkAt: s.last_ok_at.toISOString(),
        lagSeconds: lags[i]!,
      })),
      lagSeconds: lags.length ? Math.max(...lags) : null,
    },
    warehouse: { path: warehouse.path, bytes: warehouseBytes(warehouse.path) },
  };
}

/** The database file plus its write-ahead log. */
export function warehouseBytes(file: string): number {
  let bytes = 0;
  for (const part of [file, `${file}.wal`]) {
    try {
      bytes += statSync(part).size;
    } catch {
      // No WAL after a checkpoint; no file before the first open.
    }
  }
  return bytes;
}

function iso(value: Date | null): string | null {
  return value === null ? null : value.toISOString();
}
