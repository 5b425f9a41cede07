-- Jobs, and how many rows repeat a (source, queue, job_id) key. The key has no index (see
-- 080_jobs_without_index.sql): the collector keeps it unique, and this is where an operator can see that it does.
SELECT count(*) AS n, count(*) - count(DISTINCT (source, queue, job_id)) AS repeated FROM jobs;
