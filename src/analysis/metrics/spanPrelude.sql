-- Shared head of every span query. $hours: JSON array of hour-bucket boundaries (epoch ms, ascending; the last
-- one ends the range). $spans: JSON array of {k, h0, h1, s, e}, each span being the buckets h0 <= h < h1, which
-- start at s and end at e (epoch ms).
-- Rows are placed in their bucket with an ASOF join (one pass), then fanned out to every span holding that
-- bucket with an equi-join, so all periods are aggregated together instead of one query per period.
WITH bounds AS MATERIALIZED (
  SELECT json_transform($hours::JSON, '["BIGINT"]') AS b
),
hours AS MATERIALIZED (
  SELECT (i - 1)::INTEGER AS h, make_timestamptz(b[i] * 1000) AS hs
  FROM (SELECT b, generate_subscripts(b, 1) AS i FROM bounds)
  WHERE i < len(b)
),
range_bounds AS MATERIALIZED (
  SELECT make_timestamptz(b[1] * 1000) AS rs, make_timestamptz(b[len(b)] * 1000) AS re FROM bounds
),
spans AS MATERIALIZED (
  SELECT unnest(json_transform($spans::JSON, '[{"k":"VARCHAR","h0":"INTEGER","h1":"INTEGER","s":"BIGINT","e":"BIGINT"}]'), recursive := true)
),
span_hours AS MATERIALIZED (
  SELECT k, unnest(range(h0, h1)) AS h FROM spans
)
