/**
 * When work arrives: a daily curve (quiet nights in the Americas, busy afternoons and evenings, in UTC hours),
 * quieter weekends, and steady growth. Pure functions of the time, so every run sees the same calendar.
 */

// Relative submissions per UTC hour: low from about 06:00 to 13:00 UTC (US night), peaking 17:00-02:00 UTC.
const HOURLY = [
  1.5, 1.4, 1.2, 0.9, 0.6, 0.4, 0.3, 0.25, 0.25, 0.3, 0.35, 0.45, 0.6, 0.8, 1.0, 1.2, 1.35, 1.5, 1.6, 1.65, 1.65, 1.6,
  1.55, 1.5,
];
const HOURLY_SUM = HOURLY.reduce((a, b) => a + b, 0);

/** Saturday and Sunday (UTC) carry roughly half a weekday's load. */
const WEEKDAY = [0.5, 1.0, 1.03, 1.05, 1.04, 0.95, 0.55];

/** Daily growth of demand (about 37% over 90 days). */
export const GROWTH_PER_DAY = 0.0035;

export function hourWeight(hour: number): number {
  return (HOURLY[hour] ?? 1) / HOURLY_SUM;
}

export function weekdayFactor(dayStartMs: number): number {
  return WEEKDAY[new Date(dayStartMs).getUTCDay()] ?? 1;
}

/**
 * Expected submissions on day `dayIndex` of `days`, scaled so the mean over the range is `jobsPerDay`. Noise is
 * added by the caller.
 */
export function expectedVolume(
  dayIndex: number,
  days: number,
  dayStartMs: number,
  jobsPerDay: number,
  firstDayMs: number,
): number {
  let norm = 0;
  for (let d = 0; d < days; d++) norm += Math.pow(1 + GROWTH_PER_DAY, d) * weekdayFactor(firstDayMs + d * 86_400_000);
  norm /= days;
  return (jobsPerDay * Math.pow(1 + GROWTH_PER_DAY, dayIndex) * weekdayFactor(dayStartMs)) / norm;
}
