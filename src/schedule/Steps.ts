import type { Config } from '../config/Config.ts';
import type { Logger } from '../log/Logger.ts';
import type { ProgressFactory } from '../progress/ProgressFactory.ts';
import type { Warehouse } from '../warehouse/Warehouse.ts';

/** What a step returns: a small JSON-safe summary (counts, ids, paths), stored in the run log. */
export type StepSummary = Record<string, unknown>;

/** Everything a pipeline step may use. The caller owns the warehouse (opened once, closed by the caller). */
export interface StepContext {
  config: Config;
  warehouse: Warehouse;
  logger: Logger;
  now(): Date;
  /**
   * Aborted when the run must stop: a shutdown signal or the job's timeout. A step checks it between
   * transactions and returns (or throws) at the next safe point; it never leaves a transaction half done.
   */
  signal: AbortSignal;
  progress: ProgressFactory;
}

export interface AnalyzeOptions {
  /** Analyze closed periods through this day (report time zone, YYYY-MM-DD); default: everything up to now. */
  through?: string;
  /** Recompute these days even when published, restating what changed (backfill). */
  from?: string;
  restate?: boolean;
  /** Why the periods are recomputed; shown with each restatement. */
  reason?: string;
}

export interface BuildOptions {
  /** Rebuild every page, not only the new and changed ones. */
  full?: boolean;
}

export interface PdfOptions {
  /** One report, "kind:id"; default: every report that lacks a current PDF. */
  report?: string;
}

export interface DeliverOptions {
  dryRun?: boolean;
  /** Send these reports ("kind:id") again on purpose, e.g. restatements after a backfill with --email. */
  resend?: string[];
}

/**
 * The pipeline's steps as the scheduler sees them. jobs/realSteps.ts binds them to the stage engines; unit tests
 * of the scheduler's own logic pass doubles.
 */
export interface Steps {
  collect(context: StepContext): Promise<StepSummary>;
  analyze(context: StepContext, options: AnalyzeOptions): Promise<StepSummary>;
  build(context: StepContext, options: BuildOptions): Promise<StepSummary>;
  pdf(context: StepContext, options: PdfOptions): Promise<StepSummary>;
  deliver(context: StepContext, options: DeliverOptions): Promise<StepSummary>;
}

export type StepName = keyof Steps;
export const stepNames: readonly StepName[] = ['collect', 'analyze', 'build', 'pdf', 'deliver'];
