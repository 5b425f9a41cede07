SELECT kind, report_id, bundle_generated_at, status, bytes, failed_check, error, exported_at FROM pdf_exports
