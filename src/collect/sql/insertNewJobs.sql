-- Jobs the warehouse has never seen: inserted, with the primary key index deciding what is new (no scan of the
-- jobs table, which a join would need). Known jobs are left to replaceChangedJobs.sql.
INSERT OR IGNORE INTO jobs SELECT * FROM collect_jobs_stage;
