// Numbers as the reader sees them, by the KPI's unit. `null` always reads "no data", never 0.
import { formatCount, formatDurationMs, formatPercent } from '../charts/formatNumber.ts';

export type KpiUnit = 'count' | 'fraction' | 'ms' | 'jobs_per_hour' | 'machines' | 'ratio';

export function formatKpiValue(value: number | null, unit: KpiUnit): string {
  if (value === null || !Number.isFinite(value)) return 'no data';
  switch (unit) {
    case 'fraction':
      return formatPercent(value);
    case 'ms':
      return formatDurationMs(value);
    case 'jobs_per_hour':
      return `${formatCount(value)}/h`;
    case 'machines':
      return Number.isInteger(value) ? formatCount(value) : value.toFixed(1);
    case 'ratio':
      return `${value.toFixed(2)}×`;
    case 'count':
      return formatCount(value);
    default:
      throw new Error(`unknown KPI unit ${String(unit)}`);
  }
}

/** A signed change: "+1.2 pts" for fractions, "+12%" relative for the rest when a ratio is known. */
export function formatKpiDelta(delta: number | null, ratio: number | null, unit: KpiUnit): string | null {
  if (delta === null || !Number.isFinite(delta)) return null;
  const sign = delta > 0 ? '+' : delta < 0 ? '−' : '±';
  if (unit === 'fraction') return `${sign}${Math.abs(delta * 100).toFixed(Math.abs(delta) < 0.001 ? 2 : 1)} pts`;
  if (ratio !== null && Number.isFinite(ratio))
    return `${sign}${Math.abs(ratio * 100).toFixed(ratio !== 0 && Math.abs(ratio) < 0.1 ? 1 : 0)}%`;
  return `${sign}${formatKpiValue(Math.abs(delta), unit)}`;
}
