SELECT run_id, job, trigger, scheduled_at, started_at, finished_at, status, summary, error_code, error_message
FROM run_log
ORDER BY started_at, run_id
