INSERT INTO pdf_export_runs (run_id, started_at, status, requested, browser)
VALUES ($run_id, $started_at, 'running', $requested, $browser);
