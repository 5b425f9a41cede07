UPDATE run_log
SET finished_at = $finished_at, status = $status, summary = $summary, error_code = $error_code, error_message = $error_message
WHERE run_id = $run_id
