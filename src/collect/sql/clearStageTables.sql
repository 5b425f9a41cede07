DELETE FROM collect_jobs_stage;
DELETE FROM collect_rejects_stage;
DELETE FROM collect_downloads_stage;
