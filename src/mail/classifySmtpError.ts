import { errorMessage } from '../errors/errorMessage.ts';
import { redactSecretsIn } from '../util/redactUrl.ts';

/**
 * permanent: the server refused this message for good (5xx): retrying would only repeat the refusal.
 * transient: the server deferred it (4xx) or something failed mid-conversation: try again later.
 * connection: the server could not be reached at all: try later, and stop this run's other sends too.
 * config: authentication or TLS failed: nothing will get through until the configuration is fixed.
 * unknown: no reply after the whole message was sent (timeout, dropped connection): the server may have accepted
 *   it, so it must not be sent again.
 */
export type FailureClass = 'permanent' | 'transient' | 'connection' | 'config' | 'unknown';

export interface ClassifiedFailure {
  kind: FailureClass;
  /** The error in one line, credentials masked, ready for the ledger, the log and the owner notice. */
  message: string;
  responseCode: number | null;
}

const CONNECTION_CODES = new Set(['ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'EDNS', 'ECONNREFUSED', 'ECONNRESET']);
const CONFIG_CODES = new Set(['EAUTH', 'ENOAUTH', 'ETLS', 'EOAUTH2']);

export function classifySmtpError(error: unknown): ClassifiedFailure {
  const fields = (error ?? {}) as { code?: unknown; responseCode?: unknown; afterData?: unknown };
  const code = typeof fields.code === 'string' ? fields.code : '';
  const responseCode = typeof fields.responseCode === 'number' ? fields.responseCode : null;
  const message = redactSecretsIn(errorMessage(error)).replace(/\s+/g, ' ').trim().slice(0, 1000);
  return { kind: classify(code, responseCode, fields.afterData === true), message, responseCode };
}

function classify(code: string, responseCode: number | null, afterData: boolean): FailureClass {
  if (CONFIG_CODES.has(code)) return 'config';
  // The server's own answer settles it, whenever it came (a 5xx or 4xx after DATA means it did not take the message).
  if (responseCode !== null && responseCode >= 500) return 'permanent';
  if (responseCode !== null && responseCode >= 400) return 'transient';
  if (afterData) return 'unknown';
  return CONNECTION_CODES.has(code) ? 'connection' : 'transient';
}
