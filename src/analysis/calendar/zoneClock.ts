import type { CivilDate } from './CivilDate.ts';

/** Local wall-clock reading of an instant in a zone. */
export interface LocalTime extends CivilDate {
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Throws a RangeError for a name the runtime's time-zone database does not know. */
export function assertTimeZone(timeZone: string): void {
  formatter(timeZone);
}

// Intl formatting costs microseconds per call and an analysis run asks for the same instants many times (a
// from-scratch run makes about a million calendar lookups). Caches are per zone and keyed by a number, because
// building a string key for every lookup cost more than the lookup itself.
const localCaches = new Map<string, Map<number, LocalTime>>();
const instantCaches = new Map<string, Map<number, number>>();
const CACHE_LIMIT = 200_000;

function cacheOf<T>(caches: Map<string, Map<number, T>>, timeZone: string): Map<number, T> {
  let cache = caches.get(timeZone);
  if (!cache) {
    cache = new Map();
    caches.set(timeZone, cache);
  }
  if (cache.size >= CACHE_LIMIT) cache.clear();
  return cache;
}

export function localTime(instantMs: number, timeZone: string): LocalTime {
  const cache = cacheOf(localCaches, timeZone);
  const cached = cache.get(instantMs);
  if (cached) return { ...cached };
  const value = computeLocalTime(instantMs, timeZone);
  cache.set(instantMs, value);
  return { ...value };
}

function computeLocalTime(instantMs: number, timeZone: string): LocalTime {
  const parts: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(new Date(instantMs))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year ?? NaN,
    month: parts.month ?? NaN,
    day: parts.day ?? NaN,
    hour: parts.hour ?? NaN,
    minute: parts.minute ?? NaN,
    second: parts.second ?? NaN,
  };
}

/** Local time minus UTC at an instant, in ms (e.g. −5 h in New York winter). */
export function zoneOffsetMs(instantMs: number, timeZone: string): number {
  const t = localTime(instantMs, timeZone);
  const asUtc = Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second);
  return asUtc - Math.floor(instantMs / 1000) * 1000;
}

/**
 * The first instant whose local reading is at or after `date` at `hour`:00. When that wall time is skipped by
 * a DST jump (some zones jump at midnight), this is the instant the clocks jump to; when it occurs twice
 * (fall back), the earlier one.
 */
export function instantOfLocal(date: CivilDate, timeZone: string, hour = 0): number {
  // The wall time read as UTC names the (date, hour) pair uniquely.
  const key = Date.UTC(date.year, date.month - 1, date.day, hour);
  const cache = cacheOf(instantCaches, timeZone);
  const cached = cache.get(key);
  if (cached !== undefined) return cached;
  const value = computeInstantOfLocal(date, timeZone, hour);
  cache.set(key, value);
  return value;
}

function computeInstantOfLocal(date: CivilDate, timeZone: string, hour: number): number {
  const wall = Date.UTC(date.year, date.month - 1, date.day, hour);
  // Try the offsets in force a day either side; one of them is right unless the wall time is in a gap.
  const candidates = [zoneOffsetMs(wall - 86_400_000, timeZone), zoneOffsetMs(wall + 86_400_000, timeZone)]
    .map((offset) => wall - offset)
    .filter((t) => wallOf(t, timeZone) === wall)
    .sort((a, b) => a - b);
  if (candidates[0] !== undefined) return candidates[0];
  // In a gap: the transition instant lies between the two guesses; search for the first instant past the wall.
  let lo = wall - 14 * 3_600_000;
  let hi = wall + 14 * 3_600_000;
  while (hi - lo > 1000) {
    const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
    if (wallOf(mid, timeZone) >= wall) hi = mid;
    else lo = mid;
  }
  return hi;
}

function wallOf(instantMs: number, timeZone: string): number {
  return instantMs + zoneOffsetMs(instantMs, timeZone);
}
