-- Per service (source, coalesce(service, queue)) and per job type within it: submitted by created_at, outcomes and
-- run times by finished_at, waits by started_at, and completed jobs per pool by their own run time.
, events AS (
  SELECT 0 AS ev, created_at AS t, source, coalesce(service, queue) AS service, coalesce(name, '(unnamed)') AS job_type,
         NULL::VARCHAR AS status, NULL::DOUBLE AS run_ms, NULL::DOUBLE AS wait_ms
  FROM jobs, range_bounds WHERE created_at >= rs AND created_at < re
  UNION ALL
  SELECT 1, started_at, source, coalesce(service, queue), coalesce(name, '(unnamed)'), NULL, NULL,
         coalesce(wait_ms, epoch_ms(started_at) - epoch_ms(created_at))::DOUBLE
  FROM jobs, range_bounds WHERE started_at >= rs AND started_at < re
  UNION ALL
  SELECT 2, finished_at, source, coalesce(service, queue), coalesce(name, '(unnamed)'), status,
         coalesce(run_ms, epoch_ms(finished_at) - epoch_ms(started_at))::DOUBLE, NULL
  FROM jobs, range_bounds
  WHERE finished_at >= rs AND finished_at < re AND status IN ('completed', 'failed', 'cancelled')
),
placed AS (
  SELECT e.*, hours.h FROM events e ASOF JOIN hours ON e.t >= hours.hs
),
joined AS (
  SELECT sh.k, p.* FROM placed p JOIN span_hours sh USING (h)
)
SELECT
  k, source, service, job_type, grouping(job_type)::INTEGER AS is_service,
  count(*) FILTER (WHERE ev = 0)::INTEGER AS submitted,
  count(*) FILTER (WHERE ev = 2 AND status = 'completed')::INTEGER AS completed,
  count(*) FILTER (WHERE ev = 2 AND status = 'failed')::INTEGER AS failed,
  count(*) FILTER (WHERE ev = 2 AND status = 'cancelled')::INTEGER AS cancelled,
  quantile_cont(run_ms, [0.5, 0.9, 0.95]) FILTER (WHERE ev = 2 AND status = 'completed' AND run_ms >= 0) AS run_q,
  quantile_cont(wait_ms, 0.95) FILTER (WHERE ev = 1 AND wait_ms >= 0)::DOUBLE AS wait_p95,
  count(*) FILTER (WHERE ev = 2 AND status = 'completed' AND run_ms < $fast_max_ms)::INTEGER AS fast_jobs,
  count(*) FILTER (WHERE ev = 2 AND status = 'completed' AND run_ms >= $fast_max_ms AND run_ms <= $standard_max_ms)
    ::INTEGER AS standard_jobs,
  count(*) FILTER (WHERE ev = 2 AND status = 'completed' AND run_ms > $standard_max_ms)::INTEGER AS heavy_jobs
FROM joined
GROUP BY GROUPING SETS ((k, source, service), (k, source, service, job_type))
