-- Model downloads per span by model and by machine: attempts, failures, time spent and bytes; and the failing
-- (model, error) pairs.
, raw AS (
  SELECT (epoch_ms(coalesce(finished_at, started_at)) - o) // $slot_ms AS slot, model, coalesce(machine_id, '(unknown)') AS machine_id, ok,
         CASE WHEN ok THEN NULL ELSE coalesce(nullif(trim(error), ''), 'unknown error') END AS error,
         greatest(coalesce(epoch_ms(finished_at) - epoch_ms(started_at), 0), 0) AS ms, coalesce(bytes, 0) AS bytes
  FROM model_downloads, range_bounds
  WHERE coalesce(finished_at, started_at) >= rs AND coalesce(finished_at, started_at) < re
),
joined AS (
  SELECT sh.k, r.*
  FROM (SELECT r.*, slots.h FROM raw r JOIN slots USING (slot)) r
  JOIN span_hours sh USING (h)
)
SELECT k, model, machine_id, CASE WHEN grouping(error) = 0 THEN error END AS error,
       grouping(model)::INTEGER AS no_model, grouping(machine_id)::INTEGER AS no_machine,
       grouping(error)::INTEGER AS no_error,
       count(*)::INTEGER AS attempts, count(*) FILTER (WHERE NOT ok)::INTEGER AS failures,
       sum(ms)::DOUBLE AS total_ms, sum(bytes)::DOUBLE AS bytes
FROM joined
GROUP BY GROUPING SETS ((k, model), (k, machine_id), (k, model, error))
