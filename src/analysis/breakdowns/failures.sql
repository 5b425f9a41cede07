-- Final failures per span by error type and normalized message (ids, hex, quoted text and numbers replaced), with
-- the machines involved, and whether the same type and message occurred in the 28 days before the span (new) or in
-- the 28 to 7 days before it (not recent).
, failed AS (
  SELECT source, machine_id, finished_at AS t, (epoch_ms(finished_at) - o) // $slot_ms AS slot,
         coalesce(nullif(trim(error_type), ''), 'unknown') AS error_type,
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
  FROM (SELECT f.*, slots.h FROM failed f JOIN slots USING (slot)) f
  JOIN span_hours sh USING (h)
),
prior AS (
  SELECT sp.k, f.error_type, f.message, min(f.t) AS first_prior
  FROM spans sp JOIN failed f
    ON f.t >= make_timestamptz((sp.s - 28::BIGINT * 86400000) * 1000) AND f.t < make_timestamptz(sp.s * 1000)
  GROUP BY sp.k, f.error_type, f.message
)
SELECT c.k, c.error_type, c.message, count(*)::INTEGER AS n, count(DISTINCT c.machine_id)::INTEGER AS machines,
       (p.k IS NULL) AS is_new,
       -- Recent: first seen at most 7 days before the span (so a mode stays "new" for a week of daily reports).
       (p.k IS NULL OR epoch_ms(p.first_prior) >= sp.s - 7::BIGINT * 86400000) AS is_recent
FROM current c
JOIN spans sp ON sp.k = c.k
LEFT JOIN prior p ON p.k = c.k AND p.error_type = c.error_type AND p.message = c.message
GROUP BY c.k, c.error_type, c.message, p.k, p.first_prior, sp.s
