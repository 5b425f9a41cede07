SELECT * FROM mail_notices WHERE status = 'queued' AND in_flight_since IS NULL ORDER BY created_at, notice_key
