-- Removes a source's rows before a simulation rewrites them (simulate --warehouse replaces, never merges).
DELETE FROM queue_snapshots WHERE source = $source;
