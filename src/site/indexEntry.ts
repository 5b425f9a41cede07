import type { ReportBundle } from '../report/ReportBundle.ts';
import type { IndexEntry } from './SiteIndex.ts';

const DEFAULT_TARGET = 0.99;

export function indexEntry(b: ReportBundle): IndexEntry {
  return {
    kind: b.kind,
    id: b.id,
    start: b.period.start,
    end: b.period.end,
    label: b.period.label,
    status: b.verdict.status,
    successRate: b.kpis.success_rate.value,
    target: b.kpis.success_rate.target ?? DEFAULT_TARGET,
    restated: b.restates !== null,
    partial: b.data_quality.partial,
    closed: b.period.closed,
  };
}
