import { AlmanacError, isAlmanacError } from '../errors/AlmanacError.ts';
import type { Logger } from '../log/Logger.ts';
import {
  onShutdownSignals,
  signalExitCode,
  type ShutdownSignal,
  type SignalSource,
} from '../schedule/onShutdownSignals.ts';

export interface CommandStop {
  /** Aborted at the first SIGTERM/SIGINT, with a RunInterrupted error as its reason. */
  signal: AbortSignal;
  /** The signal that stopped the command, or null. */
  received(): ShutdownSignal | null;
  /** Whether `error` is this stop (the work ended early on request) rather than a failure. */
  isStop(error: unknown): boolean;
  /** Removes the handlers (call when the work is over). */
  dispose(): void;
}

/**
 * Shutdown for one-shot commands, the same as the scheduler's: the first SIGTERM/SIGINT asks the work to stop at
 * its next safe boundary (a committed collection unit, a written bundle, a finished PDF) and the command then
 * exits 0; a second one exits at once (143/130), which loses at most the transaction in progress.
 */
export function stopOnSignals(
  logger: Logger,
  signals: SignalSource = process,
  exit: (code: number) => void = (code) => process.exit(code),
): CommandStop {
  const controller = new AbortController();
  let received: ShutdownSignal | null = null;
  const dispose = onShutdownSignals(signals, {
    first(signal) {
      received = signal;
      logger.info(`${signal} received: stopping after the work in hand is saved (send it again to exit at once)`);
      controller.abort(
        new AlmanacError('RunInterrupted', `${signal} received`, {
          hint: 'Run the command again to carry on from where it stopped.',
        }),
      );
    },
    second(signal) {
      logger.warn(`${signal} received again: exiting now`);
      exit(signalExitCode(signal));
    },
  });
  return {
    signal: controller.signal,
    received: () => received,
    // The reason itself, or a step's "stopped before it finished" error made from it (runStep).
    isStop: (error) =>
      controller.signal.aborted &&
      (error === controller.signal.reason || (isAlmanacError(error) && error.code === 'RunInterrupted')),
    dispose,
  };
}
