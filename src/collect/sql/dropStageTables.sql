DROP TABLE IF EXISTS collect_jobs_raw;
DROP TABLE IF EXISTS collect_jobs_stage;
DROP TABLE IF EXISTS collect_jobs_changed;
DROP TABLE IF EXISTS collect_rejects_stage;
DROP TABLE IF EXISTS collect_downloads_stage;
DROP MACRO TABLE IF EXISTS collect_jobs_converted;
