INSERT INTO report_publications (kind, id, revision, closed, period_start, period_end, generated_at, sha256)
VALUES ($kind, $id, $revision, $closed, $period_start, $period_end, $generated_at, $sha256)
ON CONFLICT (kind, id) DO UPDATE SET
  revision = excluded.revision,
  closed = excluded.closed,
  period_start = excluded.period_start,
  period_end = excluded.period_end,
  generated_at = excluded.generated_at,
  sha256 = excluded.sha256
