-- The email delivery ledger (issue 8). `almanac sql "select * from deliveries"` answers "who received what, when".
-- Recipients live here and nowhere in the published site.

-- One row per report, recipient and generation (1 = the subscription's delivery; each `deliver --resend` adds one).
CREATE TABLE deliveries (
  kind            VARCHAR NOT NULL,
  report_id       VARCHAR NOT NULL,
  recipient       VARCHAR NOT NULL,
  generation      INTEGER NOT NULL,
  reason          VARCHAR NOT NULL CHECK (reason IN ('subscription', 'resend')),
  status          VARCHAR NOT NULL CHECK (status IN ('queued', 'sent', 'failed')),
  -- SMTP attempts made so far (0 while only queued).
  attempts        INTEGER NOT NULL,
  -- Deterministic, so a retry carries the same id and a lost reply can be looked up in the server's logs.
  message_id      VARCHAR NOT NULL,
  bundle_revision INTEGER NOT NULL,
  attach_pdf      BOOLEAN NOT NULL,
  pdf_bytes       BIGINT,
  -- Set while an SMTP attempt is under way; found set at the start of a run, it means the last run died mid-send.
  in_flight_since TIMESTAMPTZ,
  -- false when the row was marked sent by reconciliation, without the server's reply ever being recorded.
  confirmed       BOOLEAN,
  smtp_response   VARCHAR,
  last_error      VARCHAR,
  queued_at       TIMESTAMPTZ NOT NULL,
  last_attempt_at TIMESTAMPTZ,
  next_attempt_at TIMESTAMPTZ,
  sent_at         TIMESTAMPTZ,
  failed_at       TIMESTAMPTZ,
  PRIMARY KEY (kind, report_id, recipient, generation)
);

-- Problems the owner is told about, each exactly once (the key makes "once" hold across runs).
CREATE TABLE mail_notices (
  notice_key      VARCHAR PRIMARY KEY,
  problem         VARCHAR NOT NULL,
  kind            VARCHAR,
  report_id       VARCHAR,
  recipient       VARCHAR,
  detail          VARCHAR NOT NULL,
  -- skipped: no owner address is configured, so nobody could be told (the warning is in the run's log).
  status          VARCHAR NOT NULL CHECK (status IN ('queued', 'sent', 'failed', 'skipped')),
  attempts        INTEGER NOT NULL,
  -- The notice email that carried it (several problems found in one run share one email).
  message_id      VARCHAR,
  in_flight_since TIMESTAMPTZ,
  last_error      VARCHAR,
  created_at      TIMESTAMPTZ NOT NULL,
  sent_at         TIMESTAMPTZ
);

-- When each recipient first subscribed to a kind: they get the latest report at once, then every later one,
-- rather than the whole archive.
CREATE TABLE mail_subscribers (
  recipient VARCHAR NOT NULL,
  kind      VARCHAR NOT NULL,
  since     TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (recipient, kind)
);
