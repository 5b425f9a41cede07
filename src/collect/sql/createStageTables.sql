-- Per-connection staging tables: rows are appended here (fast) and merged into the real tables by set-based SQL.
-- The job stages are created per unit (createJobsStage.sql).
CREATE TEMP TABLE IF NOT EXISTS collect_rejects_stage AS SELECT * FROM rejects LIMIT 0;
CREATE TEMP TABLE IF NOT EXISTS collect_downloads_stage AS SELECT * FROM model_downloads LIMIT 0;
