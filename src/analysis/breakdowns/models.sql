-- Model usage by finished jobs: per model (jobs, machines), per machine and model, per pool (of the job's own run
-- time, completed jobs) and model.
, used AS (
  SELECT source, machine_id, finished_at AS t, unnest(models) AS model,
         CASE WHEN status <> 'completed' THEN NULL
              WHEN coalesce(run_ms, epoch_ms(finished_at) - epoch_ms(started_at)) < $fast_max_ms THEN 'fast'
              WHEN coalesce(run_ms, epoch_ms(finished_at) - epoch_ms(started_at)) <= $standard_max_ms THEN 'standard'
              ELSE 'heavy' END AS pool
  FROM jobs, range_bounds
  WHERE finished_at >= rs AND finished_at < re AND status IN ('completed', 'failed') AND len(models) > 0
),
joined AS (
  SELECT sh.k, u.*
  FROM (SELECT u.*, hours.h FROM used u ASOF JOIN hours ON u.t >= hours.hs) u
  JOIN span_hours sh USING (h)
)
SELECT k, model, machine_id, pool, grouping(machine_id)::INTEGER AS no_machine, grouping(pool)::INTEGER AS no_pool,
       count(*)::INTEGER AS jobs, count(DISTINCT machine_id)::INTEGER AS machines
FROM joined
GROUP BY GROUPING SETS ((k, model), (k, machine_id, model), (k, pool, model))
