INSERT INTO mail_notices (notice_key, problem, kind, report_id, recipient, detail, status, attempts, created_at)
VALUES ($notice_key, $problem, $kind, $report_id, $recipient, $detail, $status, 0, $now)
ON CONFLICT DO NOTHING
