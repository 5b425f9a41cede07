import { LIST, VARCHAR, type DuckDBAppender } from '@duckdb/node-api';
import { timestampTZ } from './toDuckValue.ts';

export type ColumnWriter = (appender: DuckDBAppender, value: unknown) => void;

const varcharList = LIST(VARCHAR);

/**
 * One appender call per column type, chosen once per table rather than per value. The set is deliberately
 * small: the warehouse uses these types only, and an unknown one fails loudly at the first append.
 */
export function columnWriter(table: string, column: string, dataType: string): ColumnWriter {
  const write = writers[dataType];
  if (!write) throw new Error(`warehouse column ${table}.${column} has type ${dataType}, which append() cannot write`);
  return (appender, value) => {
    if (value === null) appender.appendNull();
    else if (value === undefined) appender.appendDefault();
    else write(appender, value);
  };
}

const writers: Record<string, ColumnWriter> = {
  VARCHAR: (a, v) => a.appendVarchar(String(v)),
  INTEGER: (a, v) => a.appendInteger(Number(v)),
  BIGINT: (a, v) => a.appendBigInt(BigInt(Math.round(Number(v)))),
  DOUBLE: (a, v) => a.appendDouble(Number(v)),
  BOOLEAN: (a, v) => a.appendBoolean(Boolean(v)),
  'TIMESTAMP WITH TIME ZONE': (a, v) => a.appendTimestampTZ(timestampTZ(v instanceof Date ? v.getTime() : Number(v))),
  'VARCHAR[]': (a, v) => a.appendList((v as unknown[]).map(String), varcharList),
};
