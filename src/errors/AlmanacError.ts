export interface AlmanacErrorOptions {
  /** What the user should do about it. Printed on its own line after the message. */
  hint?: string;
  /** Process exit code when this error ends a command (2 = bad usage or config, 1 = anything else). */
  exitCode?: number;
  cause?: unknown;
}

/**
 * The one user-facing error. `code` is a permanent PascalCase name (documented in the README's
 * troubleshooting table), the message says what happened and why, the hint says what to do.
 */
export class AlmanacError extends Error {
  readonly code: string;
  readonly hint: string | undefined;
  readonly exitCode: number;

  constructor(code: string, message: string, options: AlmanacErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AlmanacError';
    this.code = code;
    this.hint = options.hint;
    this.exitCode = options.exitCode ?? 1;
  }
}

export function isAlmanacError(error: unknown): error is AlmanacError {
  return error instanceof AlmanacError;
}
