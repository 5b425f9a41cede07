import type { Config } from '../config/Config.ts';
import type { Logger } from '../log/Logger.ts';
import type { ProgressFactory } from '../progress/ProgressFactory.ts';
import type { Warehouse } from '../warehouse/Warehouse.ts';
import type { JobName, ScheduledJob } from './Job.ts';
import { onShutdownSignals, signalExitCode, type SignalSource } from './onShutdownSignals.ts';
import { isPartialFailure } from './PartialFailure.ts';
import { killBuildChildren } from './runBuildInChild.ts';
import { Scheduler, type RunOutcome } from './Scheduler.ts';
import type { Steps } from './Steps.ts';

export interface RunOnceOptions {
  config: Config;
  warehouse: Warehouse;
  logger: Logger;
  steps: Steps;
  table: ScheduledJob[];
  now: () => Date;
  progress: ProgressFactory;
  signals: SignalSource;
  exit: (code: number) => void;
}

export interface RunOnceResult {
  runs: RunOutcome[];
  /** Jobs not started because an earlier one failed or a signal stopped the run. */
  notRun: JobName[];
  /** Set when a shutdown signal stopped the run. */
  signal: string | null;
}

const order: readonly JobName[] = ['collect', 'publish', 'deliver'];

/**
 * `almanac run`: collect, publish (analyze, build, pdf) and deliver once, in order, each logged in the run log
 * like a scheduled run; stops at the first run that does not succeed.
 */
export async function runOnce(options: RunOnceOptions): Promise<RunOnceResult> {
  const scheduler = new Scheduler({ ...options, onStuck: () => options.exit(1) });
  let signal: string | null = null;
  const removeHandlers = onShutdownSignals(options.signals, {
    first(received) {
      signal = received;
      options.logger.info(`${received} received: stopping after the running step finishes its transaction`);
      void scheduler.stop(`${received} received`);
    },
    second(received) {
      options.logger.warn(`${received} received again: exiting now`);
      killBuildChildren();
      options.exit(signalExitCode(received));
    },
  });
  try {
    await scheduler.runLog.interruptStale(options.now());
    const runs: RunOutcome[] = [];
    for (const [index, job] of order.entries()) {
      const outcome = await scheduler.execute(job, 'run', null);
      runs.push(outcome);
      // A partial failure (some PDFs failed the gate) is reported, but deliver still runs for the rest.
      const carryOn = outcome.status === 'ok' || (outcome.status === 'failed' && isPartialFailure(outcome.error));
      if (!carryOn || signal !== null) return { runs, notRun: order.slice(index + 1), signal };
    }
    return { runs, notRun: [], signal };
  } finally {
    removeHandlers();
  }
}
