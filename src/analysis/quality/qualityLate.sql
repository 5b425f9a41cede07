-- Jobs finished in a span but collected more than an hour after the span ended (so an earlier analysis missed them).
, fin AS (
  SELECT finished_at AS t, collected_at
  FROM jobs, range_bounds
  WHERE finished_at >= rs AND finished_at < re AND status IN ('completed', 'failed', 'cancelled')
)
SELECT sh.k, count(*) FILTER (WHERE epoch_ms(f.collected_at) > sp.e + 3600000)::INTEGER AS late
FROM (SELECT f.*, hours.h FROM fin f ASOF JOIN hours ON f.t >= hours.hs) f
JOIN span_hours sh USING (h)
JOIN spans sp ON sp.k = sh.k
GROUP BY sh.k
