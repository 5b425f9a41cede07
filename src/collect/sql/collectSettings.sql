-- For the duration of a pass. Each unit commits (durably, in the WAL) on its own, and folding the WAL into the file
-- once at the end instead of every few units keeps a long catch-up from rewriting the jobs table and its index
-- again and again. The memory cap keeps DuckDB's cache from growing with the warehouse: a pass streams.
SET wal_autocheckpoint = '2GB';
SET memory_limit = '256MB';
