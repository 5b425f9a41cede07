-- The latest run of each job (skips included) and its latest successful run.
SELECT job, trigger, scheduled_at, started_at, finished_at, status, summary, error_code, error_message,
       (SELECT max(started_at) FROM run_log ok WHERE ok.job = r.job AND ok.status = 'ok') AS last_ok_at
FROM run_log r
QUALIFY row_number() OVER (PARTITION BY job ORDER BY started_at DESC, finished_at DESC NULLS FIRST) = 1
