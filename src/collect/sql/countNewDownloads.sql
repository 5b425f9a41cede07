SELECT count(*) AS n FROM collect_downloads_stage s
WHERE NOT EXISTS (SELECT 1 FROM model_downloads d WHERE d.source = s.source AND d.event_id = s.event_id);
