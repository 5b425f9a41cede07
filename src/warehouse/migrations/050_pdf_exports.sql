-- PDF export status (the contract shared with mail): the latest export attempt per report. A passed row's file is
-- at <paths.pdf>/<kind>/<report_id>.pdf; a failed row names the release-gate check that failed and keeps `path`
-- pointing at the previous good file when there is one (it was left in place), else NULL.
CREATE TABLE pdf_exports (
  kind                VARCHAR NOT NULL,
  report_id           VARCHAR NOT NULL,
  -- NULL only when the bundle could not be read (failed_check 'bundle-invalid').
  bundle_generated_at TIMESTAMPTZ,
  status              VARCHAR NOT NULL CHECK (status IN ('passed', 'failed')),
  path                VARCHAR,
  bytes               BIGINT,
  pages               INTEGER,
  failed_check        VARCHAR,
  error               VARCHAR,
  exported_at         TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (kind, report_id)
);

-- Run log: one row per `almanac pdf` run that had something to print ...
CREATE TABLE pdf_export_runs (
  run_id      VARCHAR PRIMARY KEY,
  started_at  TIMESTAMPTZ NOT NULL,
  finished_at TIMESTAMPTZ,
  status      VARCHAR NOT NULL CHECK (status IN ('running', 'passed', 'failed', 'error')),
  requested   INTEGER NOT NULL,
  passed      INTEGER,
  failed      INTEGER,
  browser     VARCHAR,
  relaunches  INTEGER,
  error       VARCHAR
);

-- ... and one row per report per run, with every gate check's outcome, kept as history (pdf_exports only keeps
-- the latest).
CREATE TABLE pdf_export_attempts (
  run_id              VARCHAR NOT NULL,
  kind                VARCHAR NOT NULL,
  report_id           VARCHAR NOT NULL,
  bundle_generated_at TIMESTAMPTZ,
  status              VARCHAR NOT NULL CHECK (status IN ('passed', 'failed')),
  failed_check        VARCHAR,
  error               VARCHAR,
  -- JSON array of {check, ok, detail}: the full gate verdict.
  checks              VARCHAR,
  attempts            INTEGER NOT NULL,
  bytes               BIGINT,
  pages               INTEGER,
  render_ms           DOUBLE,
  finished_at         TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (run_id, kind, report_id)
);
