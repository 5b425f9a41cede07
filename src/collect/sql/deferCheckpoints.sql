SET wal_autocheckpoint = '2GB';
