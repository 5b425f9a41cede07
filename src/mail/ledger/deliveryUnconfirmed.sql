-- No reply after the whole message was sent: the server may have accepted it, so it counts as sent (at most once).
UPDATE deliveries
SET status = 'sent', confirmed = false, in_flight_since = NULL, sent_at = $now, last_error = $error, next_attempt_at = NULL
WHERE kind = $kind AND report_id = $report_id AND recipient = $recipient AND generation = $generation
