-- Known jobs whose row changed are replaced (one row per job, latest state). Rows read again unchanged are left
-- alone, so their collected_at stays as first written and the pass reports only real changes as "updated".
-- Run after insertNewJobs.sql: the rows it just inserted equal their stage rows and are not touched again.
CREATE OR REPLACE TEMP TABLE collect_jobs_changed AS
SELECT s.* FROM collect_jobs_stage s JOIN jobs j USING (source, queue, job_id)
WHERE s.name IS DISTINCT FROM j.name
   OR s.status IS DISTINCT FROM j.status
   OR s.priority IS DISTINCT FROM j.priority
   OR s.machine_id IS DISTINCT FROM j.machine_id
   OR s.worker_id IS DISTINCT FROM j.worker_id
   OR s.attempts IS DISTINCT FROM j.attempts
   OR s.created_at IS DISTINCT FROM j.created_at
   OR s.started_at IS DISTINCT FROM j.started_at
   OR s.finished_at IS DISTINCT FROM j.finished_at
   OR s.wait_ms IS DISTINCT FROM j.wait_ms
   OR s.run_ms IS DISTINCT FROM j.run_ms
   OR s.error_type IS DISTINCT FROM j.error_type
   OR s.error_message IS DISTINCT FROM j.error_message
   OR s.models IS DISTINCT FROM j.models
   OR s.service IS DISTINCT FROM j.service
   OR s.workflow_id IS DISTINCT FROM j.workflow_id
   OR s.error_reason IS DISTINCT FROM j.error_reason;
DELETE FROM jobs USING collect_jobs_changed c
WHERE jobs.source = c.source AND jobs.queue = c.queue AND jobs.job_id = c.job_id;
INSERT INTO jobs SELECT * FROM collect_jobs_changed;
