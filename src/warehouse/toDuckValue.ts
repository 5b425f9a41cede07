import { DuckDBTimestampTZValue, listValue, type DuckDBValue } from '@duckdb/node-api';

/** Converts a JS parameter to what DuckDB binds: Dates become TIMESTAMPTZ, arrays become lists. */
export function toDuckValue(value: unknown): DuckDBValue {
  if (value === undefined || value === null) return null;
  if (value instanceof Date) return timestampTZ(value.getTime());
  if (Array.isArray(value)) return listValue(value.map(toDuckValue));
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'bigint') return value;
  throw new TypeError(`cannot bind a ${typeof value} as a SQL parameter`);
}

export function timestampTZ(epochMs: number): DuckDBTimestampTZValue {
  return new DuckDBTimestampTZValue(BigInt(Math.round(epochMs * 1000)));
}
