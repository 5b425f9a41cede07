-- Per machine: share of its source's snapshot instants in which it was online, its GPU count, and the busy share
-- of its workers' online observations.
, snaps AS (
  SELECT m.source, m.taken_at, m.machine_id, m.gpu_count,
         coalesce(lower(m.phase), '') NOT IN ('shutdown', 'offline', 'disconnected', 'stopped') AS online, hours.h
  FROM (SELECT * FROM machine_snapshots, range_bounds WHERE taken_at >= rs AND taken_at < re) m
  ASOF JOIN hours ON m.taken_at >= hours.hs
),
snap_joined AS (
  SELECT sh.k, s.* FROM snaps s JOIN span_hours sh USING (h)
),
instants AS (
  SELECT k, source, count(DISTINCT taken_at) AS n FROM snap_joined GROUP BY k, source
),
machine_online AS (
  SELECT k, source, machine_id, count(DISTINCT taken_at) FILTER (WHERE online) AS online_n, max(gpu_count) AS gpus
  FROM snap_joined GROUP BY k, source, machine_id
),
workers AS (
  SELECT w.source, w.machine_id, lower(coalesce(w.status, '')) AS status, hours.h
  FROM (SELECT * FROM worker_snapshots, range_bounds WHERE taken_at >= rs AND taken_at < re AND machine_id IS NOT NULL) w
  ASOF JOIN hours ON w.taken_at >= hours.hs
),
worker_use AS (
  SELECT sh.k, source, machine_id,
         count(*) FILTER (WHERE status NOT IN ('offline', 'unknown', '')) AS online_obs,
         count(*) FILTER (WHERE status = 'busy') AS busy_obs
  FROM workers JOIN span_hours sh USING (h) GROUP BY sh.k, source, machine_id
)
SELECT coalesce(mo.k, wu.k) AS k, coalesce(mo.source, wu.source) AS source,
       coalesce(mo.machine_id, wu.machine_id) AS machine_id,
       (mo.online_n::DOUBLE / nullif(i.n, 0))::DOUBLE AS online_share, mo.gpus::INTEGER AS gpu_count,
       (wu.busy_obs::DOUBLE / nullif(wu.online_obs, 0))::DOUBLE AS utilization
FROM machine_online mo
JOIN instants i USING (k, source)
FULL JOIN worker_use wu ON wu.k = mo.k AND wu.source = mo.source AND wu.machine_id = mo.machine_id
