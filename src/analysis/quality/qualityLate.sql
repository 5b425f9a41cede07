-- Jobs finished in a span but collected more than an hour after the span ended (so an earlier analysis missed them).
-- Counted per hour bucket and per hour of (collected_at − 1 h) before fan-out; a job counts as late for a span
-- when that hour starts at or after the span's end, i.e. it was collected at least an hour after the end.
, fin AS (
  SELECT slots.h, (epoch_ms(f.collected_at) - 3600000) // 3600000 AS late_hour, count(*) AS n
  FROM (SELECT (epoch_ms(finished_at) - o) // $slot_ms AS slot, collected_at FROM jobs, range_bounds
        WHERE finished_at >= rs AND finished_at < re AND status IN ('completed', 'failed', 'cancelled')) f
  JOIN slots USING (slot)
  GROUP BY slots.h, late_hour
)
SELECT sh.k, coalesce(sum(n) FILTER (WHERE fin.late_hour * 3600000 >= sp.e), 0)::INTEGER AS late
FROM fin
JOIN span_hours sh USING (h)
JOIN spans sp ON sp.k = sh.k
GROUP BY sh.k
