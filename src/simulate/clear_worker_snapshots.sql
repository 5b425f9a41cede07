-- Removes a source's rows before a simulation rewrites them (simulate --warehouse replaces, never merges).
DELETE FROM worker_snapshots WHERE source = $source;
