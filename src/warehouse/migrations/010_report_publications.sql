-- The report bundles `analyze` has published. A closed period is published once (revision 1); a backfill that
-- republishes it adds a restatement (revision 2, 3, ...). Open periods are refreshed in place and recorded with
-- closed = false until their final publication.
CREATE TABLE report_publications (
  kind         VARCHAR NOT NULL CHECK (kind IN ('daily', 'weekly', 'monthly')),
  id           VARCHAR NOT NULL,
  revision     INTEGER NOT NULL,
  closed       BOOLEAN NOT NULL,
  period_start TIMESTAMPTZ NOT NULL,
  period_end   TIMESTAMPTZ NOT NULL,
  generated_at TIMESTAMPTZ NOT NULL,
  -- sha256 of the bundle file as written, so a later check can tell whether the file was changed.
  sha256       VARCHAR NOT NULL,
  PRIMARY KEY (kind, id)
);
