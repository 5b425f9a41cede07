INSERT OR REPLACE INTO pdf_export_attempts
  (run_id, kind, report_id, bundle_generated_at, status, failed_check, error, checks, attempts, bytes, pages,
   render_ms, finished_at)
VALUES
  ($run_id, $kind, $report_id, $bundle_generated_at, $status, $failed_check, $error, $checks, $attempts, $bytes,
   $pages, $render_ms, $finished_at);
