import { KPI_META, KPI_NAMES, type KpiName } from '../../report/kpiNames.ts';
import type { Comparison, Kpi, ReportBundle } from '../../report/ReportBundle.ts';
import { roundTo } from '../math/roundTo.ts';
import type { KpiValues } from './KpiValues.ts';

export interface KpiInputs {
  current: KpiValues;
  previous: KpiValues;
  /** Daily bundles: the same weekday one week earlier. */
  sameWeekday: { values: KpiValues; label: string } | null;
  /** Mean of the four periods before this one (comparable spans when this one is open); see trailingMeans. */
  trailingMean: { values: KpiValues; label: string };
  sparkline: { id: string; values: KpiValues }[];
  targets: Partial<Record<KpiName, number>>;
}

/** Changes smaller than this share of the reference are reported as unchanged. */
export const UNCHANGED_RATIO = 0.01;

export function buildKpis(inputs: KpiInputs): ReportBundle['kpis'] {
  return Object.fromEntries(KPI_NAMES.map((name) => [name, buildKpi(name, inputs)])) as ReportBundle['kpis'];
}

function buildKpi(name: KpiName, inputs: KpiInputs): Kpi {
  const meta = KPI_META[name];
  const value = inputs.current[name];
  const previous = inputs.previous[name];
  const delta = difference(value, previous);
  const ratio = relative(value, previous);
  return {
    name,
    label: meta.label,
    unit: meta.unit,
    value,
    previous,
    delta,
    delta_ratio: ratio,
    better: meta.better,
    trend: trendOf(value, previous, meta.better),
    same_weekday_last_week: inputs.sameWeekday
      ? compare(value, inputs.sameWeekday.values[name], inputs.sameWeekday.label)
      : null,
    trailing_mean: compare(value, inputs.trailingMean.values[name], inputs.trailingMean.label),
    target: inputs.targets[name] ?? null,
    sparkline: inputs.sparkline.map((point) => ({ id: point.id, value: point.values[name] })),
  };
}

/** Mean of each KPI over the periods that have a value; null when fewer than two do. */
export function trailingMeans(periods: readonly KpiValues[]): KpiValues {
  return Object.fromEntries(
    KPI_NAMES.map((name) => {
      const values = periods.map((p) => p[name]).filter((v): v is number => v !== null);
      return [name, values.length >= 2 ? roundTo(values.reduce((a, b) => a + b, 0) / values.length, 6) : null];
    }),
  ) as KpiValues;
}

function compare(value: number | null, reference: number | null, label: string): Comparison | null {
  if (reference === null) return null;
  return { value: reference, delta: difference(value, reference), ratio: relative(value, reference), label };
}

function difference(a: number | null, b: number | null): number | null {
  return a === null || b === null ? null : roundTo(a - b, 6);
}

function relative(a: number | null, b: number | null): number | null {
  return a === null || b === null || b === 0 ? null : roundTo(a / b - 1, 6);
}

export function trendOf(
  value: number | null,
  previous: number | null,
  better: 'higher' | 'lower',
): 'improved' | 'worsened' | 'unchanged' | 'unknown' {
  if (value === null || previous === null) return 'unknown';
  const delta = value - previous;
  const scale = Math.abs(previous);
  if (delta === 0 || (scale > 0 && Math.abs(delta) / scale < UNCHANGED_RATIO)) return 'unchanged';
  return delta > 0 === (better === 'higher') ? 'improved' : 'worsened';
}
