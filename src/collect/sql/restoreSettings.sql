RESET wal_autocheckpoint;
RESET memory_limit;
