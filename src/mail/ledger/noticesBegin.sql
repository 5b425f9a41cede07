UPDATE mail_notices
SET attempts = attempts + 1, in_flight_since = $now, message_id = $message_id
WHERE list_contains($keys, notice_key)
