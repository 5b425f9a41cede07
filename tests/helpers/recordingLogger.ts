import type { Logger } from '../../src/log/Logger.ts';

/** A logger that keeps every line, so tests can search the logs (for secrets, for a warning). */
export function recordingLogger(lines: string[] = []): Logger & { lines: string[] } {
  const log = (level: string) => (msg: string, fields?: Record<string, unknown>) => {
    lines.push(JSON.stringify({ level, msg, ...fields }));
  };
  const logger = {
    lines,
    debug: log('debug'),
    info: log('info'),
    warn: log('warn'),
    error: log('error'),
    child: () => logger,
  };
  return logger;
}
