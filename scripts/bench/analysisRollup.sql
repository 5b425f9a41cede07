-- The reference for the analysis benchmarks: plain DuckDB rollups by day, ISO week and month (UTC) of the jobs
-- table: finished jobs, success rate and p50/p95/p99 run time, one GROUPING SETS query.
SELECT date_trunc('day', finished_at) AS day, date_trunc('week', finished_at) AS week,
       date_trunc('month', finished_at) AS month, count(*) AS finished,
       count(*) FILTER (WHERE status = 'completed') / nullif(count(*) FILTER (WHERE status IN ('completed', 'failed')), 0)
         AS success_rate,
       quantile_cont(run_ms, [0.5, 0.95, 0.99]) FILTER (WHERE status = 'completed') AS run_q
FROM jobs
WHERE finished_at IS NOT NULL
GROUP BY GROUPING SETS ((day), (week), (month))
