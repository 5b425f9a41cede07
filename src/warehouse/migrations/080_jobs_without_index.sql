-- jobs keeps (source, queue, job_id) as its key, but no longer as a declared PRIMARY KEY. DuckDB backs a primary
-- key with an ART index that must stay in memory: past about two million jobs a 256 MB memory limit ran out while
-- inserting ("could not allocate block"), and every insert paid for the index. The collector is the only writer
-- of jobs (under the single-writer lock) and merges each unit by a set-based anti-join on the key
-- (src/collect/sql/insertNewJobs.sql), which scans instead of indexing and so works in bounded memory. Tests and
-- `almanac doctor` check the key stays unique.
CREATE TABLE jobs_rebuilt (
  source        VARCHAR NOT NULL,
  queue         VARCHAR NOT NULL,
  job_id        VARCHAR NOT NULL,
  name          VARCHAR,
  status        VARCHAR NOT NULL CHECK (status IN ('waiting', 'active', 'delayed', 'completed', 'failed', 'cancelled')),
  priority      INTEGER,
  machine_id    VARCHAR,
  worker_id     VARCHAR,
  attempts      INTEGER,
  created_at    TIMESTAMPTZ,
  started_at    TIMESTAMPTZ,
  finished_at   TIMESTAMPTZ,
  wait_ms       BIGINT,
  run_ms        BIGINT,
  error_type    VARCHAR,
  error_message VARCHAR,
  models        VARCHAR[],
  collected_at  TIMESTAMPTZ NOT NULL,
  service       VARCHAR,
  workflow_id   VARCHAR,
  error_reason  VARCHAR
);
INSERT INTO jobs_rebuilt SELECT * FROM jobs;
DROP TABLE jobs;
ALTER TABLE jobs_rebuilt RENAME TO jobs;
