UPDATE deliveries
SET status = 'failed', in_flight_since = NULL, last_error = $error, failed_at = $now, next_attempt_at = NULL
WHERE kind = $kind AND report_id = $report_id AND recipient = $recipient AND generation = $generation
