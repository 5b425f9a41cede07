/** Value formats emp writes (redis-emp.md §1), shared by every encoder so they cannot drift apart. */

export function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/** The Lua claim's `seconds.micros` (`get_iso_timestamp()` in findMatchingJob.lua). */
export function secondsMicros(us: number): string {
  const seconds = Math.floor(us / 1_000_000);
  const micros = us - seconds * 1_000_000;
  return `${seconds}.${String(micros).padStart(6, '0')}`;
}

/** Score of a fresh submission: `P*1e15 − floor(D/1000)` (API submitJob). */
export function submitScore(priority: number, datetimeMs: number): number {
  return priority * 1e15 - Math.floor(datetimeMs / 1000);
}

/** Score of a re-queued step: `P*1e6 + (MAX_SAFE_INTEGER − D)` (worker retry and core re-queues). */
export function requeueScore(priority: number, datetimeMs: number): number {
  return priority * 1e6 + (Number.MAX_SAFE_INTEGER - datetimeMs);
}
