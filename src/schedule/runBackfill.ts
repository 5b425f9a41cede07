import type { Config } from '../config/Config.ts';
import { AlmanacError } from '../errors/AlmanacError.ts';
import type { Logger } from '../log/Logger.ts';
import type { ProgressFactory } from '../progress/ProgressFactory.ts';
import type { Warehouse } from '../warehouse/Warehouse.ts';
import { isPartialFailure, type PartialFailure } from './PartialFailure.ts';
import { runStep } from './runStep.ts';
import type { StepContext, StepSummary, Steps } from './Steps.ts';

export interface BackfillOptions {
  config: Config;
  warehouse: Warehouse;
  logger: Logger;
  now: () => Date;
  steps: Steps;
  progress: ProgressFactory;
  signal: AbortSignal;
  from: string;
  to: string;
  /** Re-send restated reports to their subscribers (default: no email). */
  email: boolean;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Checks `--from`/`--to` before anything runs: real calendar days, in order, not in the future. */
export function checkBackfillRange(from: string | undefined, to: string | undefined, today: string): void {
  for (const [flag, value] of [
    ['--from', from],
    ['--to', to],
  ] as const) {
    if (value === undefined) {
      throw new AlmanacError('BadUsage', `almanac backfill needs ${flag} DATE.`, {
        hint: 'Example: almanac backfill --from 2026-11-01 --to 2026-11-07',
        exitCode: 2,
      });
    }
    const probe = new Date(`${value}T00:00:00Z`);
    if (!DATE.test(value) || Number.isNaN(probe.getTime()) || probe.toISOString().slice(0, 10) !== value) {
      throw new AlmanacError('BadUsage', `${flag} "${value}" is not a calendar date (YYYY-MM-DD).`, { exitCode: 2 });
    }
  }
  if (from! > to!) {
    throw new AlmanacError('BadUsage', `--from ${from} is after --to ${to}.`, { exitCode: 2 });
  }
  if (to! >= today) {
    throw new AlmanacError('BadUsage', `--to ${to} is not a closed day yet (today is ${today} in the report zone).`, {
      hint: 'Backfill recomputes closed periods; the open period is recomputed by every publish.',
      exitCode: 2,
    });
  }
}

/**
 * `almanac backfill`: recompute the periods that touch [from, to] (the analysis engine decides which, and what
 * counts as a restatement), rebuild their pages, re-export their PDFs, and email only when asked.
 */
export async function runBackfill(options: BackfillOptions): Promise<Record<string, StepSummary>> {
  const context: StepContext = {
    config: options.config,
    warehouse: options.warehouse,
    logger: options.logger,
    now: options.now,
    signal: options.signal,
    progress: options.progress,
  };
  const { steps } = options;
  const result: Record<string, StepSummary> = {};
  result.analyze = await runStep(context, 'analyze', () =>
    steps.analyze(context, {
      from: options.from,
      through: options.to,
      restate: true,
      reason: `backfill of ${options.from} to ${options.to}`,
    }),
  );
  // Restated bundles rebuild their pages, get a new PDF (the exporter re-exports restated reports), and the
  // pages are built once more to link the new PDFs.
  result.build = await runStep(context, 'build', () => steps.build(context, {}));
  let partial: PartialFailure | null = null;
  try {
    result.pdf = await runStep(context, 'pdf', () => steps.pdf(context, {}));
  } catch (error) {
    if (!isPartialFailure(error)) throw error;
    partial = error;
    result.pdf = error.summary;
  }
  result.link = await runStep(context, 'build', () => steps.build(context, {}));
  if (options.email) {
    // Only the restated reports go out again, to their current subscribers.
    const written = Array.isArray(result.analyze.written) ? (result.analyze.written as unknown[]).map(String) : [];
    const resend = written.filter((w) => w.includes('(revision')).map((w) => w.split(' ')[0]!.replace('/', ':'));
    result.deliver = resend.length
      ? await runStep(context, 'deliver', () => steps.deliver(context, { resend }))
      : { resent: 0 };
  }
  if (partial) {
    partial.summary = result;
    throw partial;
  }
  return result;
}
