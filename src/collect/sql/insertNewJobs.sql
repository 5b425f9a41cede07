-- Jobs the warehouse has never seen, found by an anti-join on the key: a hash join whose small side is the unit,
-- so it runs in bounded memory however large jobs grows (080_jobs_without_index.sql says why there is no index).
-- Known jobs are left to replaceChangedJobs.sql.
INSERT INTO jobs SELECT s.* FROM collect_jobs_stage s ANTI JOIN jobs j USING (source, queue, job_id);
