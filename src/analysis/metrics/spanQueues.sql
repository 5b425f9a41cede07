-- Queue depth per span: at each snapshot instant the waiting jobs summed over a source's queues; the span keeps
-- the largest such depth, the oldest waiting job seen, and the number of snapshot instants (for coverage).
, per_instant AS (
  SELECT source, taken_at, (epoch_ms(taken_at) - o) // $slot_ms AS slot, sum(waiting) AS depth,
         max(oldest_waiting_ms) AS oldest
  FROM queue_snapshots, range_bounds
  WHERE taken_at >= rs AND taken_at < re
  GROUP BY source, taken_at, slot
),
placed AS (
  SELECT p.*, slots.h FROM per_instant p JOIN slots USING (slot)
)
SELECT sh.k, max(depth)::INTEGER AS queue_depth_max, max(oldest)::DOUBLE AS oldest_wait_ms,
       count(*)::INTEGER AS queue_instants
FROM placed JOIN span_hours sh USING (h)
GROUP BY sh.k
