-- Model downloads per span, by the time they ended (or started, when the end is unknown).
, raw AS (
  SELECT (epoch_ms(coalesce(finished_at, started_at)) - o) // $slot_ms AS slot, ok,
         greatest(coalesce(epoch_ms(finished_at) - epoch_ms(started_at), 0), 0) AS ms
  FROM model_downloads, range_bounds
  WHERE coalesce(finished_at, started_at) >= rs AND coalesce(finished_at, started_at) < re
),
placed AS (
  SELECT r.*, slots.h FROM raw r JOIN slots USING (slot)
)
SELECT sh.k, count(*)::INTEGER AS downloads, count(*) FILTER (WHERE ok)::INTEGER AS downloads_ok,
       sum(ms)::DOUBLE AS download_ms
FROM placed JOIN span_hours sh USING (h)
GROUP BY sh.k
