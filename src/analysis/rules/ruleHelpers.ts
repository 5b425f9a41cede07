import type { Evidence } from '../../report/ReportBundle.ts';
import type { RuleContext } from './Rule.ts';

export function evidence(
  ctx: RuleContext,
  metric: string,
  value: number | string | null,
  threshold: number | string | null,
  unit: string | null,
): Evidence {
  return {
    metric,
    value: typeof value === 'number' ? Math.round(value * 10_000) / 10_000 : value,
    threshold: typeof threshold === 'number' ? Math.round(threshold * 10_000) / 10_000 : threshold,
    period: ctx.periodId,
    unit,
  };
}

/** Per-day rate of a period total. */
export function perDay(ctx: RuleContext, total: number): number {
  return ctx.days > 0 ? total / ctx.days : total;
}

/** Converts machine-hours to the job-equivalents the ranking uses, by the mean run time. */
export function hoursAsJobs(ctx: RuleContext, hours: number): number {
  return ctx.runMeanMs && ctx.runMeanMs > 0 ? (hours * 3_600_000) / ctx.runMeanMs : hours;
}

export function round1(x: number): number {
  return Math.round(x * 10) / 10;
}

/** Short stable hash (FNV-1a, hex) for ids built from free text such as error messages. */
export function shortHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16).padStart(8, '0');
}
