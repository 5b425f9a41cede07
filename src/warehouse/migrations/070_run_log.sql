-- The scheduler's run log: one row per job run (scheduled, caught up, or from `almanac run`), including ticks that
-- were skipped because the job was still busy. A row is inserted as 'running' when the run starts and settled when
-- it ends; a row left 'running' by a process that died is marked 'interrupted' by the next scheduler start.
CREATE TABLE run_log (
  run_id        VARCHAR PRIMARY KEY,
  job           VARCHAR NOT NULL,
  trigger       VARCHAR NOT NULL CHECK (trigger IN ('schedule', 'catch-up', 'after', 'run', 'manual')),
  scheduled_at  TIMESTAMPTZ,
  started_at    TIMESTAMPTZ NOT NULL,
  finished_at   TIMESTAMPTZ,
  status        VARCHAR NOT NULL CHECK (status IN ('running', 'ok', 'failed', 'skipped', 'timeout', 'interrupted')),
  summary       JSON,
  error_code    VARCHAR,
  error_message VARCHAR,
  pid           INTEGER NOT NULL,
  host          VARCHAR NOT NULL
);

CREATE INDEX run_log_job_started ON run_log (job, started_at);
