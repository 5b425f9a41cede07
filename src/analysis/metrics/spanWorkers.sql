-- Worker utilization per span: busy observations over observations of workers that were online (idle or busy),
-- and the mean number of online workers per snapshot instant (summed over sources). One row per instant is
-- fanned out to spans.
, instants AS (
  SELECT i.*, slots.h
  FROM (SELECT source, taken_at, (epoch_ms(taken_at) - o) // $slot_ms AS slot,
               count(*) FILTER (WHERE lower(coalesce(status, '')) NOT IN ('offline', 'unknown', '')) AS online,
               count(*) FILTER (WHERE lower(coalesce(status, '')) = 'busy') AS busy
        FROM worker_snapshots, range_bounds
        WHERE taken_at >= rs AND taken_at < re
        GROUP BY source, taken_at, slot) i
  JOIN slots USING (slot)
),
per_source AS (
  SELECT sh.k, source, avg(online) AS avg_online, sum(online) AS online_obs, sum(busy) AS busy_obs
  FROM instants JOIN span_hours sh USING (h) GROUP BY sh.k, source
)
SELECT k, sum(avg_online)::DOUBLE AS workers_online_avg, sum(online_obs)::INTEGER AS worker_obs,
       sum(busy_obs)::INTEGER AS busy_obs
FROM per_source
GROUP BY k
