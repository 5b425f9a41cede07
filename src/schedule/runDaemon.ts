import { hostname } from 'node:os';
import type { Config } from '../config/Config.ts';
import { errorMessage } from '../errors/errorMessage.ts';
import type { Logger } from '../log/Logger.ts';
import type { ProgressFactory } from '../progress/ProgressFactory.ts';
import type { Warehouse } from '../warehouse/Warehouse.ts';
import { collectStatus } from './collectStatus.ts';
import type { ScheduledJob } from './Job.ts';
import { onShutdownSignals, signalExitCode, type SignalSource } from './onShutdownSignals.ts';
import { killBuildChildren } from './runBuildInChild.ts';
import { Scheduler } from './Scheduler.ts';
import type { DaemonInfo, StatusReport } from './StatusReport.ts';
import { statusFilePath, writeStatusFile } from './statusFile.ts';
import type { Steps } from './Steps.ts';

export interface DaemonOptions {
  config: Config;
  /** Opened for writing by the caller and held for the daemon's life: other writers are refused by its lock. */
  warehouse: Warehouse;
  logger: Logger;
  steps: Steps;
  table: ScheduledJob[];
  now: () => Date;
  progress: ProgressFactory;
  signals: SignalSource;
  /** Ends the process at once (second signal, or a run stuck past its timeout). */
  exit: (code: number) => void;
  graceMs?: number;
}

/**
 * The long-running scheduler: catch-up on start, cron ticks in the report time zone, a status file for
 * `almanac status`, and a clean stop. Resolves with the exit code (0 after a signal-initiated stop).
 */
export async function runDaemon(options: DaemonOptions): Promise<number> {
  const { config, warehouse, logger, now } = options;
  const statusFile = statusFilePath(warehouse.path);
  const daemon: DaemonInfo = {
    pid: process.pid,
    host: hostname(),
    startedAt: now().toISOString(),
    state: 'running',
    running: null,
  };
  let last: StatusReport | null = null;
  const publish = (): void => {
    if (!last) return;
    try {
      writeStatusFile(statusFile, { ...last, daemon: { ...daemon } });
    } catch (error) {
      logger.warn(`could not write the status file ${statusFile}: ${errorMessage(error)}`);
    }
  };
  const refresh = async (): Promise<void> => {
    daemon.running = null;
    last = await collectStatus(warehouse, config, options.table, now(), daemon);
    publish();
  };

  let stopRequested: (signal: string) => void = () => {};
  const stopping = new Promise<string>((resolve) => (stopRequested = resolve));
  const scheduler = new Scheduler({
    config,
    warehouse,
    logger,
    steps: options.steps,
    table: options.table,
    now,
    progress: options.progress,
    ...(options.graceMs === undefined ? {} : { graceMs: options.graceMs }),
    onChange: refresh,
    onRunStart: (job, since) => {
      daemon.running = { job, since: since.toISOString() };
      publish();
    },
    onStuck: (job) => {
      logger.error(`${job} ignored its timeout; exiting so that the supervisor restarts the scheduler`);
      daemon.state = 'stopped';
      publish();
      options.exit(1);
    },
  });

  const removeHandlers = onShutdownSignals(options.signals, {
    first(signal) {
      logger.info(
        `${signal} received: stopping after the running step finishes its transaction (send it again to exit at once)`,
      );
      daemon.state = 'stopping';
      publish();
      stopRequested(signal);
    },
    second(signal) {
      // DuckDB discards an unfinished transaction on the next open, so exiting now loses only that transaction.
      logger.warn(`${signal} received again: exiting now; the unfinished run is marked interrupted on the next start`);
      daemon.state = 'stopped';
      publish();
      killBuildChildren();
      options.exit(signalExitCode(signal));
    },
  });

  try {
    await refresh();
    await scheduler.start();
    logger.info('scheduler started', {
      timezone: config.timezone,
      jobs: options.table.map((e) => `${e.job.name}: ${e.cron ?? `after ${e.after}`}`),
      warehouse: warehouse.path,
    });
    const signal = await stopping;
    await scheduler.stop(`${signal} received`);
    daemon.state = 'stopped';
    await refresh();
    logger.info('scheduler stopped');
    return 0;
  } finally {
    removeHandlers();
  }
}
