import { DuckDBDataChunk, type DuckDBConnection, type DuckDBType, type DuckDBValue } from '@duckdb/node-api';

/** DuckDB's vector size: a data chunk holds at most this many rows. */
const CHUNK_ROWS = 2048;

export interface ColumnBatch {
  /** One DuckDB type per column, in table order. */
  types: readonly DuckDBType[];
  /** One array per column, all of the same length; JS numbers for INTEGER and DOUBLE, strings for VARCHAR. */
  columns: readonly (readonly DuckDBValue[])[];
}

/**
 * Appends a column batch to a table in vector-sized data chunks. The row-wise Appender crosses into native code
 * once per value; a chunk writes numbers into typed arrays and crosses once per string, which is what lets a
 * backlog catch-up keep pace with Redis. The caller owns the transaction.
 */
export async function appendColumns(
  connection: DuckDBConnection,
  table: { name: string; schema?: string; catalog?: string },
  batch: ColumnBatch,
): Promise<number> {
  const rows = batch.columns[0]?.length ?? 0;
  if (rows === 0) return 0;
  const appender = await connection.createAppender(table.name, table.schema ?? null, table.catalog ?? null);
  try {
    for (let offset = 0; offset < rows; offset += CHUNK_ROWS) {
      const end = Math.min(rows, offset + CHUNK_ROWS);
      const chunk = DuckDBDataChunk.create(batch.types, end - offset);
      chunk.setColumns(batch.columns.map((column) => column.slice(offset, end)));
      appender.appendDataChunk(chunk);
    }
    appender.flushSync();
  } finally {
    appender.closeSync();
  }
  return rows;
}
