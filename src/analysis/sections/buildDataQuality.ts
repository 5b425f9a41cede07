import type { DataQuality, Severity } from '../../report/ReportBundle.ts';
import { formatCount, formatDuration, formatPercent } from '../text/format.ts';

export interface DataQualityInput {
  closed: boolean;
  /** "month to date, 12 of 31 days" for an open period. */
  elapsedLabel: string | null;
  start: number;
  through: number;
  /** Where the warehouse's data begins (null: no data at all). */
  dataStart: number | null;
  snapshotsTaken: number;
  /** The collector's usual snapshot interval per source with snapshots, in ms. */
  snapshotIntervals: number[];
  gaps: { source: string; queue: string | null; from: number; to: number; reason: string }[];
  rejects: { reason: string; count: number }[];
  runs: number;
  failedRuns: number;
  lateRows: number;
  lastCollectedAt: number | null;
}

/** Below this snapshot coverage a report is flagged as resting on partial data. */
export const PARTIAL_COVERAGE = 0.9;

export function buildDataQuality(x: DataQualityInput): DataQuality {
  const elapsed = Math.max(0, x.through - x.start);
  const expected = x.snapshotIntervals.reduce((s, interval) => s + Math.floor(elapsed / interval), 0);
  const coverage = expected > 0 ? Math.min(1, x.snapshotsTaken / expected) : null;
  const gapMs = unionLength(x.gaps.map((g) => [Math.max(g.from, x.start), Math.min(g.to, x.through)]));
  const rejectTotal = x.rejects.reduce((s, r) => s + r.count, 0);
  const startsLate = x.dataStart !== null && x.dataStart > x.start + 3_600_000;
  const notes: { severity: Severity; message: string }[] = [];
  if (x.dataStart === null)
    notes.push({ severity: 'critical', message: 'The warehouse holds no data for this period.' });
  if (startsLate && x.dataStart !== null && x.dataStart < x.through) {
    notes.push({
      severity: 'high',
      message: `Data collection began on ${new Date(x.dataStart).toISOString().slice(0, 16).replace('T', ' ')} UTC, after the period started.`,
    });
  }
  if (gapMs > 0) {
    const first = [...x.gaps].sort((a, b) => a.from - b.from)[0]!;
    notes.push({
      severity: gapMs > elapsed * 0.05 ? 'high' : 'medium',
      message: `${formatDuration(gapMs)} of history could not be read (${first.source}${first.queue ? `/${first.queue}` : ''}: ${first.reason}).`,
    });
  }
  if (coverage !== null && coverage < 0.95) {
    notes.push({
      severity: coverage < PARTIAL_COVERAGE ? 'high' : 'medium',
      message: `${formatPercent(coverage, 0)} of the expected state snapshots were taken.`,
    });
  }
  if (x.failedRuns > 0) {
    notes.push({
      severity: 'medium',
      message: `${formatCount(x.failedRuns)} of ${formatCount(x.runs)} collection runs failed.`,
    });
  }
  if (rejectTotal > 0) {
    notes.push({ severity: 'low', message: `${formatCount(rejectTotal)} malformed records were set aside.` });
  }
  if (x.lateRows > 0) {
    notes.push({
      severity: 'low',
      message: `${formatCount(x.lateRows)} jobs were collected more than an hour after the period ended.`,
    });
  }
  if (!x.closed) {
    notes.push({
      severity: 'medium',
      message: `This report covers the ${x.elapsedLabel ?? 'period so far'}; its figures will change.`,
    });
  }
  const order: Record<Severity, number> = { critical: 0, high: 1, medium: 2, low: 3 };
  notes.sort((a, b) => order[a.severity] - order[b.severity]);
  return {
    partial:
      !x.closed ||
      x.dataStart === null ||
      startsLate ||
      gapMs > 0 ||
      (coverage !== null && coverage < PARTIAL_COVERAGE),
    notes,
    snapshot_coverage: coverage === null ? null : Math.round(coverage * 10_000) / 10_000,
    snapshots_expected: expected,
    snapshots_taken: x.snapshotsTaken,
    coverage_gaps: x.gaps.map((g) => ({
      source: g.source,
      queue: g.queue,
      from: new Date(g.from).toISOString(),
      to: new Date(g.to).toISOString(),
      reason: g.reason,
    })),
    gap_ms: Math.round(gapMs),
    rejects: { total: rejectTotal, by_reason: x.rejects },
    late_rows: x.lateRows,
    collection_runs: { total: x.runs, failed: x.failedRuns },
    last_collected_at: x.lastCollectedAt === null ? null : new Date(x.lastCollectedAt).toISOString(),
  };
}

/** Total length covered by a set of intervals (overlaps counted once). */
export function unionLength(intervals: [number, number][]): number {
  const sorted = intervals.filter(([a, b]) => b > a).sort((x, y) => x[0] - y[0]);
  let total = 0;
  let end = -Infinity;
  for (const [a, b] of sorted) {
    if (b <= end) continue;
    total += b - Math.max(a, end);
    end = b;
  }
  return total;
}
