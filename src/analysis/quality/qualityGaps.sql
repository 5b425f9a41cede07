-- Coverage gaps overlapping each target span ($targets: JSON array of {k, s, e} in epoch ms).
WITH targets AS (
  SELECT unnest(json_transform($targets::JSON, '[{"k":"VARCHAR","s":"BIGINT","e":"BIGINT"}]'), recursive := true)
)
SELECT t.k, g.source, g.queue,
       greatest(epoch_ms(coalesce(g.gap_from, make_timestamptz(t.s * 1000))), t.s)::DOUBLE AS gap_from,
       least(epoch_ms(coalesce(g.gap_to, make_timestamptz(t.e * 1000))), t.e)::DOUBLE AS gap_to,
       g.reason
FROM targets t
JOIN coverage_gaps g
  ON coalesce(g.gap_from, make_timestamptz(0)) < make_timestamptz(t.e * 1000)
 AND coalesce(g.gap_to, make_timestamptz(t.e * 1000)) > make_timestamptz(t.s * 1000)
ORDER BY t.k, gap_from, g.source, g.queue
