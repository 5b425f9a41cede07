-- Core tables (architecture §4.2). Their names and columns are a public contract: the analysis, the docs and
-- external checks query them. Add columns and tables in later migrations; never rename these.

CREATE TABLE jobs (
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
  -- Beyond the contract: the service a job ran on (emp service_required), its workflow, the finer failure reason.
  service       VARCHAR,
  workflow_id   VARCHAR,
  error_reason  VARCHAR,
  PRIMARY KEY (source, queue, job_id)
);

CREATE TABLE queue_snapshots (
  taken_at          TIMESTAMPTZ NOT NULL,
  source            VARCHAR NOT NULL,
  queue             VARCHAR NOT NULL,
  waiting           INTEGER NOT NULL,
  active            INTEGER NOT NULL,
  delayed           INTEGER NOT NULL,
  completed         INTEGER NOT NULL,
  failed            INTEGER NOT NULL,
  oldest_waiting_ms BIGINT
);

CREATE TABLE worker_snapshots (
  taken_at       TIMESTAMPTZ NOT NULL,
  source         VARCHAR NOT NULL,
  worker_id      VARCHAR NOT NULL,
  machine_id     VARCHAR,
  status         VARCHAR,
  current_job_id VARCHAR
);

CREATE TABLE machine_snapshots (
  taken_at         TIMESTAMPTZ NOT NULL,
  source           VARCHAR NOT NULL,
  machine_id       VARCHAR NOT NULL,
  phase            VARCHAR,
  gpu_count        INTEGER,
  workers          INTEGER,
  services_healthy INTEGER,
  services_total   INTEGER
);

CREATE TABLE model_downloads (
  source      VARCHAR NOT NULL,
  machine_id  VARCHAR,
  model       VARCHAR NOT NULL,
  started_at  TIMESTAMPTZ,
  finished_at TIMESTAMPTZ,
  bytes       BIGINT,
  ok          BOOLEAN NOT NULL,
  error       VARCHAR,
  -- The stream entry (or other origin) it came from: makes re-reading the same events idempotent.
  event_id    VARCHAR NOT NULL,
  PRIMARY KEY (source, event_id)
);

CREATE TABLE collection_runs (
  run_id            VARCHAR PRIMARY KEY,
  source            VARCHAR NOT NULL,
  started_at        TIMESTAMPTZ NOT NULL,
  finished_at       TIMESTAMPTZ,
  status            VARCHAR NOT NULL CHECK (status IN ('running', 'ok', 'failed')),
  jobs_written      INTEGER NOT NULL DEFAULT 0,
  snapshots_written INTEGER NOT NULL DEFAULT 0,
  rejects           INTEGER NOT NULL DEFAULT 0,
  error             VARCHAR
);

CREATE TABLE coverage_gaps (
  source      VARCHAR NOT NULL,
  queue       VARCHAR,
  gap_from    TIMESTAMPTZ,
  gap_to      TIMESTAMPTZ,
  reason      VARCHAR NOT NULL,
  -- How many records the gap is known to have lost (from counters), when that is known.
  missed      BIGINT,
  detected_at TIMESTAMPTZ
);

CREATE TABLE rejects (
  source  VARCHAR NOT NULL,
  key     VARCHAR NOT NULL,
  reason  VARCHAR NOT NULL,
  excerpt VARCHAR,
  seen_at TIMESTAMPTZ NOT NULL
);

-- Where each source's history reading stopped (stream ids, watermarks, scan times). A checkpoint is written in the
-- same transaction as the rows it covers, so a crash can never move it past unwritten rows.
CREATE TABLE checkpoints (
  source     VARCHAR NOT NULL,
  name       VARCHAR NOT NULL,
  value      VARCHAR NOT NULL,
  updated_at TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (source, name)
);
