UPDATE mail_notices
SET status = 'failed', in_flight_since = NULL, last_error = $error
WHERE list_contains($keys, notice_key)
