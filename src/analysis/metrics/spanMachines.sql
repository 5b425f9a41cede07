-- Machines online per span from machine snapshots: the mean and minimum over snapshot instants of the machines not
-- shut down, summed over sources, and the distinct machines seen (for the online share).
, raw AS (
  SELECT source, taken_at, machine_id,
         coalesce(lower(phase), '') NOT IN ('shutdown', 'offline', 'disconnected', 'stopped') AS online
  FROM machine_snapshots, range_bounds
  WHERE taken_at >= rs AND taken_at < re
),
placed AS (
  SELECT r.*, hours.h FROM raw r ASOF JOIN hours ON r.taken_at >= hours.hs
),
joined AS (
  SELECT sh.k, p.* FROM placed p JOIN span_hours sh USING (h)
),
per_instant AS (
  SELECT k, source, taken_at, count(DISTINCT machine_id) FILTER (WHERE online) AS online
  FROM joined GROUP BY k, source, taken_at
),
per_source AS (
  SELECT k, source, avg(online) AS avg_online, min(online) AS min_online, count(*) AS instants
  FROM per_instant GROUP BY k, source
),
seen AS (
  SELECT k, source, count(DISTINCT machine_id) AS machines FROM joined GROUP BY k, source
)
SELECT k, sum(avg_online)::DOUBLE AS machines_online_avg, sum(min_online)::DOUBLE AS machines_online_min,
       sum(machines)::INTEGER AS machines_seen, sum(instants)::INTEGER AS machine_instants
FROM per_source JOIN seen USING (k, source)
GROUP BY k
