import { createHash, randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { RespConnection } from '../../../src/simulate/RespConnection.ts';
import { RespEmpSink } from '../../../src/simulate/RespEmpSink.ts';
import type { SimOptions } from '../../../src/simulate/SimOptions.ts';
import { simulateToRedis, type SimulateSummary } from '../../../src/simulate/simulateToRedis.ts';

export const REDIS_URL = 'redis://127.0.0.1:6379';

/** Connects to the shared test Redis, failing with instructions when it is not running. */
export async function connectTestRedis(): Promise<Redis> {
  const redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
  } catch (error) {
    throw new Error(`These tests need Redis on ${REDIS_URL} (start it with \`redis-server\`): ${String(error)}`, {
      cause: error,
    });
  }
  return redis;
}

export function randomPrefix(): string {
  return `almanac-test-${randomBytes(6).toString('hex')}:`;
}

export async function scanKeys(redis: Redis, prefix: string): Promise<string[]> {
  const keys: string[] = [];
  let cursor = '0';
  do {
    const [next, batch] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 5000);
    cursor = next;
    keys.push(...batch);
  } while (cursor !== '0');
  return keys.sort();
}

export async function deletePrefix(redis: Redis, prefix: string): Promise<void> {
  const keys = await scanKeys(redis, prefix);
  for (let i = 0; i < keys.length; i += 5000) await redis.unlink(...keys.slice(i, i + 5000));
}

/** A digest of every key under the prefix: name, type and value (hash fields sorted). TTLs are checked elsewhere: they tick. */
export async function keyspaceDigest(redis: Redis, prefix: string): Promise<string> {
  const hash = createHash('sha256');
  const keys = await scanKeys(redis, prefix);
  for (let i = 0; i < keys.length; i += 2000) {
    const slice = keys.slice(i, i + 2000);
    const types = (await slice.reduce((p, k) => p.type(k), redis.pipeline()).exec()) ?? [];
    const values = slice.reduce((p, k, j) => {
      const type = types[j]?.[1];
      if (type === 'hash') return p.hgetall(k);
      if (type === 'string') return p.get(k);
      if (type === 'zset') return p.zrange(k, 0, -1, 'WITHSCORES');
      if (type === 'stream') return p.xrange(k, '-', '+');
      return p.type(k);
    }, redis.pipeline());
    const results = (await values.exec()) ?? [];
    slice.forEach((k, j) => {
      const value = results[j]?.[1];
      const canonical =
        value !== null && typeof value === 'object' && !Array.isArray(value) ? Object.entries(value).sort() : value;
      hash.update(`${k.slice(prefix.length)}\t${String(types[j]?.[1])}\t${JSON.stringify(canonical)}\n`);
    });
  }
  return hash.digest('hex');
}

/** Runs `simulate --redis` the way the CLI does: the bulk RESP writer over its own connection. */
export async function simulateIntoRedis(options: SimOptions, prefix: string): Promise<SimulateSummary> {
  const connection = await RespConnection.open(REDIS_URL);
  try {
    return await simulateToRedis(options, new RespEmpSink(connection), prefix);
  } finally {
    connection.close();
  }
}
