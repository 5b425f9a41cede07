-- The most frequent pairs of models used by the same finished job (top 20 per span).
, pairs AS (
  SELECT j.finished_at AS t, a.model AS a, b.model AS b
  FROM (SELECT job_id, source, queue, finished_at, list_distinct(models) AS models FROM jobs, range_bounds
        WHERE finished_at >= rs AND finished_at < re AND status IN ('completed', 'failed') AND len(models) > 1) j,
       unnest(j.models) AS a(model), unnest(j.models) AS b(model)
  WHERE a.model < b.model
),
joined AS (
  SELECT sh.k, p.*
  FROM (SELECT p.*, hours.h FROM pairs p ASOF JOIN hours ON p.t >= hours.hs) p
  JOIN span_hours sh USING (h)
)
SELECT k, a, b, count(*)::INTEGER AS jobs
FROM joined
GROUP BY k, a, b
QUALIFY row_number() OVER (PARTITION BY k ORDER BY count(*) DESC, a, b) <= 20
