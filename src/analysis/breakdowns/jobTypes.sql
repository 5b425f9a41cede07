-- Per service (source, coalesce(service, queue)) and per job type within it: submitted by created_at, outcomes and
-- pool counts by finished_at (summed per hour bucket before fan-out), and run-time percentiles of completed jobs and
-- p95 wait of started jobs (holistic, fanned out row by row). Service rows have is_service = 1.
, events AS (
  SELECT (epoch_ms(created_at) - o) // $slot_ms AS slot, 0 AS ev, source, coalesce(service, queue) AS service, coalesce(name, '(unnamed)') AS job_type,
         NULL::VARCHAR AS status, NULL::BIGINT AS v
  FROM jobs, range_bounds WHERE created_at >= rs AND created_at < re
  UNION ALL
  SELECT (epoch_ms(finished_at) - o) // $slot_ms, 2, source, coalesce(service, queue), coalesce(name, '(unnamed)'), status,
         coalesce(run_ms, CASE WHEN finished_at >= started_at THEN epoch_ms(finished_at) - epoch_ms(started_at) END)
  FROM jobs, range_bounds
  WHERE finished_at >= rs AND finished_at < re AND status IN ('completed', 'failed', 'cancelled')
),
counted AS (
  SELECT slots.h, source, service, job_type,
         count(*) FILTER (WHERE ev = 0) AS submitted,
         count(*) FILTER (WHERE ev = 2 AND status = 'completed') AS completed,
         count(*) FILTER (WHERE ev = 2 AND status = 'failed') AS failed,
         count(*) FILTER (WHERE ev = 2 AND status = 'cancelled') AS cancelled,
         count(*) FILTER (WHERE ev = 2 AND status = 'completed' AND v < $fast_max_ms) AS fast_jobs,
         count(*) FILTER (WHERE ev = 2 AND status = 'completed' AND v >= $fast_max_ms AND v <= $standard_max_ms)
           AS standard_jobs,
         count(*) FILTER (WHERE ev = 2 AND status = 'completed' AND v > $standard_max_ms) AS heavy_jobs
  FROM events e JOIN slots USING (slot)
  GROUP BY slots.h, source, service, job_type
),
counts AS (
  SELECT sh.k, source, service, coalesce(job_type, '') AS job_type, grouping(job_type)::INTEGER AS is_service,
         sum(submitted)::INTEGER AS submitted, sum(completed)::INTEGER AS completed, sum(failed)::INTEGER AS failed,
         sum(cancelled)::INTEGER AS cancelled, sum(fast_jobs)::INTEGER AS fast_jobs,
         sum(standard_jobs)::INTEGER AS standard_jobs, sum(heavy_jobs)::INTEGER AS heavy_jobs
  FROM counted JOIN span_hours sh USING (h)
  GROUP BY GROUPING SETS ((sh.k, source, service), (sh.k, source, service, job_type))
),
values_ AS (
  SELECT (epoch_ms(started_at) - o) // $slot_ms AS slot, 1 AS ev, source, coalesce(service, queue) AS service, coalesce(name, '(unnamed)') AS job_type,
         coalesce(wait_ms, CASE WHEN started_at >= created_at THEN epoch_ms(started_at) - epoch_ms(created_at) END) AS v
  FROM jobs, range_bounds WHERE started_at >= rs AND started_at < re
  UNION ALL
  SELECT (epoch_ms(finished_at) - o) // $slot_ms, 2, source, coalesce(service, queue), coalesce(name, '(unnamed)'),
         coalesce(run_ms, CASE WHEN finished_at >= started_at THEN epoch_ms(finished_at) - epoch_ms(started_at) END)
  FROM jobs, range_bounds WHERE finished_at >= rs AND finished_at < re AND status = 'completed'
),
quants AS (
  SELECT sh.k, source, service, coalesce(job_type, '') AS job_type, grouping(job_type)::INTEGER AS is_service,
         quantile_cont(v, [0.5, 0.9, 0.95]) FILTER (WHERE ev = 2) AS run_q,
         quantile_cont(v, 0.95) FILTER (WHERE ev = 1)::DOUBLE AS wait_p95
  FROM (SELECT x.*, slots.h FROM values_ x JOIN slots USING (slot) WHERE x.v >= 0) p
  JOIN span_hours sh USING (h)
  GROUP BY GROUPING SETS ((sh.k, source, service), (sh.k, source, service, job_type))
)
SELECT c.k, c.source, c.service, CASE WHEN c.is_service = 1 THEN NULL ELSE c.job_type END AS job_type, c.is_service,
       c.submitted, c.completed, c.failed, c.cancelled, q.run_q, q.wait_p95, c.fast_jobs, c.standard_jobs, c.heavy_jobs
FROM counts c
LEFT JOIN quants q
  ON q.k = c.k AND q.source = c.source AND q.service = c.service AND q.job_type = c.job_type
 AND q.is_service = c.is_service
