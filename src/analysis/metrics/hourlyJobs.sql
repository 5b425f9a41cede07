-- Additive job figures per hour bucket (no fan-out): submitted by created_at; outcomes, retries, run-time sums and
-- pool counts by finished_at. Any span's totals are sums over its buckets, done in TypeScript with prefix sums.
-- Rows are counted per slot first (a small GROUP BY on one integer) and only those counts are placed in buckets.
, created AS (
  SELECT (epoch_ms(created_at) - o) // $slot_ms AS slot, count(*) AS submitted
  FROM jobs, range_bounds
  WHERE created_at >= rs AND created_at < re
  GROUP BY slot
),
finished AS (
  SELECT slot,
         count(*) FILTER (WHERE status = 'completed') AS completed,
         count(*) FILTER (WHERE status = 'failed') AS failed,
         count(*) FILTER (WHERE status = 'cancelled') AS cancelled,
         sum(greatest(coalesce(attempts, 1) - 1, 0)) AS retries,
         count(*) FILTER (WHERE status = 'completed' AND run_ms >= 0) AS run_n,
         sum(run_ms) FILTER (WHERE status = 'completed' AND run_ms >= 0) AS run_sum,
         count(*) FILTER (WHERE status = 'completed' AND run_ms < $fast_max_ms) AS fast_jobs,
         count(*) FILTER (WHERE status = 'completed' AND run_ms >= $fast_max_ms AND run_ms <= $standard_max_ms)
           AS standard_jobs,
         count(*) FILTER (WHERE status = 'completed' AND run_ms > $standard_max_ms) AS heavy_jobs,
         sum(run_ms) FILTER (WHERE status = 'completed' AND run_ms < $fast_max_ms) AS fast_ms,
         sum(run_ms) FILTER (WHERE status = 'completed' AND run_ms >= $fast_max_ms AND run_ms <= $standard_max_ms)
           AS standard_ms,
         sum(run_ms) FILTER (WHERE status = 'completed' AND run_ms > $standard_max_ms) AS heavy_ms
  FROM (SELECT (epoch_ms(finished_at) - o) // $slot_ms AS slot, status, attempts,
               coalesce(run_ms, CASE WHEN finished_at >= started_at THEN epoch_ms(finished_at) - epoch_ms(started_at) END)
                 AS run_ms
        FROM jobs, range_bounds
        WHERE finished_at >= rs AND finished_at < re AND status IN ('completed', 'failed', 'cancelled'))
  GROUP BY slot
)
SELECT slots.h,
       coalesce(sum(c.submitted), 0)::INTEGER AS submitted,
       coalesce(sum(f.completed), 0)::INTEGER AS completed,
       coalesce(sum(f.failed), 0)::INTEGER AS failed,
       coalesce(sum(f.cancelled), 0)::INTEGER AS cancelled,
       coalesce(sum(f.retries), 0)::INTEGER AS retries,
       coalesce(sum(f.run_n), 0)::INTEGER AS run_n,
       coalesce(sum(f.run_sum), 0)::DOUBLE AS run_sum,
       coalesce(sum(f.fast_jobs), 0)::INTEGER AS fast_jobs,
       coalesce(sum(f.standard_jobs), 0)::INTEGER AS standard_jobs,
       coalesce(sum(f.heavy_jobs), 0)::INTEGER AS heavy_jobs,
       coalesce(sum(f.fast_ms), 0)::DOUBLE AS fast_ms,
       coalesce(sum(f.standard_ms), 0)::DOUBLE AS standard_ms,
       coalesce(sum(f.heavy_ms), 0)::DOUBLE AS heavy_ms
FROM slots
LEFT JOIN created c USING (slot)
LEFT JOIN finished f USING (slot)
WHERE c.slot IS NOT NULL OR f.slot IS NOT NULL
GROUP BY slots.h
