-- Loads a unit's job rows from the newline-delimited JSON file the session wrote ($file): DuckDB parses it on its
-- own threads, much faster than appending value by value from JavaScript. Times travel as epoch milliseconds and
-- become instants by arithmetic, which does not depend on the session's time zone.
INSERT INTO collect_jobs_stage
SELECT source, queue, job_id, name, status, priority, machine_id, worker_id, attempts,
  TIMESTAMPTZ '1970-01-01 00:00:00+00' + to_microseconds(created_at * 1000),
  TIMESTAMPTZ '1970-01-01 00:00:00+00' + to_microseconds(started_at * 1000),
  TIMESTAMPTZ '1970-01-01 00:00:00+00' + to_microseconds(finished_at * 1000),
  wait_ms, run_ms, error_type, error_message, models,
  TIMESTAMPTZ '1970-01-01 00:00:00+00' + to_microseconds(collected_at * 1000),
  service, workflow_id, error_reason
FROM read_json($file, format = 'newline_delimited', columns = {
  source: 'VARCHAR', queue: 'VARCHAR', job_id: 'VARCHAR', name: 'VARCHAR', status: 'VARCHAR', priority: 'INTEGER',
  machine_id: 'VARCHAR', worker_id: 'VARCHAR', attempts: 'INTEGER', created_at: 'BIGINT', started_at: 'BIGINT',
  finished_at: 'BIGINT', wait_ms: 'BIGINT', run_ms: 'BIGINT', error_type: 'VARCHAR', error_message: 'VARCHAR',
  models: 'VARCHAR[]', collected_at: 'BIGINT', service: 'VARCHAR', workflow_id: 'VARCHAR', error_reason: 'VARCHAR'
});
