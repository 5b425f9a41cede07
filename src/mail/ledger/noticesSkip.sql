UPDATE mail_notices
SET status = 'skipped', last_error = 'no owner address is configured (email.owner)'
WHERE status = 'queued' AND in_flight_since IS NULL
