// Bundle + site index -> the report page's view model (charts still as models; the engine renders them).
import type { ReportBundle } from '../report/ReportBundle.ts';
import type { ChartModel } from '../charts/ChartModel.ts';
import type { DataTableView, Link, RecommendationView, ReportPageView } from './PageView.ts';
import type { SiteIndex } from './SiteIndex.ts';
import { children, neighbours, parents } from './SiteIndex.ts';
import { REPORT_ROOT, reportHref } from './pagePath.ts';
import { kpiCards } from './kpiCards.ts';
import { readinessViews } from './readinessViews.ts';
import { reportTables, type ReportTable } from './reportTables.ts';
import { reportCharts, type ReadinessHistory } from './reportCharts.ts';
import { zonedLabel } from '../charts/zonedTime.ts';
import { formatKpiValue } from './formatKpiValue.ts';

export type ReportPagePlan = {
  view: Omit<ReportPageView, 'charts'>;
  charts: ChartModel[];
  tables: ReportTable[];
};

/** Rows of each detail table shown on the page; the CSV download has every row. */
export const PAGE_TABLE_ROWS = 50;

const KIND_LABEL = { daily: 'Daily report', weekly: 'Weekly report', monthly: 'Monthly report' } as const;

export function reportPagePlan(
  bundle: ReportBundle,
  index: SiteIndex,
  options: { pdfExists: boolean; readinessHistory: ReadinessHistory },
): ReportPagePlan {
  const root = REPORT_ROOT;
  const { prev, next } = neighbours(index, bundle.kind, bundle.id);
  const link = (e: { kind: ReportPageView['kind']; id: string; label: string } | null): Link | null =>
    e ? { href: reportHref(root, e.kind, e.id), label: e.label } : null;
  const tables = reportTables(bundle);
  const tz = bundle.timezone;
  const lastInstant = new Date(Date.parse(bundle.period.end) - 1).toISOString();
  const range =
    bundle.kind === 'daily'
      ? `${zonedLabel(bundle.period.start, tz)} to ${zonedLabel(bundle.period.end, tz)}`
      : `${zonedLabel(bundle.period.start, tz, false)} to ${zonedLabel(lastInstant, tz, false)}`;
  const view: Omit<ReportPageView, 'charts'> = {
    kind: bundle.kind,
    id: bundle.id,
    title: bundle.period.label,
    kindLabel: KIND_LABEL[bundle.kind],
    timezone: tz,
    range,
    generated: `${zonedLabel(bundle.generated_at, tz)} ${tz}`,
    closed: bundle.period.closed,
    elapsed: bundle.period.elapsed_label,
    revision: bundle.revision,
    restated: bundle.restates
      ? {
          reason: bundle.restates.reason,
          previous: `revision ${bundle.restates.revision} of ${zonedLabel(bundle.restates.generated_at, tz)}`,
          changes: bundle.restates.changes.map(
            (c) => `${bundle.kpis[c.kpi].label}: ${c.before ?? 'no data'} → ${c.after ?? 'no data'}`,
          ),
        }
      : null,
    partial: bundle.data_quality.partial,
    qualityNotes: bundle.data_quality.notes,
    verdict: {
      status: bundle.verdict.status,
      trend: bundle.verdict.trend,
      headline: bundle.verdict.headline,
      topAction: bundle.verdict.top_action,
    },
    summary: bundle.summary,
    nav: {
      prev: link(prev),
      next: link(next),
      up: parents(index, bundle.kind, bundle.period.start).map((e) => ({
        href: reportHref(root, e.kind, e.id),
        label: e.label,
      })),
      days:
        bundle.kind === 'daily'
          ? []
          : children(index, 'daily', bundle.period.start, bundle.period.end).map((e) => ({
              href: reportHref(root, e.kind, e.id),
              label: e.id,
            })),
      home: { href: `${root}index.html`, label: 'Latest' },
      archive: { href: `${root}archive/index.html`, label: 'Archive' },
    },
    kpis: kpiCards(bundle),
    readiness: readinessViews(bundle),
    recommendations: [...bundle.recommendations].sort((a, b) => a.rank - b.rank).map(recommendationView),
    anomalies: bundle.anomalies.items.map((a) => ({ label: a.label, message: a.message, severity: a.severity })),
    tables: tables.filter((t) => t.rows.length > 0).map(tableView),
    downloads: {
      json: { href: 'report.json', label: 'Report data (JSON)' },
      pdf: options.pdfExists ? { href: `${root}pdf/${bundle.kind}/${bundle.id}.pdf`, label: 'PDF' } : null,
      csv: tables
        .filter((t) => t.rows.length > 0)
        .map((t) => ({ href: `data/${t.id}.csv`, label: `${t.title} (CSV)` })),
    },
    root,
  };
  return { view, charts: reportCharts(bundle, options.readinessHistory), tables };
}

function tableView(t: ReportTable): DataTableView {
  return {
    id: t.id,
    title: t.title,
    caption: t.caption,
    columns: t.columns,
    rows: t.rows.slice(0, PAGE_TABLE_ROWS),
    csvHref: `data/${t.id}.csv`,
    total: t.rows.length,
  };
}

function recommendationView(r: ReportBundle['recommendations'][number]): RecommendationView {
  return {
    id: r.id,
    rank: r.rank,
    severity: r.severity,
    status: r.status,
    title: r.title,
    what: r.what,
    why: r.why,
    action: r.action,
    impact: r.impact.description,
    firstSeen: r.first_seen,
    evidence: r.evidence.map(
      (e) =>
        `${e.metric}: ${evidenceValue(e.value, e.unit)}${
          e.threshold === null ? '' : ` (threshold ${evidenceValue(e.threshold, e.unit)})`
        }, ${e.period}`,
    ),
  };
}

/** Evidence numbers in the unit's words ("71.0%", "2.1 min"); unknown units keep the number and the unit. */
function evidenceValue(value: number | string | null, unit: string | null): string {
  if (value === null) return 'no data';
  if (typeof value === 'string') return value;
  switch (unit) {
    case 'fraction':
      return formatKpiValue(value, 'fraction');
    case 'ms':
      return formatKpiValue(value, 'ms');
    case 'ratio':
      return formatKpiValue(value, 'ratio');
    default:
      return `${Number.isInteger(value) ? value.toLocaleString('en-US') : Number(value.toFixed(3)).toString()}${unit ? ` ${unit}` : ''}`;
  }
}
