import type { Anomaly, Readiness, Recommendation, ReportBundle, Verdict } from '../../report/ReportBundle.ts';
import { formatPercent } from './format.ts';

export interface VerdictInput {
  kpis: ReportBundle['kpis'];
  successTarget: number;
  recommendations: Recommendation[];
  anomalies: Anomaly[];
  readiness: Readiness;
}

/**
 * act: success rate more than a point under target, or a critical open recommendation or adverse anomaly;
 * watch: under target, or a high one; healthy otherwise. Trend: production readiness up or down 3+ points.
 */
export function buildVerdict(x: VerdictInput): Verdict {
  const rate = x.kpis.success_rate.value;
  const open = x.recommendations.filter((r) => r.status !== 'resolved');
  const adverse = x.anomalies.filter((a) => a.adverse);
  const has = (severity: string) =>
    open.some((r) => r.severity === severity) || adverse.some((a) => a.severity === severity);
  const top = open[0] ?? null;
  const prod = x.readiness.production;
  const trend =
    prod.score === null || prod.previous === null
      ? 'unknown'
      : prod.score - prod.previous >= 3
        ? 'improving'
        : prod.score - prod.previous <= -3
          ? 'worsening'
          : 'steady';

  if (rate === null && x.kpis.jobs_submitted.value === null) {
    return { status: 'unknown', trend, headline: 'No data: nothing was collected for this period.', top_action: null };
  }
  const rateText =
    rate === null ? null : `success rate ${formatPercent(rate)} against a ${formatPercent(x.successTarget)} target`;
  if ((rate !== null && rate < x.successTarget - 0.01) || has('critical')) {
    return {
      status: 'act',
      trend,
      headline: `Action needed: ${rate !== null && rate < x.successTarget - 0.01 ? rateText : lowerFirst(top?.title ?? 'see the recommendations')}.`,
      top_action: top?.title ?? null,
    };
  }
  if ((rate !== null && rate < x.successTarget) || has('high')) {
    return {
      status: 'watch',
      trend,
      headline: `Watch: ${rate !== null && rate < x.successTarget ? rateText : lowerFirst(top?.title ?? 'see the recommendations')}.`,
      top_action: top?.title ?? null,
    };
  }
  return {
    status: 'healthy',
    trend,
    headline:
      rate === null
        ? 'Healthy: no job finished, and nothing needs attention.'
        : `Healthy: ${formatPercent(rate)} of jobs succeeded and no target was missed.`,
    top_action: top?.title ?? null,
  };
}

function lowerFirst(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text;
}
