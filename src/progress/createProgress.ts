import type { Logger } from '../log/Logger.ts';
import {
  formatDuration,
  formatProgressBar,
  progressEtaMs,
  progressRate,
  type ProgressState,
} from './formatProgress.ts';
import type { Progress, ProgressFactory } from './ProgressFactory.ts';

export interface ProgressOptions {
  /** Where a TTY bar is drawn (stderr: stdout carries results). */
  stream: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  /** Where progress lines go when the stream is not a terminal. */
  logger: Logger;
  now?: () => number;
  /** Minimum time between log lines off a terminal (default 10 s). */
  logIntervalMs?: number;
  /** Minimum time between redraws of the bar (default 100 ms). */
  drawIntervalMs?: number;
}

/**
 * Progress that suits where it is shown: a redrawn bar on a terminal, and a log line every `logIntervalMs`
 * otherwise (journald, CI and log files get steady, greppable lines instead of carriage returns).
 */
export function createProgress(options: ProgressOptions): ProgressFactory {
  const now = options.now ?? (() => performance.now());
  const tty = options.stream.isTTY === true;
  const interval = tty ? (options.drawIntervalMs ?? 100) : (options.logIntervalMs ?? 10_000);

  return (label, total) => {
    const startedAt = now();
    const state: ProgressState = { label, done: 0, total: total ?? null, elapsedMs: 0 };
    let lastShown = -Infinity;
    let finished = false;

    const show = (force: boolean): void => {
      const at = now();
      state.elapsedMs = at - startedAt;
      if (!force && at - lastShown < interval) return;
      lastShown = at;
      if (tty) {
        const width = (options.stream.columns ?? 80) - 1;
        options.stream.write(`\r\x1b[2K${formatProgressBar(state, width)}`);
      } else {
        const eta = progressEtaMs(state);
        const rate = progressRate(state);
        options.logger.info(`${label}: ${state.done}${state.total === null ? '' : `/${state.total}`}`, {
          ...(state.total ? { percent: Math.floor((100 * state.done) / state.total) } : {}),
          ...(rate === null ? {} : { perSecond: Number(rate.toFixed(2)) }),
          ...(eta === null ? {} : { eta: formatDuration(eta) }),
          ...(state.detail ? { at: state.detail } : {}),
        });
      }
    };

    const progress: Progress = {
      advance(count = 1, detail) {
        progress.update(state.done + count, detail);
      },
      update(done, detail) {
        if (finished) return;
        state.done = done;
        state.detail = detail;
        show(false);
      },
      setTotal(newTotal) {
        state.total = newTotal;
      },
      finish(message) {
        if (finished) return;
        finished = true;
        state.elapsedMs = now() - startedAt;
        const text = `${label}: ${message ?? `${state.done}${state.total === null ? '' : `/${state.total}`} done`} in ${formatDuration(state.elapsedMs)}`;
        if (tty) options.stream.write(`\r\x1b[2K${text}\n`);
        else options.logger.info(text);
      },
    };
    return progress;
  };
}

/** For callers that want no progress output (tests, --json runs). */
export const silentProgress: ProgressFactory = () => ({
  advance() {},
  update() {},
  setTotal() {},
  finish() {},
});
