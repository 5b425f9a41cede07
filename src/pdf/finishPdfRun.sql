UPDATE pdf_export_runs
SET finished_at = $finished_at, status = $status, passed = $passed, failed = $failed, relaunches = $relaunches,
    error = $error
WHERE run_id = $run_id;
