-- Converts the raw unit (createJobsStage.sql) into jobs rows: epoch milliseconds become instants by arithmetic,
-- which does not depend on the session's time zone, and the JSON model list becomes VARCHAR[].
INSERT INTO collect_jobs_stage
SELECT $source, queue, job_id, name, status, priority, machine_id, worker_id, attempts,
  TIMESTAMPTZ '1970-01-01 00:00:00+00' + to_microseconds(CAST(created_ms AS BIGINT) * 1000),
  TIMESTAMPTZ '1970-01-01 00:00:00+00' + to_microseconds(CAST(started_ms AS BIGINT) * 1000),
  TIMESTAMPTZ '1970-01-01 00:00:00+00' + to_microseconds(CAST(finished_ms AS BIGINT) * 1000),
  CAST(wait_ms AS BIGINT), CAST(run_ms AS BIGINT), error_type, error_message,
  from_json(models_json, '["VARCHAR"]'),
  TIMESTAMPTZ '1970-01-01 00:00:00+00' + to_microseconds(CAST($collected_at AS BIGINT) * 1000),
  service, workflow_id, error_reason
FROM collect_jobs_raw;
