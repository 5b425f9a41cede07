import path from 'node:path';
import type { ReportBundle } from '../report/ReportBundle.ts';
import { formatKpiValue } from '../site/formatKpiValue.ts';
import type { PrintJob } from './PrintJob.ts';

const KIND_LABELS = { daily: 'Daily report', weekly: 'Weekly report', monthly: 'Monthly report' } as const;

/** Everything the printer and the gate need to know about one report, from its bundle. */
export function printJobFor(bundle: ReportBundle, options: { distDir: string; siteTitle: string }): PrintJob {
  const kpiTexts: Record<string, string> = {};
  for (const kpi of Object.values(bundle.kpis)) {
    // The page prints values with the site's own formatter; a KPI without data reads "no data" and is skipped.
    if (kpi.value !== null && Number.isFinite(kpi.value)) kpiTexts[kpi.name] = formatKpiValue(kpi.value, kpi.unit);
  }
  return {
    kind: bundle.kind,
    id: bundle.id,
    pageFile: path.join(options.distDir, bundle.kind, bundle.id, 'index.html'),
    meta: {
      siteTitle: options.siteTitle,
      kindLabel: KIND_LABELS[bundle.kind],
      periodLabel: bundle.period.label,
      timezone: bundle.timezone,
      generated: formatInstant(bundle.generated_at, bundle.timezone),
      subject: bundle.verdict.headline,
      keywords: [bundle.kind, bundle.id, bundle.timezone],
    },
    kpiTexts,
    bundleGeneratedAt: bundle.generated_at,
  };
}

/** "2026-11-22 01:15" in the report's zone. */
export function formatInstant(iso: string, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(new Date(iso))
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}
