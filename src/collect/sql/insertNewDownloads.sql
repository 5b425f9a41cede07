INSERT OR IGNORE INTO model_downloads SELECT * FROM collect_downloads_stage;
