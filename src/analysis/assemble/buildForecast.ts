import type { Forecast } from '../../report/ReportBundle.ts';
import { addDays, civilToDayNumber, isoWeekday, type CivilDate } from '../calendar/CivilDate.ts';
import { periodIdAt, periodOf, shiftPeriodId } from '../calendar/periodOf.ts';
import { FORECAST_RULES, fitVolumeModel, forecastPeriod, type HistoryDay } from '../forecast/forecastVolume.ts';
import { roundTo } from '../math/roundTo.ts';

export interface ForecastInput {
  timeZone: string;
  through: number;
  /** Complete days with data, oldest first. */
  history: HistoryDay[];
  peakHour: number | null;
  workersOnlineAvg: number | null;
  runMeanMs: number | null;
}

/** Next week's and next month's submissions after the period's last elapsed day, and the peak-hour headroom. */
export function buildForecast(x: ForecastInput): Forecast {
  const weekId = shiftPeriodId('weekly', periodIdAt('weekly', x.through - 1, x.timeZone), 1);
  const monthId = shiftPeriodId('monthly', periodIdAt('monthly', x.through - 1, x.timeZone), 1);
  const week = periodOf('weekly', weekId, x.timeZone);
  const month = periodOf('monthly', monthId, x.timeZone);
  const point = (p: typeof week) => {
    const f = forecastPeriod(x.history, { days: daysOf(p.firstDay, p.days) });
    return f
      ? { period_id: p.id, start: new Date(p.start).toISOString(), end: new Date(p.end).toISOString(), ...f }
      : null;
  };
  const model = fitVolumeModel(x.history);
  const capacity =
    x.workersOnlineAvg !== null && x.workersOnlineAvg > 0 && x.runMeanMs !== null && x.runMeanMs > 0
      ? (x.workersOnlineAvg * 3_600_000) / x.runMeanMs
      : null;
  const growth = model?.weeklyGrowth ?? 0;
  return {
    method:
      `Mean submissions per weekday over the last ${FORECAST_RULES.profileDays} days, scaled by the weekly growth ` +
      `fitted to the last ${FORECAST_RULES.growthWeeks} weeks; the 80% interval spans the 10th to 90th percentile ` +
      'of the errors the same method made on each of the last 8 weeks.',
    basis_days: x.history.length,
    interval: FORECAST_RULES.interval,
    next_week: point(week),
    next_month: point(month),
    weekly_growth: model?.weeklyGrowth ?? null,
    headroom: {
      peak_hour_jobs: x.peakHour,
      capacity_per_hour: capacity === null ? null : Math.round(capacity),
      headroom: capacity === null || x.peakHour === null ? null : roundTo(1 - x.peakHour / capacity, 4),
      projected_peak_share:
        capacity === null || x.peakHour === null
          ? null
          : roundTo(Math.min(1, Math.max(0, (x.peakHour * (1 + growth)) / capacity)), 4),
    },
  };
}

function daysOf(first: CivilDate, count: number): { dayNumber: number; weekday: number }[] {
  return Array.from({ length: count }, (_, i) => {
    const d = addDays(first, i);
    return { dayNumber: civilToDayNumber(d), weekday: isoWeekday(d) };
  });
}
