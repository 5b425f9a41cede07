-- Machines online per span from machine snapshots: the mean and minimum over snapshot instants of the machines not
-- shut down (summed over sources), and the distinct machines seen (for the online share). Rows are reduced to one
-- per instant and one per machine and hour before they are fanned out to spans.
, raw AS (
  SELECT source, taken_at, (epoch_ms(taken_at) - o) // $slot_ms AS slot, machine_id,
         coalesce(lower(phase), '') NOT IN ('shutdown', 'offline', 'disconnected', 'stopped') AS online
  FROM machine_snapshots, range_bounds
  WHERE taken_at >= rs AND taken_at < re
),
instants AS (
  SELECT i.*, slots.h
  FROM (SELECT source, taken_at, slot, count(DISTINCT machine_id) FILTER (WHERE online) AS online
        FROM raw GROUP BY source, taken_at, slot) i
  JOIN slots USING (slot)
),
presence AS (
  SELECT DISTINCT p.source, p.machine_id, slots.h
  FROM raw p JOIN slots USING (slot)
),
per_source AS (
  SELECT sh.k, source, avg(online) AS avg_online, min(online) AS min_online, count(*) AS instants
  FROM instants JOIN span_hours sh USING (h) GROUP BY sh.k, source
),
seen AS (
  SELECT sh.k, source, count(DISTINCT machine_id) AS machines
  FROM presence JOIN span_hours sh USING (h) GROUP BY sh.k, source
)
SELECT k, sum(avg_online)::DOUBLE AS machines_online_avg, sum(min_online)::DOUBLE AS machines_online_min,
       sum(machines)::INTEGER AS machines_seen, sum(instants)::INTEGER AS machine_instants
FROM per_source JOIN seen USING (k, source)
GROUP BY k
