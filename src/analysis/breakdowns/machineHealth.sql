-- Per machine: share of its source's snapshot instants in which it was online, its GPU count, and the busy share
-- of its workers' online observations. Snapshots are reduced per machine and hour bucket before fan-out.
, snaps AS (
  SELECT m.source, m.machine_id, m.taken_at, m.gpu_count,
         coalesce(lower(m.phase), '') NOT IN ('shutdown', 'offline', 'disconnected', 'stopped') AS online, slots.h
  FROM (SELECT *, (epoch_ms(taken_at) - o) // $slot_ms AS slot
        FROM machine_snapshots, range_bounds WHERE taken_at >= rs AND taken_at < re) m
  JOIN slots USING (slot)
),
instants AS (
  SELECT sh.k, source, sum(n) AS n
  FROM (SELECT source, h, count(DISTINCT taken_at) AS n FROM snaps GROUP BY source, h) x
  JOIN span_hours sh USING (h) GROUP BY sh.k, source
),
machine_online AS (
  SELECT sh.k, source, machine_id, sum(online_n) AS online_n, max(gpus) AS gpus
  FROM (SELECT source, machine_id, h, count(DISTINCT taken_at) FILTER (WHERE online) AS online_n,
               max(gpu_count) AS gpus
        FROM snaps GROUP BY source, machine_id, h) x
  JOIN span_hours sh USING (h) GROUP BY sh.k, source, machine_id
),
workers AS (
  SELECT w.source, w.machine_id, slots.h,
         count(*) FILTER (WHERE lower(coalesce(w.status, '')) NOT IN ('offline', 'unknown', '')) AS online_obs,
         count(*) FILTER (WHERE lower(coalesce(w.status, '')) = 'busy') AS busy_obs
  FROM (SELECT *, (epoch_ms(taken_at) - o) // $slot_ms AS slot
        FROM worker_snapshots, range_bounds WHERE taken_at >= rs AND taken_at < re AND machine_id IS NOT NULL) w
  JOIN slots USING (slot)
  GROUP BY w.source, w.machine_id, slots.h
),
worker_use AS (
  SELECT sh.k, source, machine_id, sum(online_obs) AS online_obs, sum(busy_obs) AS busy_obs
  FROM workers JOIN span_hours sh USING (h) GROUP BY sh.k, source, machine_id
)
SELECT coalesce(mo.k, wu.k) AS k, coalesce(mo.source, wu.source) AS source,
       coalesce(mo.machine_id, wu.machine_id) AS machine_id,
       (mo.online_n::DOUBLE / nullif(i.n, 0))::DOUBLE AS online_share, mo.gpus::INTEGER AS gpu_count,
       (wu.busy_obs::DOUBLE / nullif(wu.online_obs, 0))::DOUBLE AS utilization
FROM machine_online mo
JOIN instants i USING (k, source)
FULL JOIN worker_use wu ON wu.k = mo.k AND wu.source = mo.source AND wu.machine_id = mo.machine_id
