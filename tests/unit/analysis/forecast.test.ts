import { describe, expect, it } from 'vitest';
import { backtestErrors, fitVolumeModel, forecastPeriod } from '../../../src/analysis/forecast/forecastVolume.ts';

/** `weeks` weeks of days: weekdays `weekday` jobs, weekends `weekend`, growing by `growth` jobs a day. */
function history(weeks: number, weekday: number, weekend: number, growth = 0) {
  return Array.from({ length: weeks * 7 }, (_, i) => {
    const w = (i % 7) + 1; // day 0 is a Monday
    return { dayNumber: 20_000 + i, weekday: w, submitted: (w >= 6 ? weekend : weekday) + growth * i };
  });
}

describe('volume forecast', () => {
  it('needs two weeks of history', () => {
    expect(fitVolumeModel(history(1, 100, 50))).toBeNull();
    expect(forecastPeriod(history(1, 100, 50), { days: [] })).toBeNull();
  });

  it('follows the weekday profile of a flat series exactly', () => {
    const h = history(6, 1000, 400);
    const model = fitVolumeModel(h)!;
    expect(model.weeklyGrowth).toBe(0);
    const nextWeek = Array.from({ length: 7 }, (_, i) => ({ dayNumber: 20_042 + i, weekday: i + 1 }));
    // 5 × 1000 + 2 × 400, and perfect backtests give a zero-width interval.
    expect(forecastPeriod(h, { days: nextWeek })).toEqual({ value: 5800, low: 5800, high: 5800 });
    expect(backtestErrors(h).every((e) => Math.abs(e) < 1e-9)).toBe(true);
  });

  it('extrapolates a linear trend and widens the interval with noise', () => {
    const h = history(8, 1000, 1000, 10);
    const model = fitVolumeModel(h)!;
    // Weekly totals grow by 490 a week; the last 28 days average 1000 + 10 × 41.5 a day.
    expect(model.weeklyGrowth).toBeCloseTo(490 / (7 * 1415), 4);
    const day = 20_056; // the day after the history, a Monday: 1000 + 10 × 56 = 1560
    // Growth is applied relative to the level, so a straight line is met within half a percent.
    expect(Math.abs(model.predict(day, 1) / 1560 - 1)).toBeLessThan(0.005);
    const noisy = h.map((d, i) => ({ ...d, submitted: d.submitted * (i % 3 === 0 ? 1.2 : 0.9) }));
    const f = forecastPeriod(noisy, { days: [{ dayNumber: day, weekday: 1 }] })!;
    expect(f.low).toBeLessThan(f.value);
    expect(f.high).toBeGreaterThan(f.value);
  });
});
