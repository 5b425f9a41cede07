-- For the duration of a pass. Each unit commits (durably, in the WAL) on its own; folding the WAL into the file
-- every 64 MB rather than DuckDB's default 16 MB keeps a catch-up from checkpointing after nearly every unit, and
-- keeps uncheckpointed rows from piling up in memory (at 256 MB they held up to 200 MB during a million-job
-- catch-up, for no gain in speed; at 32 MB the pass was slower and no smaller). The memory cap keeps DuckDB's
-- cache from growing with the warehouse: a pass streams, and the unit merge is a hash join on the unit, not an
-- index, so the only thing the cache would keep is the key columns of jobs that each unit's anti-join scans
-- (60 MB at a million jobs). 96 MB holds a unit's work and the uncheckpointed rows; blocks of jobs beyond it are
-- read again from the file, which a million-job catch-up measured no slower (docs/collector.md). Past the cap,
-- DuckDB spills to a temporary file beside the warehouse rather than failing: a million-job catch-up completed
-- at 32 MB.
SET wal_autocheckpoint = '64MB';
SET memory_limit = '96MB';
