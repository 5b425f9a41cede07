-- Per target span: rejected records by reason, and collection runs (all and failed).
WITH targets AS (
  SELECT k, make_timestamptz(s * 1000) AS s, make_timestamptz(e * 1000) AS e
  FROM (SELECT unnest(json_transform($targets::JSON, '[{"k":"VARCHAR","s":"BIGINT","e":"BIGINT"}]'), recursive := true))
)
SELECT t.k, 'reject' AS what, r.reason AS label, count(*)::INTEGER AS n
FROM targets t JOIN rejects r ON r.seen_at >= t.s AND r.seen_at < t.e
GROUP BY t.k, r.reason
UNION ALL
SELECT t.k, 'runs', NULL, count(*)::INTEGER
FROM targets t JOIN collection_runs c ON c.started_at >= t.s AND c.started_at < t.e
GROUP BY t.k
UNION ALL
SELECT t.k, 'failed_runs', NULL, count(*)::INTEGER
FROM targets t JOIN collection_runs c ON c.started_at >= t.s AND c.started_at < t.e AND c.status = 'failed'
GROUP BY t.k
