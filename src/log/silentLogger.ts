import type { Logger } from './Logger.ts';

/** A logger that drops everything: for tests and library callers that do not want output. */
export const silentLogger: Logger = {
  debug() {},
  info() {},
  warn() {},
  error() {},
  child() {
    return silentLogger;
  },
};
