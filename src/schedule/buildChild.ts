// The site build, run in a child process by runBuildInChild(): Astro and Vite install their own SIGTERM handlers
// (which exit the process) and keep caches that a months-long scheduler should not accumulate. The parent sends
// the options once; logs, the result or the error come back as IPC messages.
import type { LogFields, Logger, LogLevel } from '../log/Logger.ts';
import { buildSite, type BuildSiteOptions } from '../site/buildSite.ts';
import { isAlmanacError } from '../errors/AlmanacError.ts';
import { errorMessage } from '../errors/errorMessage.ts';

export type BuildRequest = Omit<BuildSiteOptions, 'logger' | 'now'> & { nowMs: number };
export type BuildMessage =
  | { type: 'log'; level: LogLevel; message: string; fields?: LogFields }
  | { type: 'result'; result: unknown }
  | { type: 'error'; code: string | null; message: string; hint: string | null };

function ipcLogger(bound: LogFields = {}): Logger {
  const send = (level: LogLevel) => (message: string, fields?: LogFields) =>
    process.send?.({ type: 'log', level, message, fields: { ...bound, ...fields } } satisfies BuildMessage);
  return {
    debug: send('debug'),
    info: send('info'),
    warn: send('warn'),
    error: send('error'),
    child: (fields) => ipcLogger({ ...bound, ...fields }),
  };
}

process.once('message', (request: BuildRequest) => {
  const { nowMs, ...options } = request;
  buildSite({ ...options, logger: ipcLogger(), now: () => new Date(nowMs) }).then(
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
