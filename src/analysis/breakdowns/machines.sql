-- Per machine, and per machine and pool of the job type: outcomes, p95 run time, the fleet's p95 for the same job
-- types (weighted by the machine's mix), and the mix-adjusted speed: the median over the machine's completed jobs
-- of run_ms / the fleet median for that job type (1 = typical). A job type's pool is the pool its p90 falls in.
-- Per-pool rows carry counts and that median only.
, fin AS (
  SELECT source, coalesce(service, queue) AS service, coalesce(name, '(unnamed)') AS job_type, machine_id, status,
         coalesce(run_ms, CASE WHEN finished_at >= started_at THEN epoch_ms(finished_at) - epoch_ms(started_at) END)
           AS run_ms,
         (epoch_ms(finished_at) - o) // $slot_ms AS slot
  FROM jobs, range_bounds
  WHERE finished_at >= rs AND finished_at < re AND status IN ('completed', 'failed') AND machine_id IS NOT NULL
),
placed AS (
  SELECT f.*, slots.h FROM fin f JOIN slots USING (slot)
),
joined AS (
  SELECT sh.k, p.* FROM placed p JOIN span_hours sh USING (h)
),
type_stats AS (
  SELECT k, source, service, job_type,
         median(run_ms) FILTER (WHERE status = 'completed' AND run_ms > 0) AS med,
         quantile_cont(run_ms, [0.9, 0.95]) FILTER (WHERE status = 'completed' AND run_ms >= 0) AS q
  FROM joined GROUP BY k, source, service, job_type
),
per_job AS (
  SELECT j.*, ts.q[2] AS type_p95,
         CASE WHEN ts.q IS NULL THEN NULL WHEN ts.q[1] < $fast_max_ms THEN 'fast'
              WHEN ts.q[1] <= $standard_max_ms THEN 'standard' ELSE 'heavy' END AS type_pool,
         CASE WHEN j.status = 'completed' AND ts.med > 0 AND j.run_ms >= 0 THEN j.run_ms / ts.med END AS ratio
  FROM joined j JOIN type_stats ts USING (k, source, service, job_type)
)
-- Two aggregations rather than GROUPING SETS: the per-pool rows need only counts and the median ratio, and each
-- holistic aggregate left out saves a pass over every fanned-out row (run_p95 and fleet_p95 are null there).
SELECT k, source, machine_id, NULL AS type_pool, 1 AS is_machine,
  count(*)::INTEGER AS finished,
  count(*) FILTER (WHERE status = 'completed')::INTEGER AS completed,
  count(*) FILTER (WHERE status = 'failed')::INTEGER AS failed,
  quantile_cont(run_ms, 0.95) FILTER (WHERE status = 'completed' AND run_ms >= 0)::DOUBLE AS run_p95,
  avg(type_p95) FILTER (WHERE status = 'completed')::DOUBLE AS fleet_p95,
  median(ratio)::DOUBLE AS relative,
  count(*) FILTER (WHERE status = 'completed' AND run_ms < $fast_max_ms)::INTEGER AS fast_jobs,
  count(*) FILTER (WHERE status = 'completed' AND run_ms >= $fast_max_ms AND run_ms <= $standard_max_ms)::INTEGER
    AS standard_jobs,
  count(*) FILTER (WHERE status = 'completed' AND run_ms > $standard_max_ms)::INTEGER AS heavy_jobs
FROM per_job
GROUP BY k, source, machine_id
UNION ALL
SELECT k, source, machine_id, type_pool, 0 AS is_machine,
  count(*)::INTEGER AS finished,
  count(*) FILTER (WHERE status = 'completed')::INTEGER AS completed,
  count(*) FILTER (WHERE status = 'failed')::INTEGER AS failed,
  NULL::DOUBLE AS run_p95,
  NULL::DOUBLE AS fleet_p95,
  median(ratio)::DOUBLE AS relative,
  count(*) FILTER (WHERE status = 'completed' AND run_ms < $fast_max_ms)::INTEGER AS fast_jobs,
  count(*) FILTER (WHERE status = 'completed' AND run_ms >= $fast_max_ms AND run_ms <= $standard_max_ms)::INTEGER
    AS standard_jobs,
  count(*) FILTER (WHERE status = 'completed' AND run_ms > $standard_max_ms)::INTEGER AS heavy_jobs
FROM per_job
GROUP BY k, source, machine_id, type_pool
