UPDATE deliveries
SET status = 'queued', in_flight_since = NULL, last_error = $error, next_attempt_at = $next_attempt_at
WHERE kind = $kind AND report_id = $report_id AND recipient = $recipient AND generation = $generation
