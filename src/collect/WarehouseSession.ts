import type { Logger } from '../log/Logger.ts';
import { appendColumns } from '../warehouse/appendColumns.ts';
import { readSql } from '../warehouse/readSql.ts';
import { translateDuckError, type Row, type Warehouse } from '../warehouse/Warehouse.ts';
import type { CollectLimits, CollectSession } from './CollectSession.ts';
import type { CollectUnit, JobRow, UnitResult } from './CollectUnit.ts';
import { dedupeBy } from './dedupeBy.ts';
import { jobStageBatch } from './jobStageBatch.ts';
import { sqlStatements } from './sqlStatements.ts';

const sql = (name: string) => readSql(import.meta.url, `sql/${name}`);

/** Temp tables live in the `temp` catalog; the appender must be told so. */
const RAW_JOBS_STAGE = { name: 'collect_jobs_raw', schema: 'main', catalog: 'temp' };

export interface SessionTotals {
  jobsNew: number;
  jobsUpdated: number;
  snapshots: number;
  modelDownloads: number;
  rejects: number;
  gaps: number;
}

/** CollectSession on the DuckDB warehouse: staging tables, set-based upserts, one transaction per unit. */
export class WarehouseSession implements CollectSession {
  readonly source: string;
  readonly now: number;
  readonly limits: CollectLimits;
  readonly logger: Logger;
  readonly totals: SessionTotals = { jobsNew: 0, jobsUpdated: 0, snapshots: 0, modelDownloads: 0, rejects: 0, gaps: 0 };
  private readonly warehouse: Warehouse;

  private constructor(warehouse: Warehouse, source: string, now: number, limits: CollectLimits, logger: Logger) {
    this.warehouse = warehouse;
    this.source = source;
    this.now = now;
    this.limits = limits;
    this.logger = logger;
  }

  static async open(
    warehouse: Warehouse,
    source: string,
    now: number,
    limits: CollectLimits,
    logger: Logger,
  ): Promise<WarehouseSession> {
    for (const statement of sqlStatements(sql('createStageTables.sql'))) await warehouse.run(statement);
    return new WarehouseSession(warehouse, source, now, limits, logger);
  }

  /** Drops the session's staging tables (temp tables hold memory until dropped). */
  async close(): Promise<void> {
    for (const statement of sqlStatements(sql('dropStageTables.sql'))) await this.warehouse.run(statement);
  }

  async checkpoint(name: string): Promise<string | null> {
    const row = await this.warehouse.one<{ value: string }>(sql('readCheckpoint.sql'), { source: this.source, name });
    return row?.value ?? null;
  }

  async existingJobs(queue: string, jobIds: readonly string[]): Promise<Map<string, JobRow>> {
    const found = new Map<string, JobRow>();
    if (jobIds.length === 0) return found;
    const rows = await this.warehouse.all<Row>(sql('selectExistingJobs.sql'), {
      source: this.source,
      queue,
      ids: [...jobIds],
    });
    for (const row of rows) found.set(String(row['job_id']), fromWarehouseRow(row));
    return found;
  }

  async countJobs(queue: string, status: JobRow['status']): Promise<number> {
    const row = await this.warehouse.one<{ n: number }>(sql('countJobsByStatus.sql'), {
      source: this.source,
      queue,
      status,
    });
    return Number(row?.n ?? 0);
  }

  private async stage(write: () => Promise<number>): Promise<void> {
    try {
      await write();
    } catch (error) {
      throw translateDuckError(error, this.warehouse.path);
    }
  }

  /** Runs one statement and returns the rows it changed. */
  private async execute(text: string, params?: Record<string, unknown>): Promise<number> {
    try {
      const result = await this.warehouse.connection.run(text, params as Record<string, string> | undefined);
      return Number(result.rowsChanged);
    } catch (error) {
      throw translateDuckError(error, this.warehouse.path);
    }
  }

