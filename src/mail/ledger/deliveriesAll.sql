SELECT * FROM deliveries ORDER BY queued_at, kind, report_id, recipient, generation
