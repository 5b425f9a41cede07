INSERT INTO collection_runs (run_id, source, layout, started_at, status) VALUES ($runId, $source, $layout, $startedAt, 'running');
