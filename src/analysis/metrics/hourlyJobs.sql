-- Additive job figures per hour bucket (no fan-out): submitted by created_at; outcomes, retries, run-time sums and
-- pool counts by finished_at. Any span's totals are sums over its buckets, done in TypeScript with prefix sums.
, events AS (
  SELECT (epoch_ms(created_at) - o) // $slot_ms AS slot, 0 AS ev, NULL::VARCHAR AS status, NULL::BIGINT AS run_ms,
         NULL::INTEGER AS attempts
  FROM jobs, range_bounds
  WHERE created_at >= rs AND created_at < re
  UNION ALL
  SELECT (epoch_ms(finished_at) - o) // $slot_ms, 2, status, coalesce(run_ms, CASE WHEN finished_at >= started_at THEN epoch_ms(finished_at) - epoch_ms(started_at) END), attempts
  FROM jobs, range_bounds
  WHERE finished_at >= rs AND finished_at < re AND status IN ('completed', 'failed', 'cancelled')
),
placed AS (
  SELECT e.*, slots.h FROM events e JOIN slots USING (slot)
)
SELECT
  h,
  count(*) FILTER (WHERE ev = 0)::INTEGER AS submitted,
  count(*) FILTER (WHERE ev = 2 AND status = 'completed')::INTEGER AS completed,
  count(*) FILTER (WHERE ev = 2 AND status = 'failed')::INTEGER AS failed,
  count(*) FILTER (WHERE ev = 2 AND status = 'cancelled')::INTEGER AS cancelled,
  coalesce(sum(greatest(coalesce(attempts, 1) - 1, 0)) FILTER (WHERE ev = 2), 0)::INTEGER AS retries,
  count(*) FILTER (WHERE ev = 2 AND status = 'completed' AND run_ms >= 0)::INTEGER AS run_n,
  coalesce(sum(run_ms) FILTER (WHERE ev = 2 AND status = 'completed' AND run_ms >= 0), 0)::DOUBLE AS run_sum,
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
FROM placed
GROUP BY h
