-- Model usage by finished jobs: per model (jobs, machines), per machine and model, per pool (of the job's own run
-- time, completed jobs) and model. Uses are counted per hour bucket before fan-out.
, used AS (
  SELECT slots.h, u.model, u.machine_id, u.pool, count(*) AS jobs
  FROM (SELECT (epoch_ms(finished_at) - o) // $slot_ms AS slot, machine_id, unnest(models) AS model,
               CASE WHEN status <> 'completed' THEN NULL
                    WHEN coalesce(run_ms, CASE WHEN finished_at >= started_at THEN epoch_ms(finished_at) - epoch_ms(started_at) END) < $fast_max_ms THEN 'fast'
                    WHEN coalesce(run_ms, CASE WHEN finished_at >= started_at THEN epoch_ms(finished_at) - epoch_ms(started_at) END) <= $standard_max_ms
                      THEN 'standard'
                    ELSE 'heavy' END AS pool
        FROM jobs, range_bounds
        WHERE finished_at >= rs AND finished_at < re AND status IN ('completed', 'failed') AND len(models) > 0) u
  JOIN slots USING (slot)
  GROUP BY slots.h, u.model, u.machine_id, u.pool
),
joined AS (
  SELECT sh.k, u.* FROM used u JOIN span_hours sh USING (h)
)
SELECT k, model, machine_id, pool, grouping(machine_id)::INTEGER AS no_machine, grouping(pool)::INTEGER AS no_pool,
       sum(jobs)::INTEGER AS jobs, count(DISTINCT machine_id)::INTEGER AS machines
FROM joined
GROUP BY GROUPING SETS ((k, model), (k, machine_id, model), (k, pool, model))
