import { AlmanacError } from '../errors/AlmanacError.ts';

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Offset of `zone` from UTC at instant t, in ms (positive east of Greenwich). */
function zoneOffset(t: number, zone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(t));
  const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return asUtc - Math.floor(t / 1000) * 1000;
}

/** The instant a calendar day starts in `zone` (DST-safe: re-checks the offset at the candidate instant). */
export function startOfDay(year: number, month: number, day: number, zone: string): number {
  const guess = Date.UTC(year, month - 1, day);
  let t = guess - zoneOffset(guess, zone);
  t = guess - zoneOffset(t, zone);
  return t;
}

/**
 * The exclusive end instant of a simulation. `--end 2026-11-21` means that day is the last simulated one, so the
 * history ends at the next midnight in the report zone; a full ISO instant is taken as it is. Without `--end`
 * the last simulated day is yesterday (relative to `now`), so every simulated day is complete.
 */
export function resolveEnd(value: string | undefined, now: Date, zone: string): number {
  if (value === undefined) {
    const today = new Intl.DateTimeFormat('en-CA', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    }).format(now);
    const m = DATE_ONLY.exec(today);
    if (m) return startOfDay(Number(m[1]), Number(m[2]), Number(m[3]), zone);
  } else {
    const m = DATE_ONLY.exec(value);
    if (m) {
      const y = Number(m[1]);
      const mo = Number(m[2]);
      const d = Number(m[3]);
      const probe = new Date(Date.UTC(y, mo - 1, d));
      if (probe.getUTCMonth() === mo - 1 && probe.getUTCDate() === d) return startOfDay(y, mo, d + 1, zone);
    } else if (/^\d{4}-\d{2}-\d{2}T/.test(value) && /(Z|[+-]\d{2}:\d{2})$/.test(value)) {
      const t = Date.parse(value);
      if (Number.isFinite(t)) return t;
    }
  }
  throw new AlmanacError(
    'BadUsage',
    `--end "${value ?? ''}" is not a date (YYYY-MM-DD) or an ISO instant with a zone.`,
    {
      hint: 'Example: --end 2026-11-21 (the last simulated day, in the report time zone).',
      exitCode: 2,
    },
  );
}
