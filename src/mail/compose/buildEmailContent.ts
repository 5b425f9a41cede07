import type { KpiName } from '../../report/kpiNames.ts';
import type { ReportBundle } from '../../report/ReportBundle.ts';
import { cleanLine, cleanText } from './cleanText.ts';
import { describeReadiness } from './describeReadiness.ts';
import type { EmailContent } from './EmailContent.ts';
import { describeKpiChange, formatKpiValue, type Tone } from './formatKpi.ts';
import { reportUrl } from './reportUrl.ts';

/** The KPIs an executive reads in the inbox; the rest are one click away on the page and in the PDF. */
export const EMAIL_KPIS: readonly KpiName[] = [
  'success_rate',
  'jobs_completed',
  'jobs_failed',
  'run_ms_p95',
  'wait_ms_p95',
  'peak_hourly_throughput',
  'machines_online_avg',
  'queue_depth_max',
];

const MAX_RECOMMENDATIONS = 3;

const KIND_LABELS: Record<ReportBundle['kind'], string> = {
  daily: 'Daily report',
  weekly: 'Weekly report',
  monthly: 'Monthly report',
};

const STATUS: Record<ReportBundle['verdict']['status'], { label: string; tone: Tone }> = {
  healthy: { label: 'Healthy', tone: 'good' },
  watch: { label: 'Watch', tone: 'warn' },
  act: { label: 'Act now', tone: 'bad' },
  unknown: { label: 'Unknown', tone: 'neutral' },
};

export interface EmailContentOptions {
  siteTitle: string;
  baseUrl: string | null;
  /** The attachment's file name, or null when the PDF is not attached. */
  pdfFileName: string | null;
}

/** Words every part of one report email from its bundle. Pure: same bundle and options, same words. */
export function buildEmailContent(bundle: ReportBundle, options: EmailContentOptions): EmailContent {
  const notices: string[] = [];
  if (bundle.restates) {
    notices.push(
      `This is revision ${bundle.revision} of the report and replaces revision ${bundle.restates.revision}: ${cleanLine(bundle.restates.reason)}`,
    );
  }
  if (bundle.data_quality.partial) {
    const worst = bundle.data_quality.notes[0];
    notices.push(`Partial data: ${worst ? cleanLine(worst.message) : 'some of the period could not be collected.'}`);
  }
  const kpis = EMAIL_KPIS.map((name) => {
    const kpi = bundle.kpis[name];
    const change = describeKpiChange(kpi);
    return {
      label: cleanLine(kpi.label),
      value: formatKpiValue(kpi.unit, kpi.value),
      change: change.text,
      tone: change.tone,
    };
  });
  const recommendations = bundle.recommendations
    .filter((r) => r.status !== 'resolved')
    .sort((a, b) => a.rank - b.rank)
    .slice(0, MAX_RECOMMENDATIONS)
    .map((r) => ({
      rank: r.rank,
      severity: r.severity,
      title: cleanLine(r.title),
      action: cleanLine(r.action),
      status: r.status,
    }));
  const status = STATUS[bundle.verdict.status];
  return {
    siteTitle: cleanLine(options.siteTitle),
    kindLabel: KIND_LABELS[bundle.kind],
    periodLabel: cleanLine(bundle.period.label),
    timezone: bundle.timezone,
    status: { key: bundle.verdict.status, ...status },
    trendLabel: bundle.verdict.trend,
    headline: cleanLine(bundle.verdict.headline),
    topAction: bundle.verdict.top_action === null ? null : cleanLine(bundle.verdict.top_action),
    notices,
    summary: bundle.summary.map((sentence) => cleanText(sentence).trim()),
    kpis,
    readiness: {
      production: describeReadiness('Production readiness', bundle.readiness.production),
      pools: [
        describeReadiness('Fast lane', bundle.readiness.pools.fast),
        describeReadiness('Standard', bundle.readiness.pools.standard),
        describeReadiness('Heavy', bundle.readiness.pools.heavy),
      ],
    },
    recommendations,
    reportUrl: reportUrl(options.baseUrl, bundle.kind, bundle.id),
    pdfFileName: options.pdfFileName,
    generatedAt: formatInstant(bundle.generated_at, bundle.timezone),
  };
}

function formatInstant(iso: string, timeZone: string): string {
  const text = new Intl.DateTimeFormat('en-GB', { timeZone, dateStyle: 'medium', timeStyle: 'short' }).format(
    new Date(iso),
  );
  return `${text} (${timeZone})`;
}
