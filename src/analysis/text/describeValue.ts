import type { KpiUnit } from '../../report/kpiNames.ts';
import { formatCount, formatDuration, formatPercent } from './format.ts';

/** A KPI value in words for its unit: "1,140", "98.7%", "2 min 31 s", "46.5 machines". */
export function describeValue(value: number, unit: KpiUnit): string {
  switch (unit) {
    case 'count':
      return formatCount(value);
    case 'fraction':
      return formatPercent(value);
    case 'ms':
      return formatDuration(value);
    case 'jobs_per_hour':
      return `${formatCount(value)} jobs an hour`;
    case 'machines':
      return `${Number.isInteger(value) ? value : value.toFixed(1)} machines`;
    default:
      throw new Error(`unknown unit ${String(unit)}`);
  }
}
