SELECT job, trigger, scheduled_at, started_at, finished_at, status, error_code, error_message
FROM run_log
WHERE status IN ('failed', 'timeout', 'interrupted') AND started_at >= $since
ORDER BY started_at DESC
LIMIT $limit
