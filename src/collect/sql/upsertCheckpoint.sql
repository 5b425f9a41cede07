INSERT OR REPLACE INTO checkpoints (source, name, value, updated_at) VALUES ($source, $name, $value, $now);
