UPDATE mail_notices
SET status = 'queued', in_flight_since = NULL, last_error = $error
WHERE list_contains($keys, notice_key)
