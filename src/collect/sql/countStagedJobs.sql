SELECT count(*) FILTER (WHERE j.job_id IS NULL) AS new_jobs, count(j.job_id) AS updated_jobs
FROM collect_jobs_stage s LEFT JOIN jobs j USING (source, queue, job_id);
