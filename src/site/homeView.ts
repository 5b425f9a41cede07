// The home page: the latest closed daily report's verdict and headline KPIs, links to the latest weekly
// and monthly, and the fleet's last 90 days from that report's context series.
import type { ReportBundle } from '../report/ReportBundle.ts';
import type { ChartModel } from '../charts/ChartModel.ts';
import type { HomeView } from './PageView.ts';
import type { SiteIndex } from './SiteIndex.ts';
import { reportHref, rootPrefix } from './pagePath.ts';
import { kpiCards } from './kpiCards.ts';
import { volumeSuccessChart } from '../charts/volumeSuccessChart.ts';

const ROOT = rootPrefix(0);

export type HomePlan = { view: Omit<HomeView, 'context'>; context: ChartModel | null };

export function homePlan(
  latestDaily: ReportBundle | null,
  index: SiteIndex,
  siteTitle: string,
  timezone: string,
): HomePlan {
  const last = <T>(list: T[]): T | null => list[list.length - 1] ?? null;
  const weekly = last(index.byKind.weekly);
  const monthly = last(index.byKind.monthly);
  const view: Omit<HomeView, 'context'> = {
    title: siteTitle,
    timezone: latestDaily?.timezone ?? timezone,
    latest: latestDaily
      ? {
          href: reportHref(ROOT, 'daily', latestDaily.id),
          title: latestDaily.period.label,
          verdict: {
            status: latestDaily.verdict.status,
            trend: latestDaily.verdict.trend,
            headline: latestDaily.verdict.headline,
            topAction: latestDaily.verdict.top_action,
          },
          summary: latestDaily.summary,
          kpis: kpiCards(latestDaily).filter((k) => k.headline),
          partial: latestDaily.data_quality.partial,
        }
      : null,
    latestWeekly: weekly ? { href: reportHref(ROOT, 'weekly', weekly.id), label: weekly.label } : null,
    latestMonthly: monthly ? { href: reportHref(ROOT, 'monthly', monthly.id), label: monthly.label } : null,
    counts: {
      daily: index.byKind.daily.length,
      weekly: index.byKind.weekly.length,
      monthly: index.byKind.monthly.length,
    },
    root: ROOT,
  };
  const context =
    latestDaily && latestDaily.charts.context.length > 0
      ? {
          ...volumeSuccessChart({
            points: latestDaily.charts.context.map((c) => ({
              at: c.t,
              completed: c.jobs_completed,
              failed: c.jobs_failed,
            })),
            target: latestDaily.kpis.success_rate.target ?? 0.99,
            anomalies: latestDaily.charts.context
              .filter((c) => c.anomaly)
              .map((c) => ({ at: c.t, label: 'anomalous day' })),
            timeZone: latestDaily.timezone,
            granularity: 'day',
          }),
          id: 'context-90-days',
          title: 'The fleet over the last 90 days',
        }
      : null;
  return { view, context };
}
