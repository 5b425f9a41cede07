-- For the duration of a pass. Each unit commits (durably, in the WAL) on its own; folding the WAL into the file
-- every 64 MB rather than DuckDB's default 16 MB keeps a catch-up from checkpointing after nearly every unit, and
-- keeps uncheckpointed rows from piling up in memory (at 256 MB they held up to 200 MB during a million-job
-- catch-up, for no gain in speed). The memory cap keeps DuckDB's cache from growing with the warehouse: a pass
-- streams, and the unit merge is a hash join on the unit, not an index.
SET wal_autocheckpoint = '64MB';
SET memory_limit = '256MB';
