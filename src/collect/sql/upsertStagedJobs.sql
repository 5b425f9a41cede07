INSERT OR REPLACE INTO jobs SELECT * FROM collect_jobs_stage;
