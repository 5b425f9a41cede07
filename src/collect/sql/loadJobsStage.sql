-- Stages the raw unit as jobs rows (createJobsStage.sql converts), for replaceChangedJobs.sql: only a unit that
-- holds jobs the warehouse already knows needs it, so only such a unit creates the stage.
CREATE OR REPLACE TEMP TABLE collect_jobs_stage AS SELECT * FROM collect_jobs_converted($source, $collected_at);
