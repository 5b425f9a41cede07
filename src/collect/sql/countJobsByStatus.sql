SELECT count(*) AS n FROM jobs WHERE source = $source AND queue = $queue AND status = $status;
