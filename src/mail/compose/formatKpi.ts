import type { Kpi } from '../../report/ReportBundle.ts';

type KpiUnit = Kpi['unit'];

// Fixed locale: an email must read the same whatever machine sends it.
const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

/** warn is for the verdict's "watch" only; KPI changes are good, bad or neutral. */
export type Tone = 'good' | 'bad' | 'warn' | 'neutral';

export interface KpiChange {
  /** "up 2% from 20,530 (better)", "unchanged at 98.3%", "no previous data". */
  text: string;
  tone: Tone;
}

/** A KPI value as people read it: 98.3%, 20,940, 13.5 s, 1,204 jobs/h. Null is "no data", never 0. */
export function formatKpiValue(unit: KpiUnit, value: number | null): string {
  if (value === null) return 'no data';
  switch (unit) {
    case 'count':
      return integer.format(value);
    case 'fraction':
      return `${oneDecimal.format(value * 100)}%`;
    case 'ms':
      return formatDuration(value);
    case 'jobs_per_hour':
      return `${integer.format(value)} jobs/h`;
    case 'machines':
      return oneDecimal.format(value);
    default:
      throw new RangeError(`unknown KPI unit ${String(unit)}`);
  }
}

/** 850 ms, 13.5 s, 4 min 5 s, 2 h 10 min. */
export function formatDuration(ms: number): string {
  if (Math.abs(ms) < 1000) return `${integer.format(ms)} ms`;
  const seconds = ms / 1000;
  if (Math.abs(seconds) < 60) return `${oneDecimal.format(seconds)} s`;
  const totalSeconds = Math.round(seconds);
  if (Math.abs(totalSeconds) < 3600) {
    const rest = totalSeconds % 60;
    return rest === 0 ? `${Math.trunc(totalSeconds / 60)} min` : `${Math.trunc(totalSeconds / 60)} min ${rest} s`;
  }
  const minutes = Math.round(totalSeconds / 60);
  const rest = minutes % 60;
  return rest === 0 ? `${Math.trunc(minutes / 60)} h` : `${Math.trunc(minutes / 60)} h ${rest} min`;
}

/**
 * The change against the previous period in words, so it survives plain text, screen readers and clients that
 * drop colour: fractions move in percentage points, everything else in percent (or units when the base is 0).
 */
export function describeKpiChange(kpi: Kpi): KpiChange {
  if (kpi.value === null) return { text: 'no data this period', tone: 'neutral' };
  if (kpi.previous === null || kpi.delta === null) return { text: 'no previous data to compare', tone: 'neutral' };
  const from = formatKpiValue(kpi.unit, kpi.previous);
  const tone: Tone = kpi.trend === 'improved' ? 'good' : kpi.trend === 'worsened' ? 'bad' : 'neutral';
  const verdict = tone === 'good' ? ' (better)' : tone === 'bad' ? ' (worse)' : '';
  const amount = changeAmount(kpi);
  if (amount === null) return { text: `unchanged from ${from}`, tone: 'neutral' };
  const direction = kpi.delta > 0 ? 'up' : 'down';
  return { text: `${direction} ${amount} from ${from}${verdict}`, tone };
}

function changeAmount(kpi: Kpi): string | null {
  const delta = kpi.delta!;
  if (kpi.unit === 'fraction') {
    const points = Math.abs(delta * 100);
    return points < 0.05 ? null : `${oneDecimal.format(points)} pts`;
  }
  if (kpi.delta_ratio !== null) {
    const percent = Math.abs(kpi.delta_ratio * 100);
    if (percent < 0.5) return delta === 0 ? null : `${formatKpiValue(kpi.unit, Math.abs(delta))}`;
    return `${percent < 10 ? oneDecimal.format(percent) : integer.format(percent)}%`;
  }
  return delta === 0 ? null : formatKpiValue(kpi.unit, Math.abs(delta));
}
