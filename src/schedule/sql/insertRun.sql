INSERT INTO run_log (run_id, job, trigger, scheduled_at, started_at, finished_at, status, summary, error_code, error_message, pid, host)
VALUES ($run_id, $job, $trigger, $scheduled_at, $started_at, $finished_at, $status, $summary, $error_code, $error_message, $pid, $host)
