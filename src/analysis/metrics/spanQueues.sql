-- Queue depth per span: at each snapshot instant the waiting jobs summed over a source's queues; the span keeps
-- the largest such depth, the oldest waiting job seen, and the number of snapshot instants (for coverage).
, per_instant AS (
  SELECT source, taken_at, sum(waiting) AS depth, max(oldest_waiting_ms) AS oldest
  FROM queue_snapshots, range_bounds
  WHERE taken_at >= rs AND taken_at < re
  GROUP BY source, taken_at
),
placed AS (
  SELECT p.*, hours.h FROM per_instant p ASOF JOIN hours ON p.taken_at >= hours.hs
)
SELECT sh.k, max(depth)::INTEGER AS queue_depth_max, max(oldest)::DOUBLE AS oldest_wait_ms,
       count(*)::INTEGER AS queue_instants
FROM placed JOIN span_hours sh USING (h)
GROUP BY sh.k
