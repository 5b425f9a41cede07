-- Job KPIs per span. Submitted counts by created_at, waits by started_at, outcomes and run times by finished_at.
-- $fast_max_ms / $standard_max_ms: pool boundaries (fast < fast_max <= standard <= standard_max < heavy).
, events AS (
  SELECT 0 AS ev, created_at AS t, NULL::VARCHAR AS status, NULL::DOUBLE AS run_ms, NULL::DOUBLE AS wait_ms,
         NULL::INTEGER AS attempts
  FROM jobs, range_bounds
  WHERE created_at >= rs AND created_at < re
  UNION ALL
  SELECT 1, started_at, NULL, NULL, coalesce(wait_ms, epoch_ms(started_at) - epoch_ms(created_at))::DOUBLE, NULL
  FROM jobs, range_bounds
  WHERE started_at >= rs AND started_at < re
  UNION ALL
  SELECT 2, finished_at, status, coalesce(run_ms, epoch_ms(finished_at) - epoch_ms(started_at))::DOUBLE, NULL,
         attempts
  FROM jobs, range_bounds
  WHERE finished_at >= rs AND finished_at < re AND status IN ('completed', 'failed', 'cancelled')
),
placed AS (
  SELECT e.*, hours.h FROM events e ASOF JOIN hours ON e.t >= hours.hs
),
ok AS (
  SELECT sh.k, p.* FROM placed p JOIN span_hours sh USING (h)
)
SELECT
  k,
  count(*) FILTER (WHERE ev = 0)::INTEGER AS submitted,
  count(*) FILTER (WHERE ev = 2 AND status = 'completed')::INTEGER AS completed,
  count(*) FILTER (WHERE ev = 2 AND status = 'failed')::INTEGER AS failed,
  count(*) FILTER (WHERE ev = 2 AND status = 'cancelled')::INTEGER AS cancelled,
  coalesce(sum(greatest(coalesce(attempts, 1) - 1, 0)) FILTER (WHERE ev = 2), 0)::INTEGER AS retries,
  quantile_cont(run_ms, [0.5, 0.9, 0.95, 0.99]) FILTER (WHERE ev = 2 AND status = 'completed' AND run_ms >= 0)
    AS run_q,
  avg(run_ms) FILTER (WHERE ev = 2 AND status = 'completed' AND run_ms >= 0)::DOUBLE AS run_mean,
  quantile_cont(wait_ms, [0.5, 0.95]) FILTER (WHERE ev = 1 AND wait_ms >= 0) AS wait_q,
  count(*) FILTER (WHERE ev = 2 AND status = 'completed' AND run_ms < $fast_max_ms)::INTEGER AS fast_jobs,
  count(*) FILTER (WHERE ev = 2 AND status = 'completed' AND run_ms >= $fast_max_ms AND run_ms <= $standard_max_ms)
    ::INTEGER AS standard_jobs,
  count(*) FILTER (WHERE ev = 2 AND status = 'completed' AND run_ms > $standard_max_ms)::INTEGER AS heavy_jobs,
  coalesce(sum(run_ms) FILTER (WHERE ev = 2 AND status = 'completed' AND run_ms < $fast_max_ms), 0)::DOUBLE
    AS fast_ms,
  coalesce(sum(run_ms) FILTER (WHERE ev = 2 AND status = 'completed' AND run_ms >= $fast_max_ms
    AND run_ms <= $standard_max_ms), 0)::DOUBLE AS standard_ms,
  coalesce(sum(run_ms) FILTER (WHERE ev = 2 AND status = 'completed' AND run_ms > $standard_max_ms), 0)::DOUBLE
    AS heavy_ms
FROM ok
GROUP BY k
