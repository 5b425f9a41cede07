-- Jobs finished per hour bucket over the whole range: peak hourly throughput of any span is the max over its buckets.
, placed AS (
  SELECT hours.h
  FROM (SELECT finished_at FROM jobs, range_bounds
        WHERE finished_at >= rs AND finished_at < re AND status IN ('completed', 'failed', 'cancelled')) j
  ASOF JOIN hours ON j.finished_at >= hours.hs
)
SELECT h, count(*)::INTEGER AS finished FROM placed GROUP BY h
