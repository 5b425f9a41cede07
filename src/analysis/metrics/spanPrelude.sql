-- Shared head of every span query. $hours: JSON array of hour-bucket boundaries (epoch ms, ascending; the last
-- one ends the range). $spans: JSON array of {k, h0, h1, s, e}, each span being the buckets h0 <= h < h1, which
-- start at s and end at e (epoch ms).
-- Rows are placed in their bucket with an ASOF join (one pass), then fanned out to every span holding that
-- bucket with an equi-join, so all periods are aggregated together instead of one query per period.
WITH bounds AS MATERIALIZED (
  SELECT json_transform($hours::JSON, '["BIGINT"]') AS b
),
hours AS MATERIALIZED (
  SELECT (i - 1)::INTEGER AS h, make_timestamptz(v * 1000) AS hs
  FROM (SELECT unnest(b) AS v, generate_subscripts(b, 1) AS i, len(b) AS n FROM bounds)
  WHERE i < n
),
spans AS MATERIALIZED (
  SELECT unnest(json_transform($spans::JSON, '[{"k":"VARCHAR","h0":"INTEGER","h1":"INTEGER","s":"BIGINT","e":"BIGINT"}]'), recursive := true)
),
-- The rows scanned: from the first to the last bucket of the spans asked for (all buckets when none are).
range_bounds AS MATERIALIZED (
  SELECT make_timestamptz(b[coalesce((SELECT min(h0) FROM spans), 0) + 1] * 1000) AS rs,
         make_timestamptz(b[coalesce((SELECT max(h1) FROM spans), len(b) - 1) + 1] * 1000) AS re
  FROM bounds
),
span_hours AS MATERIALIZED (
  SELECT k, unnest(range(h0, h1)) AS h FROM spans
)
