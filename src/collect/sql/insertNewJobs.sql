-- Jobs the warehouse has never seen, found by an anti-join on the key: a hash join whose small side is the unit,
-- so it runs in bounded memory however large jobs grows (080_jobs_without_index.sql says why there is no index).
-- Straight from the raw unit, so that a catch-up of new jobs never materializes the stage. Known jobs are left to
-- replaceChangedJobs.sql.
INSERT INTO jobs
SELECT c.* FROM collect_jobs_converted($source, $collected_at) c ANTI JOIN jobs j USING (source, queue, job_id);
