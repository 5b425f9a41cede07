-- One writer at a time (the warehouse lock), so a run still marked running was killed before it could finish.
UPDATE collection_runs
SET status = 'failed', finished_at = $now, error = 'interrupted: the collector stopped before finishing this run'
WHERE source = $source AND status = 'running';
