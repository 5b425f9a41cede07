-- A malformed record seen again (every full scan meets it) is recorded once per key and reason.
INSERT INTO rejects
SELECT s.* FROM collect_rejects_stage s
WHERE NOT EXISTS (SELECT 1 FROM rejects r WHERE r.source = s.source AND r.key = s.key AND r.reason = s.reason);
