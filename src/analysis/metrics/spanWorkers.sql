-- Worker utilization per span: busy observations over observations of workers that were online (idle or busy),
-- and the mean number of online workers per snapshot instant (summed over sources).
, raw AS (
  SELECT source, taken_at, worker_id, lower(coalesce(status, '')) AS status
  FROM worker_snapshots, range_bounds
  WHERE taken_at >= rs AND taken_at < re
),
placed AS (
  SELECT r.*, hours.h FROM raw r ASOF JOIN hours ON r.taken_at >= hours.hs
),
joined AS (
  SELECT sh.k, p.* FROM placed p JOIN span_hours sh USING (h)
),
per_instant AS (
  SELECT k, source, taken_at,
         count(*) FILTER (WHERE status NOT IN ('offline', 'unknown', '')) AS online,
         count(*) FILTER (WHERE status = 'busy') AS busy
  FROM joined GROUP BY k, source, taken_at
),
per_source AS (
  SELECT k, source, avg(online) AS avg_online, sum(online) AS online_obs, sum(busy) AS busy_obs
  FROM per_instant GROUP BY k, source
)
SELECT k, sum(avg_online)::DOUBLE AS workers_online_avg, sum(online_obs)::INTEGER AS worker_obs,
       sum(busy_obs)::INTEGER AS busy_obs
FROM per_source
GROUP BY k
