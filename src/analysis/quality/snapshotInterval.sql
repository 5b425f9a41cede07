-- The collector's usual snapshot interval: the median gap between consecutive queue-snapshot instants of a source
-- over the given window, which turns a snapshot count into a coverage share without reading the schedule.
WITH instants AS (
  SELECT DISTINCT source, taken_at FROM queue_snapshots
  WHERE taken_at >= $from AND taken_at < $to
),
gaps AS (
  SELECT source, epoch_ms(taken_at) - epoch_ms(lag(taken_at) OVER (PARTITION BY source ORDER BY taken_at)) AS gap
  FROM instants
)
SELECT source, median(gap)::DOUBLE AS interval_ms, count(*)::INTEGER AS n FROM gaps WHERE gap > 0 GROUP BY source
