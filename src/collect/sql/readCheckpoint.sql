SELECT value FROM checkpoints WHERE source = $source AND name = $name;
