import { isRecord, parseJsonSafely } from './parseJsonSafely.ts';

export interface FailureInfo {
  errorType: string | null;
  errorMessage: string | null;
  errorReason: string | null;
  cancelled: boolean;
}

export const CANCELLED_MESSAGE = 'Job cancelled by user';
const MAX_MESSAGE_CHARS = 500;

function text(value: unknown): string | null {
  if (typeof value !== 'string' || value === '') return null;
  return value.length > MAX_MESSAGE_CHARS ? value.slice(0, MAX_MESSAGE_CHARS) : value;
}

/** Worker error strings are sometimes JSON `{error_message, error_type, …}` (redis-emp.md §3). */
function unwrapError(error: string | null): { message: string | null; type: string | null } {
  if (error === null || !error.startsWith('{')) return { message: error, type: null };
  const parsed = parseJsonSafely(error);
  if (!isRecord(parsed)) return { message: error, type: null };
  return { message: text(parsed['error_message']) ?? error, type: text(parsed['error_type']) };
}

/**
 * Why a job failed, from the best evidence available: the permanent failure attestation (it carries the
 * classification), then the `jobs:failed` entry, then the hash's own `error` (API cancellation and core paths).
 */
export function decodeFailure(
  hashError: string | undefined,
  failedEntry: string | null | undefined,
  attestation: string | null | undefined,
): FailureInfo {
  const entry = parseJsonSafely(failedEntry);
  const att = parseJsonSafely(attestation);
  const entryError = isRecord(entry) ? text(entry['error']) : null;
  const cancelled =
    hashError === CANCELLED_MESSAGE ||
    entryError === CANCELLED_MESSAGE ||
    (isRecord(entry) && entry['cancelled'] === true);
  if (cancelled) return { errorType: 'cancelled', errorMessage: CANCELLED_MESSAGE, errorReason: null, cancelled };
  if (isRecord(att)) {
    const unwrapped = unwrapError(text(att['error_message']));
    const type = text(att['failure_type']) ?? unwrapped.type;
    if (unwrapped.message !== null || type !== null) {
      return {
        errorType: type,
        errorMessage: unwrapped.message,
        errorReason: text(att['failure_reason']),
        cancelled: false,
      };
    }
  }
  const fallback = unwrapError(entryError ?? text(hashError));
  return { errorType: fallback.type, errorMessage: fallback.message, errorReason: null, cancelled: false };
}
