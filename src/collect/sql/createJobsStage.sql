-- A unit's job rows as JavaScript hands them over (see jobStageBatch.ts), and the same rows in the jobs table's
-- types. Both are replaced for every unit rather than emptied: DuckDB keeps a deleted temp row's memory until the
-- table goes away, so emptying would make a long catch-up's memory grow with the backlog.
CREATE OR REPLACE TEMP TABLE collect_jobs_raw (
  queue VARCHAR, job_id VARCHAR, name VARCHAR, status VARCHAR, priority INTEGER, machine_id VARCHAR,
  worker_id VARCHAR, attempts INTEGER, created_ms DOUBLE, started_ms DOUBLE, finished_ms DOUBLE, wait_ms DOUBLE,
  run_ms DOUBLE, error_type VARCHAR, error_message VARCHAR, models_json VARCHAR, service VARCHAR,
  workflow_id VARCHAR, error_reason VARCHAR
);
CREATE OR REPLACE TEMP TABLE collect_jobs_stage AS SELECT * FROM jobs LIMIT 0;
-- The raw unit as jobs rows: epoch milliseconds become instants by arithmetic, which does not
-- depend on the session's time zone, and the JSON model list becomes VARCHAR[]. A macro, so that new jobs can be
-- inserted straight from the raw unit and only a unit holding known jobs is staged (loadJobsStage.sql). It binds
-- to the raw table, so it is made after it.
CREATE OR REPLACE TEMP MACRO collect_jobs_converted(src, collected_ms) AS TABLE
SELECT src AS source, queue, job_id, name, status, priority, machine_id, worker_id, attempts,
  TIMESTAMPTZ '1970-01-01 00:00:00+00' + to_microseconds(CAST(created_ms AS BIGINT) * 1000),
  TIMESTAMPTZ '1970-01-01 00:00:00+00' + to_microseconds(CAST(started_ms AS BIGINT) * 1000),
  TIMESTAMPTZ '1970-01-01 00:00:00+00' + to_microseconds(CAST(finished_ms AS BIGINT) * 1000),
  CAST(wait_ms AS BIGINT), CAST(run_ms AS BIGINT), error_type, error_message,
  from_json(models_json, '["VARCHAR"]'),
  TIMESTAMPTZ '1970-01-01 00:00:00+00' + to_microseconds(CAST(collected_ms AS BIGINT) * 1000),
  service, workflow_id, error_reason
FROM collect_jobs_raw;
