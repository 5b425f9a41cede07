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
