import { quantileOf } from '../math/robustStats.ts';
import { roundTo } from '../math/roundTo.ts';

export interface HistoryDay {
  /** Day number (days since 1970-01-01 of the local date) and ISO weekday 1..7. */
  dayNumber: number;
  weekday: number;
  submitted: number;
}

export interface ForecastTarget {
  /** The local days of the period to forecast, as day numbers with their weekdays. */
  days: { dayNumber: number; weekday: number }[];
}

/** Forecast parameters; documented in docs/analysis.md. */
export const FORECAST_RULES = {
  /** Days of history behind the weekday profile. */
  profileDays: 28,
  /** Fewer complete days than this: no forecast. */
  minDays: 14,
  /** Weeks of weekly totals behind the growth fit. */
  growthWeeks: 8,
  /** Backtests needed before the interval comes from past errors (else ±25%). */
  minBacktests: 3,
  fallbackInterval: 0.25,
  interval: 0.8,
} as const;

export interface VolumeModel {
  /** Expected submissions on a day. */
  predict(dayNumber: number, weekday: number): number;
  weeklyGrowth: number | null;
}

/**
 * Weekday profile × linear trend: the mean submissions per weekday over the last 28 days give the level at the
 * middle of that window; a least-squares line through the last eight weekly totals gives the growth per week,
 * applied from the window's middle to the forecast day.
 */
export function fitVolumeModel(history: readonly HistoryDay[]): VolumeModel | null {
  if (history.length < FORECAST_RULES.minDays) return null;
  const sorted = [...history].sort((a, b) => a.dayNumber - b.dayNumber);
  const last = sorted[sorted.length - 1]!.dayNumber;
  const profile = sorted.filter((d) => d.dayNumber > last - FORECAST_RULES.profileDays);
  const overall = profile.reduce((s, d) => s + d.submitted, 0) / profile.length;
  // Each weekday's mean describes the level at the mean date of its own samples.
  const byWeekday = new Map<number, { sum: number; days: number; n: number }>();
  for (const d of profile) {
    const w = byWeekday.get(d.weekday) ?? { sum: 0, days: 0, n: 0 };
    byWeekday.set(d.weekday, { sum: w.sum + d.submitted, days: w.days + d.dayNumber, n: w.n + 1 });
  }
  const middle = (profile[0]!.dayNumber + last) / 2;
  const weekday = (w: number) => {
    const v = byWeekday.get(w);
    return v && v.n ? { mean: v.sum / v.n, middle: v.days / v.n } : { mean: overall, middle };
  };

  // Weekly totals of consecutive 7-day blocks ending at the last day.
  const totals: number[] = [];
  for (let w = 0; w < FORECAST_RULES.growthWeeks; w++) {
    const end = last - 7 * w;
    const block = sorted.filter((d) => d.dayNumber > end - 7 && d.dayNumber <= end);
    if (block.length < 7) break;
    totals.unshift(block.reduce((s, d) => s + d.submitted, 0));
  }
  let growth: number | null = null;
  if (totals.length >= 3) {
    const n = totals.length;
    const xMean = (n - 1) / 2;
    const yMean = totals.reduce((a, b) => a + b, 0) / n;
    const slope =
      totals.reduce((s, y, x) => s + (x - xMean) * (y - yMean), 0) /
      totals.reduce((s, _, x) => s + (x - xMean) ** 2, 0);
    // Relative to the level of the profile window, which is what the weekday means measure.
    const weeklyLevel = overall * 7;
    growth = weeklyLevel > 0 ? slope / weeklyLevel : 0;
  }
  const g = growth ?? 0;
  return {
    predict: (dayNumber, w) => {
      const level = weekday(w);
      return Math.max(0, level.mean * (1 + (g * (dayNumber - level.middle)) / 7));
    },
    weeklyGrowth: growth === null ? null : roundTo(growth, 4),
  };
}

export interface VolumeForecast {
  value: number;
  low: number;
  high: number;
}

/** Forecast of a period's submissions with an 80% interval from backtested errors of past weeks. */
export function forecastPeriod(history: readonly HistoryDay[], target: ForecastTarget): VolumeForecast | null {
  const model = fitVolumeModel(history);
  if (!model) return null;
  const value = target.days.reduce((s, d) => s + model.predict(d.dayNumber, d.weekday), 0);
  const errors = backtestErrors(history);
  const [lo, hi] =
    errors.length >= FORECAST_RULES.minBacktests
      ? [quantileOf(errors, 0.1)!, quantileOf(errors, 0.9)!]
      : [-FORECAST_RULES.fallbackInterval, FORECAST_RULES.fallbackInterval];
  return {
    value: Math.round(value),
    low: Math.max(0, Math.round(value * (1 + Math.min(lo, 0)))),
    high: Math.round(value * (1 + Math.max(hi, 0))),
  };
}

/** Relative errors (actual / forecast − 1) of forecasting each of the last eight weeks from the days before it. */
export function backtestErrors(history: readonly HistoryDay[]): number[] {
  const sorted = [...history].sort((a, b) => a.dayNumber - b.dayNumber);
  if (sorted.length === 0) return [];
  const last = sorted[sorted.length - 1]!.dayNumber;
  const errors: number[] = [];
  for (let w = 0; w < 8; w++) {
    const end = last - 7 * w;
    const week = sorted.filter((d) => d.dayNumber > end - 7 && d.dayNumber <= end);
    if (week.length < 7) break;
    const model = fitVolumeModel(sorted.filter((d) => d.dayNumber <= end - 7));
    if (!model) break;
    const predicted = week.reduce((s, d) => s + model.predict(d.dayNumber, d.weekday), 0);
    const actual = week.reduce((s, d) => s + d.submitted, 0);
    if (predicted > 0) errors.push(actual / predicted - 1);
  }
  return errors;
}
