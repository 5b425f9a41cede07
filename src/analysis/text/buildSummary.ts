import type { Anomaly, Failures, Machines, Readiness, ReportBundle } from '../../report/ReportBundle.ts';
import { KPI_META } from '../../report/kpiNames.ts';
import { describeValue } from './describeValue.ts';
import { formatCount, formatDuration, formatPercent } from './format.ts';

export interface SummaryInput {
  /** "Saturday 21 November 2026", "Week 47, 16–22 November 2026". */
  label: string;
  /** "the previous day", "the previous week", "the previous month". */
  previousLabel: string;
  elapsedLabel: string | null;
  kpis: ReportBundle['kpis'];
  successTarget: number;
  failures: Failures;
  machines: Machines;
  anomalies: Anomaly[];
  readiness: Readiness;
  partialNote: string | null;
}

/**
 * Three to five sentences built only from the numbers, in a fixed order and wording, so equal numbers give equal
 * words and weeks can be compared line by line: volume, success, speed, what stood out, readiness.
 */
export function buildSummary(x: SummaryInput): string[] {
  const k = x.kpis;
  const sentences: string[] = [];
  if (x.partialNote) sentences.push(`This report rests on partial data: ${lowerFirst(x.partialNote)}`);

  const scope = x.elapsedLabel ? `${x.label} (${x.elapsedLabel})` : x.label;
  if (k.jobs_submitted.value === null) {
    sentences.push(`${scope}: no job data was collected.`);
  } else {
    const change = changeWords(k.jobs_submitted.delta_ratio, 'more', 'fewer', x.previousLabel);
    sentences.push(
      `${scope}: ${formatCount(k.jobs_submitted.value)} jobs submitted${change ? ` (${change})` : ''} and ${formatCount(k.jobs_finished.value ?? 0)} finished.`,
    );
  }

  const rate = k.success_rate.value;
  if (rate !== null) {
    const verdict = rate >= x.successTarget ? 'meeting' : 'below';
    const previous = k.success_rate.previous === null ? '' : ` (${formatPercent(k.success_rate.previous)} before)`;
    const top = x.failures.by_type[0];
    const failures =
      (k.jobs_failed.value ?? 0) === 0
        ? 'no job failed'
        : `${formatCount(k.jobs_failed.value ?? 0)} jobs failed${top ? `, most often ${top.error_type} (${formatCount(top.count)})` : ''}`;
    sentences.push(
      `The success rate was ${formatPercent(rate)}${previous}, ${verdict} the ${formatPercent(x.successTarget)} target; ${failures}.`,
    );
  }

  if (k.run_ms_p50.value !== null) {
    const wait =
      k.wait_ms_p95.value === null
        ? ''
        : `; p95 queue wait was ${formatDuration(k.wait_ms_p95.value)}${suffix(changeWords(k.wait_ms_p95.delta_ratio, 'longer', 'shorter', x.previousLabel))}`;
    sentences.push(
      `Median run time was ${formatDuration(k.run_ms_p50.value)} (p95 ${formatDuration(k.run_ms_p95.value ?? k.run_ms_p50.value)})${wait}.`,
    );
  }

  const outliers = x.machines.rows.filter((m) => m.outlier);
  const adverse = x.anomalies.filter((a) => a.adverse && a.severity !== 'low');
  if (outliers.length > 0) {
    const first = outliers[0]!;
    const more =
      outliers.length > 1 ? ` and ${outliers.length - 1} other machine${outliers.length > 2 ? 's' : ''}` : '';
    sentences.push(
      `${first.machine_id}${more} stood out: ${first.machine_id} ${first.outlier_reason ?? 'is an outlier'}.`,
    );
  } else if (adverse.length > 0) {
    const a = adverse[0]!;
    sentences.push(
      `${adverse.length === 1 ? 'One figure' : `${adverse.length} figures`} left the usual range; the largest: ${lowerFirst(a.label)} ${KPI_META[a.kpi].label.toLowerCase()} of ${describeValue(a.value, KPI_META[a.kpi].unit)} against a usual ${describeValue(a.baseline, KPI_META[a.kpi].unit)}.`,
    );
  } else if (k.jobs_submitted.value !== null) {
    sentences.push('No machine stood out and no daily figure left its usual range.');
  }

  const prod = x.readiness.production;
  if (prod.score !== null) {
    const pools = x.readiness.pools;
    const poolText = (['fast', 'standard', 'heavy'] as const)
      .map((p) => `${p === 'fast' ? 'fast lane' : p} ${pools[p].score ?? 'n/a'}`)
      .join(', ');
    const delta = prod.previous === null ? '' : pointsWords(prod.score - prod.previous);
    sentences.push(`Production readiness is ${prod.score} of 100${delta}; pool readiness: ${poolText}.`);
  }
  return sentences.slice(0, 6);
}

function changeWords(ratio: number | null, up: string, down: string, previousLabel: string): string {
  if (ratio === null) return '';
  if (Math.abs(ratio) < 0.01) return `about the same as ${previousLabel}`;
  return `${formatPercent(Math.abs(ratio))} ${ratio > 0 ? up : down} than ${previousLabel}`;
}

function suffix(text: string): string {
  return text ? `, ${text}` : '';
}

function pointsWords(delta: number): string {
  if (delta === 0) return ', unchanged';
  return ` (${delta > 0 ? 'up' : 'down'} ${Math.abs(delta)} point${Math.abs(delta) === 1 ? '' : 's'})`;
}

function lowerFirst(text: string): string {
  return text.length > 0 && /^[A-Z][a-z]/.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text;
}
