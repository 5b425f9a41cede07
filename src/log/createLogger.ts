import { redactSecretsIn } from '../util/redactUrl.ts';
import type { LogFields, LogLevel, Logger } from './Logger.ts';

const rank: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export interface LoggerOptions {
  level?: LogLevel;
  /** JSON lines (for files, journald, CI) instead of human text. Defaults to "stream is not a TTY". */
  json?: boolean;
  stream?: NodeJS.WritableStream & { isTTY?: boolean };
  now?: () => Date;
}

/**
 * Writes one line per event. Every line passes through `redactSecretsIn`, so a URL with a password that
 * slips into a message or field is masked before it leaves the process.
 */
export function createLogger(options: LoggerOptions = {}, bound: LogFields = {}): Logger {
  const stream = options.stream ?? process.stderr;
  const json = options.json ?? !stream.isTTY;
  const min = rank[options.level ?? 'info'];
  const now = options.now ?? (() => new Date());

  const write = (level: LogLevel, message: string, fields?: LogFields): void => {
    if (rank[level] < min) return;
    const all = { ...bound, ...fields };
    let line: string;
    if (json) {
      line = JSON.stringify({ time: now().toISOString(), level, msg: message, ...all }, jsonSafe);
    } else {
      const extras = Object.entries(all)
        .map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value, jsonSafe)}`)
        .join(' ');
      const tag = level === 'info' ? '' : `${level}: `;
      line = `${tag}${message}${extras ? `  ${extras}` : ''}`;
    }
    stream.write(redactSecretsIn(line) + '\n');
  };

  return {
    debug: (message, fields) => write('debug', message, fields),
    info: (message, fields) => write('info', message, fields),
    warn: (message, fields) => write('warn', message, fields),
    error: (message, fields) => write('error', message, fields),
    child: (fields) => createLogger(options, { ...bound, ...fields }),
  };
}

function jsonSafe(_key: string, value: unknown): unknown {
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Error) return { name: value.name, message: value.message };
  return value;
}
