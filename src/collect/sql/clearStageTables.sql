DROP TABLE IF EXISTS collect_jobs_raw;
DROP TABLE IF EXISTS collect_jobs_stage;
DELETE FROM collect_rejects_stage;
DELETE FROM collect_downloads_stage;
DROP TABLE IF EXISTS collect_jobs_changed;
