// The readiness scores of each kind's reports in order, so a page can chart its recent trend.
import type { ReadinessHistory } from './reportCharts.ts';
import type { ReportKind } from './PageView.ts';

/** How many earlier reports the readiness trend shows, by kind. */
const SPAN: Record<ReportKind, number> = { daily: 13, weekly: 11, monthly: 11 };

export type ReadinessSeries = Record<ReportKind, ReadinessHistory>;

export function readinessSeries(points: ReadinessHistory, kinds: ReportKind[]): ReadinessSeries {
  const out: ReadinessSeries = { daily: [], weekly: [], monthly: [] };
  points.forEach((p, i) => out[kinds[i]!].push(p));
  for (const list of Object.values(out)) list.sort((a, b) => (a.start < b.start ? -1 : 1));
  return out;
}

/** The reports of the same kind just before `start`. */
export function historyBefore(series: ReadinessSeries, kind: ReportKind, start: string): ReadinessHistory {
  const earlier = series[kind].filter((h) => h.start < start);
  return earlier.slice(-SPAN[kind]);
}
