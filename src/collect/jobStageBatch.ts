import { DOUBLE, INTEGER, VARCHAR } from '@duckdb/node-api';
import type { ColumnBatch } from '../warehouse/appendColumns.ts';
import type { JobRow } from './CollectUnit.ts';

/**
 * Column types of `collect_jobs_raw` (createJobsStage.sql), in its column order. Times and durations travel as
 * DOUBLE epoch milliseconds (exact for integers below 2^53, and written straight into a Float64Array) and the
 * model list as a JSON array; loadJobsStage.sql turns them into the warehouse's types.
 */
const TYPES = [
  VARCHAR, // queue
  VARCHAR, // job_id
  VARCHAR, // name
  VARCHAR, // status
  INTEGER, // priority
  VARCHAR, // machine_id
  VARCHAR, // worker_id
  INTEGER, // attempts
  DOUBLE, // created_ms
  DOUBLE, // started_ms
  DOUBLE, // finished_ms
  DOUBLE, // wait_ms
  DOUBLE, // run_ms
  VARCHAR, // error_type
  VARCHAR, // error_message
  VARCHAR, // models_json
  VARCHAR, // service
  VARCHAR, // workflow_id
  VARCHAR, // error_reason
];

/** A unit's job rows as the column batch that fills `collect_jobs_raw`. */
export function jobStageBatch(jobs: readonly JobRow[]): ColumnBatch {
  const n = jobs.length;
  const columns = TYPES.map(() => new Array<string | number | null>(n));
  for (let i = 0; i < n; i++) {
    const j = jobs[i]!;
    columns[0]![i] = j.queue;
    columns[1]![i] = j.job_id;
    columns[2]![i] = j.name;
    columns[3]![i] = j.status;
    columns[4]![i] = j.priority;
    columns[5]![i] = j.machine_id;
    columns[6]![i] = j.worker_id;
    columns[7]![i] = j.attempts;
    columns[8]![i] = j.created_at;
    columns[9]![i] = j.started_at;
    columns[10]![i] = j.finished_at;
    columns[11]![i] = j.wait_ms;
    columns[12]![i] = j.run_ms;
    columns[13]![i] = j.error_type;
    columns[14]![i] = j.error_message;
    columns[15]![i] = j.models.length === 0 ? '[]' : JSON.stringify(j.models);
    columns[16]![i] = j.service;
    columns[17]![i] = j.workflow_id;
    columns[18]![i] = j.error_reason;
  }
  return { types: TYPES, columns };
}
