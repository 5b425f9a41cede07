-- Where the warehouse's data begins and ends: the earliest and latest job or snapshot, and the latest collection.
SELECT
  least((SELECT epoch_ms(min(created_at)) FROM jobs), (SELECT epoch_ms(min(finished_at)) FROM jobs),
        (SELECT epoch_ms(min(taken_at)) FROM queue_snapshots), (SELECT epoch_ms(min(taken_at)) FROM machine_snapshots),
        (SELECT epoch_ms(min(coalesce(finished_at, started_at))) FROM model_downloads))::DOUBLE AS first_ms,
  greatest((SELECT epoch_ms(max(coalesce(finished_at, started_at, created_at))) FROM jobs),
           (SELECT epoch_ms(max(taken_at)) FROM queue_snapshots),
           (SELECT epoch_ms(max(taken_at)) FROM machine_snapshots))::DOUBLE AS last_ms,
  greatest((SELECT epoch_ms(max(collected_at)) FROM jobs),
           (SELECT epoch_ms(max(finished_at)) FROM collection_runs WHERE status = 'ok'))::DOUBLE AS last_collected_ms,
  (SELECT list(DISTINCT source ORDER BY source) FROM jobs) AS sources
