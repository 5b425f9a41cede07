// Real Redis (shared), random prefix: the live fleet writes state as the wall clock advances.
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RedisEmpSink } from '../../../src/simulate/RedisEmpSink.ts';
import { simulateLive } from '../../../src/simulate/simulateLive.ts';
import { decodeJobHash } from '../../../src/sources/emp/decodeJobHash.ts';
import { connectTestRedis, deletePrefix, randomPrefix, scanKeys } from './redisHelpers.ts';

let redis: Redis;
let prefix: string;

beforeAll(async () => {
  redis = await connectTestRedis();
  prefix = randomPrefix();
});

afterAll(async () => {
  await deletePrefix(redis, prefix);
  await redis.quit();
});

describe('simulate --live', () => {
  it(
    'submits, claims and finishes steps in real time, with machine and worker state',
    { timeout: 120_000 },
    async () => {
      const started = Date.now();
      const summary = await simulateLive(
        { seed: 5, machines: 8, rate: 15, durationMs: 3000 },
        new RedisEmpSink(redis, 200),
        prefix,
        () => Date.now(),
      );
      expect(Date.now() - started).toBeGreaterThanOrEqual(2900);
      expect(summary.jobs).toBeGreaterThan(5);
      const keys = await scanKeys(redis, prefix);
      const jobKeys = keys.filter((k) => /:job:[^:]+$/.test(k));
      expect(jobKeys.length).toBe(summary.jobs);
      const statuses = new Set<string>();
      for (const k of jobKeys) {
        const decoded = decodeJobHash(await redis.hgetall(k), { source: 'live', key: k });
        expect(decoded.ok).toBe(true);
        if (decoded.ok) {
          statuses.add(decoded.value.status);
          expect(decoded.value.createdAt).toBeGreaterThanOrEqual(started - 1000);
          expect(decoded.value.createdAt).toBeLessThanOrEqual(Date.now());
        }
      }
      expect(statuses.has('completed') || statuses.has('active')).toBe(true);
      // Claimed steps left the pending set; finished steps left jobs:active.
      for (const id of await redis.zrange(`${prefix}jobs:pending`, 0, -1)) {
        expect(await redis.hget(`${prefix}job:${id}`, 'status')).toBe('pending');
      }
      for (const k of keys.filter((key) => key.includes(':jobs:active:'))) {
        for (const id of await redis.hkeys(k))
          expect(['assigned', 'in_progress']).toContain(await redis.hget(`${prefix}job:${id}`, 'status'));
      }
      expect(keys.some((k) => /:machine:[^:]+:info$/.test(k))).toBe(true);
      const worker = keys.find((k) => /:worker:[^:]+$/.test(k));
      expect(worker).toBeDefined();
      expect(await redis.ttl(worker!)).toBeGreaterThan(100);
    },
  );

  it(
    'with --speed, a small fleet finishes most of a high rate, every time on the wall clock',
    { timeout: 120_000 },
    async () => {
      const speedPrefix = `${prefix}fast:`;
      const started = Date.now();
      const summary = await simulateLive(
        { seed: 6, machines: 8, rate: 150, durationMs: 3000, speed: 400 },
        new RedisEmpSink(redis, 200),
        speedPrefix,
        () => Date.now(),
      );
      const ended = Date.now();
      // At real speed these 8 machines finish about one job a second (about 1% of what arrives here); 400 times
      // faster they keep up with 150. Most, not nearly all: the jobs of the last ticks are still running when the
      // window closes, and more of them when a loaded machine delays the ticks (78% in one CI run).
      expect(summary.jobs).toBeGreaterThan(300);
      expect(summary.finished).toBeGreaterThan(0.6 * summary.jobs);
      const completed = await redis.hgetall(`${speedPrefix}jobs:completed`);
      const failed = await redis.hlen(`${speedPrefix}jobs:failed`);
      expect(Object.keys(completed).length + failed).toBe(summary.finished);
      for (const id of Object.keys(completed).slice(0, 200)) {
        const decoded = decodeJobHash(await redis.hgetall(`${speedPrefix}job:${id}`), { source: 'live', key: id });
        expect(decoded.ok).toBe(true);
        if (!decoded.ok) continue;
        const job = decoded.value;
        expect(job.status).toBe('completed');
        expect(job.createdAt).toBeGreaterThanOrEqual(started);
        expect(job.finishedAt).toBeLessThanOrEqual(ended);
        // Seconds of modelled run time take milliseconds of wall time.
        expect(job.runMs ?? Infinity).toBeLessThan(3000);
      }
    },
  );
});
