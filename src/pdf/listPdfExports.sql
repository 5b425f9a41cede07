-- What was last exported per report, to decide what needs exporting again.
SELECT kind, report_id, status, epoch_ms(bundle_generated_at) AS bundle_ms, path
FROM pdf_exports;
