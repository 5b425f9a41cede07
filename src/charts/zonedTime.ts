// Vega formats dates in the host zone or UTC only. To label axes in the report's time zone we shift each
// instant to "wall-clock time in that zone, expressed as if it were UTC" and render with UTC scales.
import { localTime } from '../analysis/calendar/zoneClock.ts';

/** Epoch ms of the wall-clock reading of `instant` in `timeZone`, read as UTC. */
export function zonedWallMs(instant: string | number, timeZone: string): number {
  const ms = typeof instant === 'number' ? instant : Date.parse(instant);
  if (!Number.isFinite(ms)) throw new RangeError(`not an instant: ${String(instant)}`);
  const t = localTime(ms, timeZone);
  return Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second) + (ms % 1000);
}

/** "2026-11-21 14:00" style label of an instant in the zone (for tables and text alternatives). */
export function zonedLabel(instant: string | number, timeZone: string, withTime = true): string {
  const iso = new Date(zonedWallMs(instant, timeZone)).toISOString();
  return withTime ? `${iso.slice(0, 10)} ${iso.slice(11, 16)}` : iso.slice(0, 10);
}
