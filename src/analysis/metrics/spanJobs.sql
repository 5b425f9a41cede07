-- Run-time and wait percentiles per span (holistic, so rows are fanned out to every span holding their bucket):
-- run times of jobs completed in the span, waits of jobs started in it. Values stay BIGINT (whole ms): DuckDB's
-- quantile_cont sorts integers about a third faster than DOUBLE and interpolates them to the same DOUBLE result.
, events AS (
  SELECT (epoch_ms(started_at) - o) // $slot_ms AS slot, 1 AS ev, coalesce(wait_ms, CASE WHEN started_at >= created_at THEN epoch_ms(started_at) - epoch_ms(created_at) END) AS v
  FROM jobs, range_bounds
  WHERE started_at >= rs AND started_at < re
  UNION ALL
  SELECT (epoch_ms(finished_at) - o) // $slot_ms, 2, coalesce(run_ms, CASE WHEN finished_at >= started_at THEN epoch_ms(finished_at) - epoch_ms(started_at) END)
  FROM jobs, range_bounds
  WHERE finished_at >= rs AND finished_at < re AND status = 'completed'
),
placed AS (
  SELECT e.ev, e.v, slots.h FROM events e JOIN slots USING (slot) WHERE e.v >= 0
)
SELECT
  sh.k,
  quantile_cont(v, [0.5, 0.9, 0.95, 0.99]) FILTER (WHERE ev = 2) AS run_q,
  quantile_cont(v, [0.5, 0.95]) FILTER (WHERE ev = 1) AS wait_q
FROM placed JOIN span_hours sh USING (h)
GROUP BY sh.k
