INSERT INTO mail_subscribers (recipient, kind, since) VALUES ($recipient, $kind, $now) ON CONFLICT DO NOTHING
