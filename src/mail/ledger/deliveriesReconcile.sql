-- A row still in flight when a run starts belongs to a run that died during the SMTP exchange (the warehouse lock
-- rules out a live one). The server may have accepted the message, so it counts as sent, unconfirmed.
UPDATE deliveries
SET status = 'sent', confirmed = false, sent_at = in_flight_since, in_flight_since = NULL, last_error = $note, next_attempt_at = NULL
WHERE in_flight_since IS NOT NULL
