import type { Warehouse } from '../warehouse/Warehouse.ts';
import { readSql } from '../warehouse/readSql.ts';
import type { PrintOutcome } from './PrintOutcome.ts';

export interface ExportRow {
  kind: string;
  report_id: string;
  status: 'passed' | 'failed';
  bundle_ms: number;
  path: string | null;
}

/**
 * The warehouse side of PDF export: the pdf_exports contract rows, the run log and the per-report attempts.
 * Writes are queued one after another: the print pool finishes reports concurrently, the connection is one.
 */
export class PdfExportLog {
  private readonly warehouse: Warehouse;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(warehouse: Warehouse) {
    this.warehouse = warehouse;
  }

  async lastExports(): Promise<ExportRow[]> {
    return this.warehouse.all<ExportRow>(readSql(import.meta.url, 'listPdfExports.sql'));
  }

  startRun(runId: string, startedAt: Date, requested: number, browser: string | null): Promise<void> {
    return this.serial(() =>
      this.warehouse.run(readSql(import.meta.url, 'startPdfRun.sql'), {
        run_id: runId,
        started_at: startedAt,
        requested,
        browser,
      }),
    );
  }

  finishRun(
    runId: string,
    result: {
      finishedAt: Date;
      status: string;
      passed: number;
      failed: number;
      relaunches: number;
      error: string | null;
    },
  ): Promise<void> {
    return this.serial(() =>
      this.warehouse.run(readSql(import.meta.url, 'finishPdfRun.sql'), {
        run_id: runId,
        finished_at: result.finishedAt,
        status: result.status,
        passed: result.passed,
        failed: result.failed,
        relaunches: result.relaunches,
        error: result.error,
      }),
    );
  }

  /** Records one report's outcome: its attempt row, and its pdf_exports row, in one transaction. */
  record(runId: string, outcome: PrintOutcome, path: string | null, at: Date): Promise<void> {
    const { job, verdict } = outcome;
    const status = verdict.passed ? 'passed' : 'failed';
    const bundleGeneratedAt = job.bundleGeneratedAt ? new Date(job.bundleGeneratedAt) : null;
    return this.serial(() =>
      this.warehouse.transaction(async () => {
        await this.warehouse.run(readSql(import.meta.url, 'insertPdfAttempt.sql'), {
          run_id: runId,
          kind: job.kind,
          report_id: job.id,
          bundle_generated_at: bundleGeneratedAt,
          status,
          failed_check: verdict.failedCheck,
          error: verdict.error,
          checks: JSON.stringify(verdict.checks),
          attempts: outcome.attempts,
          bytes: outcome.bytes,
          pages: outcome.pages,
          render_ms: outcome.renderMs,
          finished_at: at,
        });
        await this.warehouse.run(readSql(import.meta.url, 'upsertPdfExport.sql'), {
          kind: job.kind,
          report_id: job.id,
          bundle_generated_at: bundleGeneratedAt,
          status,
          path,
          bytes: verdict.passed ? outcome.bytes : null,
          pages: verdict.passed ? outcome.pages : null,
          failed_check: verdict.failedCheck,
          error: verdict.error,
          exported_at: at,
        });
      }),
    );
  }

  private serial<T>(work: () => Promise<T>): Promise<T> {
    const result = this.queue.then(work, work);
    this.queue = result.catch(() => undefined);
    return result;
  }
}
