// Real Redis (shared): every test writes under its own random prefix and deletes it afterwards by SCAN.
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedOf } from '../../../src/simulate/Prng.ts';
import { RedisEmpSink } from '../../../src/simulate/RedisEmpSink.ts';
import { RespConnection } from '../../../src/simulate/RespConnection.ts';
import { simulateToRedis } from '../../../src/simulate/simulateToRedis.ts';
import {
  connectTestRedis,
  deletePrefix,
  keyspaceDigest,
  randomPrefix,
  REDIS_URL,
  simulateIntoRedis,
} from './redisHelpers.ts';

const options = {
  seed: seedOf('redis-determinism'),
  end: Date.UTC(2026, 10, 22, 15, 30),
  days: 2,
  machines: 15,
  jobsPerDay: 1200,
};
let redis: Redis;
const prefixes: string[] = [];

beforeAll(async () => {
  redis = await connectTestRedis();
});

afterAll(async () => {
  for (const p of prefixes) await deletePrefix(redis, p);
  await redis.quit();
});

describe('simulate into Redis', () => {
  it('same seed, options and --end leave byte-identical keyspaces', { timeout: 180_000 }, async () => {
    const a = randomPrefix();
    const b = randomPrefix();
    prefixes.push(a, b);
    const first = await simulateIntoRedis(options, a);
    const second = await simulateIntoRedis(options, b);
    expect(first.jobs).toBeGreaterThan(1000);
    expect(second).toEqual(first);
    expect(await keyspaceDigest(redis, b)).toBe(await keyspaceDigest(redis, a));
    const c = randomPrefix();
    prefixes.push(c);
    await simulateIntoRedis({ ...options, seed: seedOf('another') }, c);
    expect(await keyspaceDigest(redis, c)).not.toBe(await keyspaceDigest(redis, a));
  });

  it('the ioredis pipeline writer leaves the same keyspace as the bulk RESP writer', { timeout: 180_000 }, async () => {
    const a = randomPrefix();
    const b = randomPrefix();
    prefixes.push(a, b);
    await simulateIntoRedis(options, a);
    const sink = new RedisEmpSink(redis, 500);
    await simulateToRedis(options, sink, b);
    expect(await keyspaceDigest(redis, b)).toBe(await keyspaceDigest(redis, a));
  });

  it('the bulk writer reports what Redis refused, and a server that is not there', async () => {
    const prefix = randomPrefix();
    prefixes.push(prefix);
    const connection = await RespConnection.open(REDIS_URL);
    try {
      connection.command(['SET', `${prefix}k`, 'x']);
      connection.command(['HSET', `${prefix}k`, 'f', 'v']);
      await expect(connection.flush()).rejects.toThrow(/WRONGTYPE/);
    } finally {
      connection.close();
    }
    await expect(RespConnection.open('redis://127.0.0.1:1')).rejects.toThrow(/Cannot connect/);
  });
});
