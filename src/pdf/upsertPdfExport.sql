-- The latest export attempt per report (the contract mail reads).
INSERT OR REPLACE INTO pdf_exports
  (kind, report_id, bundle_generated_at, status, path, bytes, pages, failed_check, error, exported_at)
VALUES
  ($kind, $report_id, $bundle_generated_at, $status, $path, $bytes, $pages, $failed_check, $error, $exported_at);
