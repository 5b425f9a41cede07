UPDATE deliveries
SET status = 'sent', in_flight_since = NULL, confirmed = true, smtp_response = $response, sent_at = $now, last_error = NULL, next_attempt_at = NULL
WHERE kind = $kind AND report_id = $report_id AND recipient = $recipient AND generation = $generation
