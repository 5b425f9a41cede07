UPDATE deliveries
SET attempts = attempts + 1, in_flight_since = $now, last_attempt_at = $now, bundle_revision = $bundle_revision, pdf_bytes = $pdf_bytes
WHERE kind = $kind AND report_id = $report_id AND recipient = $recipient AND generation = $generation
