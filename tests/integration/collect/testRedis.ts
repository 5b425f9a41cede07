import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';

export const REDIS_URL = 'redis://127.0.0.1:6379';

/** A prefix no other test (or helper) uses: the shared Redis is only ever touched under it. */
export function randomPrefix(label: string): string {
  return `almtest-${label}-${randomBytes(6).toString('hex')}`;
}

export async function connectTestRedis(): Promise<Redis> {
  const redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1, retryStrategy: () => null });
  try {
    await redis.connect();
  } catch (error) {
    throw new Error(
      `These tests need Redis on ${REDIS_URL} (start it with: redis-server --port 6379 --save "" --daemonize yes)`,
      { cause: error },
    );
  }
  return redis;
}

/** Deletes every key under a prefix by SCAN (never KEYS, never FLUSHDB: the Redis is shared). */
export async function deleteByPrefix(redis: Redis, prefix: string): Promise<number> {
  let cursor = '0';
  let deleted = 0;
  const pattern = `${prefix.replace(/[*?[\]\\]/g, '\\$&')}*`;
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
    cursor = next;
    if (keys.length > 0) deleted += await redis.unlink(...keys);
  } while (cursor !== '0');
  return deleted;
}
