-- Stages the raw unit as jobs rows (createJobsStage.sql converts), for replaceChangedJobs.sql: only a unit that
-- holds jobs the warehouse already knows needs it.
INSERT INTO collect_jobs_stage SELECT * FROM collect_jobs_converted($source, $collected_at);
