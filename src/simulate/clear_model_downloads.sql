-- Removes a source's rows before a simulation rewrites them (simulate --warehouse replaces, never merges).
DELETE FROM model_downloads WHERE source = $source;
