/** Value formats emp writes (redis-emp.md §1), shared by every encoder so they cannot drift apart. */

const DAY_MS = 86_400_000;
const PAD2 = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, '0'));
const PAD3 = Array.from({ length: 1000 }, (_, i) => String(i).padStart(3, '0'));
let cachedDay = Number.NaN;
let cachedPrefix = '';

/**
 * `new Date(ms).toISOString()`, computed from a cached `YYYY-MM-DDT` per day: the simulator formats several
 * timestamps per job and Date formatting was a tenth of its time.
 */
export function iso(ms: number): string {
  const day = Math.floor(ms / DAY_MS);
  if (day !== cachedDay) {
    cachedDay = day;
    cachedPrefix = new Date(day * DAY_MS).toISOString().slice(0, 11);
  }
  let rest = Math.floor(ms - day * DAY_MS);
  const h = Math.floor(rest / 3_600_000);
  rest -= h * 3_600_000;
  const m = Math.floor(rest / 60_000);
  rest -= m * 60_000;
  const s = Math.floor(rest / 1000);
  return `${cachedPrefix}${PAD2[h]}:${PAD2[m]}:${PAD2[s]}.${PAD3[rest - s * 1000]}Z`;
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
