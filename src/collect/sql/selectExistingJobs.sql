SELECT * FROM jobs WHERE source = $source AND queue = $queue AND job_id IN (SELECT unnest($ids::VARCHAR[]));
