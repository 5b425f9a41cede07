-- Final failures per span by error type and normalized message (ids, hex, quoted text and numbers replaced), with
-- the machines involved, and whether the same type and message occurred in the 28 days before the span.
, failed AS (
  SELECT source, machine_id, finished_at AS t, coalesce(nullif(trim(error_type), ''), 'unknown') AS error_type,
         left(trim(regexp_replace(regexp_replace(regexp_replace(regexp_replace(coalesce(error_message, ''),
           '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}', '<id>', 'g'),
           '"[^"]*"', '"<text>"', 'g'),
           '0x[0-9a-fA-F]+|[0-9a-fA-F]{16,}', '<hex>', 'g'),
           '[0-9]+([.][0-9]+)?', '<n>', 'g')), 160) AS message
  FROM jobs, range_bounds
  WHERE status = 'failed' AND finished_at >= rs - INTERVAL 28 DAY AND finished_at < re
),
current AS (
  SELECT sh.k, f.*
  FROM (SELECT f.*, hours.h FROM failed f ASOF JOIN hours ON f.t >= hours.hs) f
  JOIN span_hours sh USING (h)
),
prior AS (
  SELECT DISTINCT sp.k, f.error_type, f.message
  FROM spans sp JOIN failed f
    ON f.t >= make_timestamptz((sp.s - 28::BIGINT * 86400000) * 1000) AND f.t < make_timestamptz(sp.s * 1000)
)
SELECT c.k, c.error_type, c.message, count(*)::INTEGER AS n, count(DISTINCT c.machine_id)::INTEGER AS machines,
       (p.k IS NULL) AS is_new
FROM current c
LEFT JOIN prior p ON p.k = c.k AND p.error_type = c.error_type AND p.message = c.message
GROUP BY c.k, c.error_type, c.message, p.k
