import { readSql } from '../../warehouse/readSql.ts';
import type { SqlReader } from '../SqlReader.ts';

/**
 * Runs a span query: the shared prelude (hour buckets, spans) followed by one metric family's body, a `.sql` file
 * next to `moduleUrl`. Only the parameters the statement mentions are bound (DuckDB rejects unused names).
 */
export function runSpanQuery<T>(
  db: SqlReader,
  moduleUrl: string,
  body: string,
  params: Record<string, unknown>,
): Promise<T[]> {
  const sql = `${readSql(import.meta.url, 'spanPrelude.sql')}\n${readSql(moduleUrl, body)}`;
  return db.all<T>(sql, boundParams(sql, params));
}

export function boundParams(sql: string, params: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(params).filter(([name]) => new RegExp(`\\$${name}\\b`).test(sql)));
}
