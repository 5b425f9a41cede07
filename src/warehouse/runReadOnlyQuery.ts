import { StatementType } from '@duckdb/node-api';
import { AlmanacError } from '../errors/AlmanacError.ts';
import { errorMessage } from '../errors/errorMessage.ts';
import { toJsRow } from './toJsRow.ts';
import type { Row, Warehouse } from './Warehouse.ts';

export interface QueryResult {
  columns: string[];
  rows: Row[];
}

const allowed = new Set<number>([StatementType.SELECT, StatementType.EXPLAIN]);

/**
 * Runs one user-typed query. The warehouse is opened read-only (DuckDB refuses writes); on top of that only a
 * single SELECT/EXPLAIN (SHOW and DESCRIBE are SELECTs) is accepted, so COPY TO, ATTACH or SET cannot slip through.
 */
export async function runReadOnlyQuery(warehouse: Warehouse, sql: string): Promise<QueryResult> {
  let extracted;
  try {
    extracted = await warehouse.connection.extractStatements(sql);
  } catch (error) {
    throw queryError(error);
  }
  if (extracted.count !== 1) {
    throw new AlmanacError('QueryRejected', `Expected exactly one SQL statement, got ${extracted.count}.`, {
      hint: 'Run one query at a time: almanac sql "select ..."',
      exitCode: 2,
    });
  }
  try {
    const prepared = await extracted.prepare(0);
    if (!allowed.has(prepared.statementType)) {
      throw new AlmanacError('QueryRejected', 'Only queries may run here (SELECT, WITH, SHOW, DESCRIBE, EXPLAIN).', {
        hint: "The warehouse changes only through Almanac's own commands (collect, analyze, backfill).",
        exitCode: 2,
      });
    }
    const reader = await prepared.runAndReadAll();
    return { columns: reader.columnNames(), rows: reader.getRowObjectsJS().map(toJsRow) };
  } catch (error) {
    throw queryError(error);
  }
}

function queryError(error: unknown): unknown {
  if (error instanceof AlmanacError) return error;
  return new AlmanacError('QueryFailed', `The query failed: ${errorMessage(error)}`, {
    hint:
      'The core tables are jobs, queue_snapshots, worker_snapshots, machine_snapshots, model_downloads, ' +
      'collection_runs, coverage_gaps and rejects: try `almanac sql "show tables"`.',
    exitCode: 2,
    cause: error,
  });
}
