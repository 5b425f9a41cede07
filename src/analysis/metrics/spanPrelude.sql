-- Shared head of every span query. $hours: JSON array of hour-bucket boundaries (epoch ms, ascending; the last
-- one ends the range). $spans: JSON array of {k, h0, h1, s, e}, each span (numbered k) being the buckets
-- h0 <= h < h1, which start at s and end at e (epoch ms). $slot_ms divides the length of every bucket.
-- Rows are placed in their bucket with an equi-join on their slot number (`JOIN slots ON slots.slot =
-- (epoch_ms(t) - o) // $slot_ms`, one hash probe per row: an ASOF join sorts every row with its payload and cost
-- ten times more), then fanned out to every span holding that bucket with an equi-join, so all periods are
-- aggregated together instead of one query per period.
WITH bounds AS MATERIALIZED (
  SELECT b, b[1] AS o
  FROM (SELECT json_transform($hours::JSON, '["BIGINT"]') AS b)
),
hours AS MATERIALIZED (
  SELECT (i - 1)::INTEGER AS h, b[i] AS hs, b[i + 1] AS he
  FROM bounds, range(1, len(b)) r(i)
),
-- Each bucket's slots; a slot never straddles a boundary because $slot_ms divides every bucket.
slots AS MATERIALIZED (
  SELECT h, unnest(range((hs - o) // $slot_ms, (he - o) // $slot_ms)) AS slot FROM hours, bounds
),
spans AS MATERIALIZED (
  SELECT unnest(json_transform($spans::JSON, '[{"k":"INTEGER","h0":"INTEGER","h1":"INTEGER","s":"BIGINT","e":"BIGINT"}]'), recursive := true)
),
-- The rows scanned: from the first to the last bucket of the spans asked for (all buckets when none are).
range_bounds AS MATERIALIZED (
  SELECT make_timestamptz(b[coalesce((SELECT min(h0) FROM spans), 0) + 1] * 1000) AS rs,
         make_timestamptz(b[coalesce((SELECT max(h1) FROM spans), len(b) - 1) + 1] * 1000) AS re, o
  FROM bounds
),
span_hours AS MATERIALIZED (
  SELECT k, unnest(range(h0, h1)) AS h FROM spans
)
