-- When the latest successful run of a job started: a publish covers every period closed by then.
SELECT max(started_at) AS covered_at
FROM run_log
WHERE job = $job AND status = 'ok'
