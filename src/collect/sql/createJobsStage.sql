-- A unit's job rows as JavaScript hands them over (see jobStageBatch.ts), and a macro reading them in the jobs
-- table's types. The table is replaced for every unit rather than emptied: DuckDB keeps a deleted temp row's memory
-- until the table goes away, so emptying would make a long catch-up's memory grow with the backlog.
CREATE OR REPLACE TEMP TABLE collect_jobs_raw (
  queue VARCHAR, job_id VARCHAR, name VARCHAR, status VARCHAR, priority INTEGER, machine_id VARCHAR,
  worker_id VARCHAR, attempts INTEGER, created_ms DOUBLE, started_ms DOUBLE, finished_ms DOUBLE, wait_ms DOUBLE,
  run_ms DOUBLE, error_type VARCHAR, error_message VARCHAR, models_json VARCHAR, service VARCHAR,
  workflow_id VARCHAR, error_reason VARCHAR
);
-- The raw unit as jobs rows: epoch milliseconds become instants by arithmetic, which does not
-- depend on the session's time zone, and the JSON model list becomes VARCHAR[]. A macro, so that new jobs can be
-- inserted straight from the raw unit and only a unit holding known jobs is staged (loadJobsStage.sql). Its
-- columns are those of jobs, in order. It binds to the raw table, so it is made after it.
CREATE OR REPLACE TEMP MACRO collect_jobs_converted(src, collected_ms) AS TABLE
SELECT CAST(src AS VARCHAR) AS source, queue, job_id, name, status, priority, machine_id, worker_id, attempts,
  TIMESTAMPTZ '1970-01-01 00:00:00+00' + to_microseconds(CAST(created_ms AS BIGINT) * 1000) AS created_at,
  TIMESTAMPTZ '1970-01-01 00:00:00+00' + to_microseconds(CAST(started_ms AS BIGINT) * 1000) AS started_at,
  TIMESTAMPTZ '1970-01-01 00:00:00+00' + to_microseconds(CAST(finished_ms AS BIGINT) * 1000) AS finished_at,
  CAST(wait_ms AS BIGINT) AS wait_ms, CAST(run_ms AS BIGINT) AS run_ms, error_type, error_message,
  from_json(models_json, '["VARCHAR"]') AS models,
  TIMESTAMPTZ '1970-01-01 00:00:00+00' + to_microseconds(CAST(collected_ms AS BIGINT) * 1000) AS collected_at,
  service, workflow_id, error_reason
FROM collect_jobs_raw;
