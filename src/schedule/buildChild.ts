// The site build, run in a child process by runBuildInChild(): Astro and Vite install their own SIGTERM handlers
// (which exit the process) and keep caches that a months-long scheduler should not accumulate. The parent sends
// the options once (and later, maybe, a stop request); logs, progress, the result or the error come back as IPC
// messages.
import { AlmanacError, isAlmanacError } from '../errors/AlmanacError.ts';
import { errorMessage } from '../errors/errorMessage.ts';
import type { LogFields, Logger, LogLevel } from '../log/Logger.ts';
import type { Progress, ProgressFactory } from '../progress/ProgressFactory.ts';
import { buildSite, type BuildSiteOptions } from '../site/buildSite.ts';

export type BuildRequest = Omit<BuildSiteOptions, 'logger' | 'now' | 'signal' | 'progress'> & { nowMs: number };
/** From the parent: the request, then possibly a stop (the scheduler is shutting down). */
export type ParentMessage = { type: 'build'; request: BuildRequest } | { type: 'stop'; reason: string };
export type ProgressCall =
  | { op: 'start'; label: string; total?: number }
  | { op: 'advance'; count?: number; detail?: string }
  | { op: 'update'; done: number; detail?: string }
  | { op: 'setTotal'; total: number }
  | { op: 'finish'; message?: string };
export type BuildMessage =
  | { type: 'log'; level: LogLevel; message: string; fields?: LogFields }
  | { type: 'progress'; id: number; call: ProgressCall }
  | { type: 'result'; result: unknown }
  | { type: 'error'; code: string | null; message: string; hint: string | null };

const send = (message: BuildMessage) => process.send?.(message);

function ipcLogger(bound: LogFields = {}): Logger {
  const at = (level: LogLevel) => (message: string, fields?: LogFields) =>
    send({ type: 'log', level, message, fields: { ...bound, ...fields } });
  return {
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    child: (fields) => ipcLogger({ ...bound, ...fields }),
  };
}

let progressIds = 0;
const ipcProgress: ProgressFactory = (label, total) => {
  const id = progressIds++;
  const call = (c: ProgressCall) => send({ type: 'progress', id, call: c });
  call(total === undefined ? { op: 'start', label } : { op: 'start', label, total });
  const progress: Progress = {
    advance: (count, detail) => call({ op: 'advance', ...(count === undefined ? {} : { count }), ...opt(detail) }),
    update: (done, detail) => call({ op: 'update', done, ...opt(detail) }),
    setTotal: (newTotal) => call({ op: 'setTotal', total: newTotal }),
    finish: (message) => call({ op: 'finish', ...(message === undefined ? {} : { message }) }),
  };
  return progress;
};

function opt(detail: string | undefined): { detail?: string } {
  return detail === undefined ? {} : { detail };
}

const controller = new AbortController();
let started = false;
process.on('message', (message: ParentMessage) => {
  if (message.type === 'stop') {
    controller.abort(new AlmanacError('RunInterrupted', message.reason));
    return;
  }
  if (started) return;
  started = true;
  const { nowMs, ...options } = message.request;
  buildSite({
    ...options,
    logger: ipcLogger(),
    now: () => new Date(nowMs),
    signal: controller.signal,
    progress: ipcProgress,
  }).then(
    (result) => process.send?.({ type: 'result', result } satisfies BuildMessage, () => process.exit(0)),
    (error: unknown) =>
      process.send?.(
        {
          type: 'error',
          code: isAlmanacError(error) ? error.code : null,
          message: errorMessage(error),
          hint: isAlmanacError(error) ? (error.hint ?? null) : null,
        } satisfies BuildMessage,
        () => process.exit(1),
      ),
  );
});

// The parent is gone (killed with SIGKILL, or crashed): nobody will publish this build's result, and a build still
// running would hold the build lock against the next run. Dying mid-build is safe for the same reason a timeout may
// kill this process: the site is published by one atomic swap, and the next build clears what this one staged.
process.on('disconnect', () => process.exit(1));
