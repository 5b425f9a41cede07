-- Collector (issue 4): the per-source summary of a pass beyond the core columns, so `almanac sql` and the reports
-- can show what each run did without recomputing it.
ALTER TABLE collection_runs ADD COLUMN layout VARCHAR;
ALTER TABLE collection_runs ADD COLUMN jobs_new INTEGER DEFAULT 0;
ALTER TABLE collection_runs ADD COLUMN jobs_updated INTEGER DEFAULT 0;
ALTER TABLE collection_runs ADD COLUMN model_downloads INTEGER DEFAULT 0;
ALTER TABLE collection_runs ADD COLUMN gaps INTEGER DEFAULT 0;
ALTER TABLE collection_runs ADD COLUMN seconds DOUBLE;
