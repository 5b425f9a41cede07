-- Called by a process that holds the warehouse lock: no other process can be running a job, so any row still
-- 'running' belongs to a process that died or was killed.
UPDATE run_log
SET status = 'interrupted', finished_at = $now, error_code = 'RunInterrupted',
    error_message = 'The process running this job stopped before the job finished (killed, crashed or forced to exit).'
WHERE status = 'running'
RETURNING run_id, job
