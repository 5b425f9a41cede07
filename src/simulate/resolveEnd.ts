import { addDays, type CivilDate } from '../analysis/calendar/CivilDate.ts';
import { instantOfLocal, localTime } from '../analysis/calendar/zoneClock.ts';
import { AlmanacError } from '../errors/AlmanacError.ts';

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * The exclusive end instant of a simulation. `--end 2026-11-21` means that day is the last simulated one, so the
 * history ends at the next midnight in the report zone; a full ISO instant is taken as it is. Without `--end`
 * the last simulated day is yesterday (relative to `now`), so every simulated day is complete.
 */
export function resolveEnd(value: string | undefined, now: Date, zone: string): number {
  if (value === undefined) {
    const { year, month, day } = localTime(now.getTime(), zone);
    return instantOfLocal({ year, month, day }, zone);
  }
  const m = DATE_ONLY.exec(value);
  if (m) {
    const date: CivilDate = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
    const probe = new Date(Date.UTC(date.year, date.month - 1, date.day));
    if (probe.getUTCMonth() === date.month - 1 && probe.getUTCDate() === date.day) {
      return instantOfLocal(addDays(date, 1), zone);
    }
  } else if (/^\d{4}-\d{2}-\d{2}T/.test(value) && /(Z|[+-]\d{2}:\d{2})$/.test(value)) {
    const t = Date.parse(value);
    if (Number.isFinite(t)) return t;
  }
  throw new AlmanacError('BadUsage', `--end "${value}" is not a date (YYYY-MM-DD) or an ISO instant with a zone.`, {
    hint: 'Example: --end 2026-11-21 (the last simulated day, in the report time zone).',
    exitCode: 2,
  });
}
