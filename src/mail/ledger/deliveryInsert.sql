INSERT INTO deliveries (kind, report_id, recipient, generation, reason, status, attempts, message_id, bundle_revision, attach_pdf, queued_at)
VALUES ($kind, $report_id, $recipient, $generation, $reason, 'queued', 0, $message_id, $bundle_revision, $attach_pdf, $now)
