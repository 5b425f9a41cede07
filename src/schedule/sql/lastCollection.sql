SELECT source, max(finished_at) AS last_ok_at
FROM collection_runs
WHERE status = 'ok'
GROUP BY source
ORDER BY source
