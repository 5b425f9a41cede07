-- The most frequent pairs of models used by the same finished job (top 20 per span), counted per hour bucket
-- before fan-out.
, pairs AS (
  SELECT slots.h, p.a, p.b, count(*) AS jobs
  FROM (SELECT j.slot, a.model AS a, b.model AS b
        FROM (SELECT (epoch_ms(finished_at) - o) // $slot_ms AS slot, list_distinct(models) AS models
              FROM jobs, range_bounds
              WHERE finished_at >= rs AND finished_at < re AND status IN ('completed', 'failed') AND len(models) > 1) j,
             unnest(j.models) AS a(model), unnest(j.models) AS b(model)
        WHERE a.model < b.model) p
  JOIN slots USING (slot)
  GROUP BY slots.h, p.a, p.b
)
SELECT sh.k, a, b, sum(jobs)::INTEGER AS jobs
FROM pairs JOIN span_hours sh USING (h)
GROUP BY sh.k, a, b
QUALIFY row_number() OVER (PARTITION BY sh.k ORDER BY sum(jobs) DESC, a, b) <= 20
