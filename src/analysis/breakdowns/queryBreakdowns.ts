import type { SqlReader } from '../SqlReader.ts';
import type { PoolBounds } from '../metrics/querySpanMetrics.ts';
import { runSpanQuery } from '../metrics/spanSql.ts';
import type { SpanPlan, SpanRef } from '../plan/SpanPlan.ts';
import { emptyBreakdownRows, type BreakdownRows } from './BreakdownRows.ts';

const bodies = {
  jobTypes: 'jobTypes.sql',
  machines: 'machines.sql',
  machineHealth: 'machineHealth.sql',
  failures: 'failures.sql',
  models: 'models.sql',
  modelPairs: 'modelPairs.sql',
  downloads: 'downloads.sql',
} as const;

/** Runs the breakdown queries for the report periods themselves (not their comparison spans), all spans at once. */
export async function queryBreakdowns(
  db: SqlReader,
  plan: SpanPlan,
  spans: readonly SpanRef[],
  pools: PoolBounds,
): Promise<Map<string, BreakdownRows>> {
  const result = new Map<string, BreakdownRows>(spans.map((s) => [s.key, emptyBreakdownRows()]));
  if (spans.length === 0) return result;
  const params = { ...plan.params(spans), fast_max_ms: pools.fastMaxMs, standard_max_ms: pools.standardMaxMs };
  // Every query starts at once; a pooled reader runs as many together as it has connections (see ReaderPool).
  const families = (Object.entries(bodies) as [keyof typeof bodies, string][]).map(
    ([field, file]) => [field, runSpanQuery<{ k: string }>(db, plan, import.meta.url, file, params)] as const,
  );
  const pendingLate = runSpanQuery<{ k: string; late: number }>(
    db,
    plan,
    import.meta.url,
    '../quality/qualityLate.sql',
    params,
  );
  // All settle before any result is used or any failure thrown, so no query still runs when the caller closes
  // the connections.
  await Promise.allSettled([...families.map(([, promise]) => promise), pendingLate]);
  for (const [field, pending] of families) {
    for (const row of await pending) {
      const bucket = result.get(row.k);
      if (bucket) (bucket[field] as unknown[]).push(row);
    }
  }
  for (const row of await pendingLate) {
    const bucket = result.get(row.k);
    if (bucket) bucket.lateRows = row.late;
  }
  return result;
}
