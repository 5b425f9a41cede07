import { KPI_NAMES } from '../../report/kpiNames.ts';
import type { ReportBundle } from '../../report/ReportBundle.ts';

/**
 * Compares a recomputed bundle with the published one. Returns null when no KPI value changed (nothing to
 * restate), else the revision and `restates` block the republished bundle carries: which KPIs changed, from what
 * to what, and why.
 */
export function restatement(
  published: ReportBundle,
  recomputed: ReportBundle,
  reason: string,
): Pick<ReportBundle, 'revision' | 'restates' | 'summary'> | null {
  const changes = KPI_NAMES.filter((name) => published.kpis[name].value !== recomputed.kpis[name].value).map((kpi) => ({
    kpi,
    before: published.kpis[kpi].value,
    after: recomputed.kpis[kpi].value,
  }));
  if (changes.length === 0) return null;
  const names = changes.slice(0, 3).map((c) => recomputed.kpis[c.kpi].label.toLowerCase());
  const more = changes.length > 3 ? ` and ${changes.length - 3} more` : '';
  const sentence = `This report restates revision ${published.revision} (${reason}): ${names.join(', ')}${more} changed.`;
  return {
    revision: published.revision + 1,
    restates: { revision: published.revision, generated_at: published.generated_at, reason, changes },
    summary: [sentence, ...recomputed.summary].slice(0, 6),
  };
}
