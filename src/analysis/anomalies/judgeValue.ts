import type { KpiUnit } from '../../report/kpiNames.ts';
import { mad, mean, median } from '../math/robustStats.ts';

/** Anomaly thresholds; documented in docs/analysis.md. */
export const ANOMALY_RULES = {
  /** |robust z| at or above this is an anomaly. */
  thresholdZ: 3.5,
  /** Baseline values needed before a day is judged (of 8 same weekdays). */
  minDailySamples: 4,
  /** Baseline values needed before an hour is judged (of 14 previous days). */
  minHourlySamples: 7,
  /** Smallest deviation worth reporting: 10% of the baseline for counts and durations, 1 point for shares. */
  minRelativeChange: 0.1,
  minFractionChange: 0.01,
  minCountChange: 5,
} as const;

export interface Judgement {
  baseline: number;
  mad: number;
  z: number;
  samples: number;
}

/**
 * Robust z-score of `value` against `baseline`: (value − median) / scale with scale = 1.4826·MAD, falling back
 * to 1.2533·mean absolute deviation when over half the baseline is identical, and to a small unit floor when the
 * baseline is flat. Returns null when the baseline is too small or the deviation too small to matter.
 */
export function judgeValue(
  value: number,
  baseline: readonly number[],
  unit: KpiUnit,
  minSamples: number,
): Judgement | null {
  if (baseline.length < minSamples) return null;
  const med = median(baseline)!;
  const m = mad(baseline)!;
  const meanAbs = mean(baseline.map((v) => Math.abs(v - med)))!;
  const floor = unit === 'fraction' ? 0.005 : unit === 'machines' ? 0.5 : Math.max(1, 0.05 * Math.abs(med));
  const scale = m > 0 ? 1.4826 * m : meanAbs > 0 ? 1.2533 * meanAbs : floor;
  const deviation = value - med;
  if (!material(deviation, med, unit)) return null;
  const z = deviation / Math.max(scale, floor / 10);
  if (Math.abs(z) < ANOMALY_RULES.thresholdZ) return null;
  return { baseline: med, mad: m, z: Math.round(z * 100) / 100, samples: baseline.length };
}

function material(deviation: number, med: number, unit: KpiUnit): boolean {
  const abs = Math.abs(deviation);
  if (unit === 'fraction') return abs >= ANOMALY_RULES.minFractionChange;
  if (unit === 'count' || unit === 'jobs_per_hour') {
    return abs >= ANOMALY_RULES.minCountChange && abs >= ANOMALY_RULES.minRelativeChange * Math.abs(med);
  }
  if (unit === 'machines') return abs >= 1 || abs >= ANOMALY_RULES.minRelativeChange * Math.abs(med);
  return abs >= ANOMALY_RULES.minRelativeChange * Math.abs(med) && abs >= 1;
}