  async commit(unit: CollectUnit): Promise<UnitResult> {
    const w = this.warehouse;
    const result = await w.transaction(async () => {
      for (const statement of sqlStatements(sql('clearStageTables.sql'))) await w.run(statement);
      const out: UnitResult = { jobsNew: 0, jobsUpdated: 0, modelDownloadsNew: 0 };
      const jobs = dedupeBy(unit.jobs ?? [], (j) => `${j.queue}\u0000${j.job_id}`);
      if (jobs.length > 0) {
        for (const statement of sqlStatements(sql('createJobsStage.sql'))) await w.run(statement);
        await this.stage(() => appendColumns(w.connection, RAW_JOBS_STAGE, jobStageBatch(jobs)));
        const rows = { source: this.source, collected_at: this.now };
        out.jobsNew = await this.execute(sql('insertNewJobs.sql'), rows);
        // All new (a catch-up): nothing known can have changed, so the stage and the join are skipped.
        if (out.jobsNew < jobs.length) {
          await this.execute(sql('loadJobsStage.sql'), rows);
          // The last statement inserts the replacements: its count is the number of jobs updated.
          for (const statement of sqlStatements(sql('replaceChangedJobs.sql'))) {
            out.jobsUpdated = await this.execute(statement);
          }
        }
      }
      const rejects = dedupeBy(unit.rejects ?? [], (r) => `${r.key}\u0000${r.reason}`);
      if (rejects.length > 0) {
        await w.append(
          'collect_rejects_stage',
          rejects.map((r) => ({ ...r, source: this.source, seen_at: this.now })),
        );
        await w.run(sql('insertNewRejects.sql'));
      }
      const downloads = dedupeBy(unit.modelDownloads ?? [], (d) => d.event_id);
      if (downloads.length > 0) {
        await w.append(
          'collect_downloads_stage',
          downloads.map((d) => ({ ...d, source: this.source })),
        );
        out.modelDownloadsNew = Number((await w.one<{ n: number }>(sql('countNewDownloads.sql')))?.n ?? 0);
        await w.run(sql('insertNewDownloads.sql'));
      }
      const gaps = unit.gaps ?? [];
      await w.append(
        'coverage_gaps',
        gaps.map((g) => ({ ...g, source: this.source, detected_at: this.now })),
      );
      const snapshot = unit.snapshot;
      if (snapshot) {
        const stamp = { taken_at: this.now, source: this.source };
        await w.append(
          'queue_snapshots',
          snapshot.queues.map((r) => ({ ...stamp, ...r })),
        );
        await w.append(
          'worker_snapshots',
          snapshot.workers.map((r) => ({ ...stamp, ...r })),
        );
        await w.append(
          'machine_snapshots',
          snapshot.machines.map((r) => ({ ...stamp, ...r })),
        );
      }
      for (const [name, value] of Object.entries(unit.checkpoints ?? {})) {
        await w.run(sql('upsertCheckpoint.sql'), { source: this.source, name, value, now: new Date(this.now) });
      }
      for (const statement of sqlStatements(sql('clearStageTables.sql'))) await w.run(statement);
      return out;
    });
    // Totals move only once the transaction is committed, so a failed unit is not counted.
    this.totals.jobsNew += result.jobsNew;
    this.totals.jobsUpdated += result.jobsUpdated;
    this.totals.modelDownloads += result.modelDownloadsNew;
    this.totals.rejects += unit.rejects?.length ?? 0;
    this.totals.gaps += unit.gaps?.length ?? 0;
    if (unit.snapshot) {
      const s = unit.snapshot;
      this.totals.snapshots += s.queues.length + s.workers.length + s.machines.length;
    }
    return result;
  }
}

function epoch(value: unknown): number | null {
  if (value == null) return null;
  return value instanceof Date ? value.getTime() : Number(value);
}

function num(value: unknown): number | null {
  return value == null ? null : Number(value);
}

function str(value: unknown): string | null {
  return value == null ? null : String(value);
}

function fromWarehouseRow(row: Row): JobRow {
  return {
    source: String(row['source']),
    queue: String(row['queue']),
    job_id: String(row['job_id']),
    name: str(row['name']),
    status: row['status'] as JobRow['status'],
    priority: num(row['priority']),
    machine_id: str(row['machine_id']),
    worker_id: str(row['worker_id']),
    attempts: num(row['attempts']),
    created_at: epoch(row['created_at']),
    started_at: epoch(row['started_at']),
    finished_at: epoch(row['finished_at']),
    wait_ms: num(row['wait_ms']),
    run_ms: num(row['run_ms']),
    error_type: str(row['error_type']),
    error_message: str(row['error_message']),
    models: Array.isArray(row['models']) ? (row['models'] as unknown[]).map(String) : [],
    collected_at: epoch(row['collected_at']) ?? 0,
    service: str(row['service']),
    workflow_id: str(row['workflow_id']),
    error_reason: str(row['error_reason']),
  };
}
