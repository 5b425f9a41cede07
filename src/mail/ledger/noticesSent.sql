UPDATE mail_notices
SET status = 'sent', in_flight_since = NULL, sent_at = $now, last_error = NULL
WHERE list_contains($keys, notice_key)
