-- Same rule as deliveries: a notice found in flight was possibly sent by the run that died; never send it twice.
UPDATE mail_notices
SET status = 'sent', sent_at = in_flight_since, in_flight_since = NULL, last_error = $note
WHERE in_flight_since IS NOT NULL
