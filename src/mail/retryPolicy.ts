/**
 * Backoff for transient failures (server unreachable, 4xx): 5 min after the first failed attempt, doubling, at
 * most 4 h apart; after MAX_ATTEMPTS the delivery is given up (failed) and the owner told. That is about 17 hours
 * of trying, long enough to ride out a mail server outage overnight and short enough that a daily report is not
 * delivered days late without anybody knowing.
 */
export const MAX_ATTEMPTS = 10;
const BASE_MS = 5 * 60_000;
const CAP_MS = 4 * 3_600_000;

/** When the next attempt is due after `attempts` failed ones (attempts ≥ 1). */
export function nextAttemptAt(attempts: number, now: Date): Date {
  const delay = Math.min(CAP_MS, BASE_MS * 2 ** Math.max(0, attempts - 1));
  return new Date(now.getTime() + delay);
}
