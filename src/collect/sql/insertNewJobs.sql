-- Jobs the warehouse has never seen: a plain insert (the common case of a catch-up).
INSERT INTO jobs SELECT s.* FROM collect_jobs_stage s ANTI JOIN jobs j USING (source, queue, job_id);
