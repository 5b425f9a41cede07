RESET wal_autocheckpoint;
