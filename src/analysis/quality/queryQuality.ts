import { readSql } from '../../warehouse/readSql.ts';
import type { SqlReader } from '../SqlReader.ts';
import type { Span } from '../plan/targetSpans.ts';

export interface QualityRows {
  gaps: { source: string; queue: string | null; from: number; to: number; reason: string }[];
  rejects: { reason: string; count: number }[];
  runs: number;
  failedRuns: number;
}

/** Coverage gaps, rejects and collection runs per target span, keyed like the spans (`start_end`). */
export async function queryQuality(db: SqlReader, spans: readonly Span[]): Promise<Map<string, QualityRows>> {
  const key = (s: Span) => `${s.start}_${s.end}`;
  const result = new Map<string, QualityRows>(
    spans.map((s) => [key(s), { gaps: [], rejects: [], runs: 0, failedRuns: 0 }]),
  );
  const targets = JSON.stringify(spans.map((s) => ({ k: key(s), s: s.start, e: s.end })));
  const gaps = await db.all<{
    k: string;
    source: string;
    queue: string | null;
    gap_from: number;
    gap_to: number;
    reason: string;
  }>(readSql(import.meta.url, 'qualityGaps.sql'), { targets });
  for (const g of gaps) {
    result.get(g.k)?.gaps.push({ source: g.source, queue: g.queue, from: g.gap_from, to: g.gap_to, reason: g.reason });
  }
  const counts = await db.all<{ k: string; what: string; label: string | null; n: number }>(
    readSql(import.meta.url, 'qualityCounts.sql'),
    { targets },
  );
  for (const c of counts) {
    const q = result.get(c.k);
    if (!q) continue;
    if (c.what === 'reject') q.rejects.push({ reason: c.label ?? '(none)', count: c.n });
    else if (c.what === 'runs') q.runs = c.n;
    else if (c.what === 'failed_runs') q.failedRuns = c.n;
  }
  for (const q of result.values()) q.rejects.sort((a, b) => b.count - a.count || (a.reason < b.reason ? -1 : 1));
  return result;
}

/** The collector's usual snapshot interval per source over a window (median gap between snapshot instants). */
export async function querySnapshotIntervals(db: SqlReader, from: number, to: number): Promise<number[]> {
  const rows = await db.all<{ source: string; interval_ms: number | null; n: number }>(
    readSql(import.meta.url, 'snapshotInterval.sql'),
    { from: new Date(from), to: new Date(to) },
  );
  return rows.filter((r) => r.interval_ms !== null && r.interval_ms > 0 && r.n >= 3).map((r) => r.interval_ms!);
}
