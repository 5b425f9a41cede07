import type { Redis } from 'ioredis';
import type { EmpKeys } from '../sources/emp/empKeys.ts';

/** Key families the simulator writes; with an empty prefix only these are touched, never the whole database. */
const FAMILIES = ['job:*', 'jobs:*', 'worker:*', 'machine:*', 'workflow:*', 'api:workflow:*', 'telemetry:events'];

/** Counts (limit 1) or deletes the emp keys under a prefix, by SCAN (never KEYS), in batches. */
async function scanFamilies(
  redis: Redis,
  keys: EmpKeys,
  onBatch: (batch: string[]) => Promise<boolean>,
): Promise<void> {
  const patterns = keys.prefix === '' ? FAMILIES : [`${keys.prefix}*`];
  for (const pattern of patterns) {
    let cursor = '0';
    do {
      const [next, batch] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 5000);
      cursor = next;
      if (batch.length > 0 && !(await onBatch(batch))) return;
    } while (cursor !== '0');
  }
}

export async function hasEmpKeys(redis: Redis, keys: EmpKeys): Promise<boolean> {
  let found = false;
  await scanFamilies(redis, keys, async () => {
    found = true;
    return false;
  });
  return found;
}

export async function clearEmpKeys(redis: Redis, keys: EmpKeys): Promise<number> {
  let deleted = 0;
  await scanFamilies(redis, keys, async (batch) => {
    deleted += await redis.unlink(...batch);
    return true;
  });
  return deleted;
}
