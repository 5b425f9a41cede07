import { readSql } from '../../warehouse/readSql.ts';
import type { SqlReader } from '../SqlReader.ts';
import type { SpanPlan } from '../plan/SpanPlan.ts';

/**
 * Runs a span query: the shared prelude (hour buckets, spans) followed by one metric family's body, a `.sql` file
 * next to `moduleUrl`. Only the parameters the statement mentions are bound (DuckDB rejects unused names). The SQL
 * numbers spans (`k` is the span's id in `plan`); rows come back with `k` turned into the span's key.
 */
export async function runSpanQuery<T>(
  db: SqlReader,
  plan: SpanPlan,
  moduleUrl: string,
  body: string,
  params: Record<string, unknown>,
): Promise<T[]> {
  const sql = `${readSql(import.meta.url, 'spanPrelude.sql')}\n${readSql(moduleUrl, body)}`;
  const rows = await db.all<T & { k?: unknown }>(sql, boundParams(sql, params));
  for (const row of rows) if (typeof row.k === 'number') row.k = plan.keyOf(row.k);
  return rows;
}

export function boundParams(sql: string, params: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(params).filter(([name]) => new RegExp(`\\$${name}\\b`).test(sql)));
}
