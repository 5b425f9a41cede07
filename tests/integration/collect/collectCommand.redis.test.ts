// Integration: `almanac collect` as a user runs it (main() in-process, real Redis, a temp warehouse).
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { empKeys } from '../../../src/sources/emp/empKeys.ts';
import { runMain } from '../../helpers/runMain.ts';
import { connectTestRedis, deleteByPrefix, randomPrefix, REDIS_URL } from './testRedis.ts';
import { tempWarehouse, type TempWarehouse } from './testWarehouse.ts';

describe('almanac collect', () => {
  let redis: Redis;
  let prefix: string;
  let temp: TempWarehouse;
  const almanac = (...argv: string[]) => runMain(argv, { cwd: temp.dir });

  beforeAll(async () => {
    redis = await connectTestRedis();
    prefix = randomPrefix('cli');
    temp = tempWarehouse('cli');
    const keys = empKeys(prefix);
    await redis.hset(keys.job('j1'), {
      id: 'j1',
      service_required: 'ollama',
      priority: '50',
      payload: '{"model":"llama3"}',
      created_at: new Date(Date.now() - 60_000).toISOString(),
      status: 'pending',
    });
    await redis.zadd(keys.pending, 50e15, 'j1');
  });
  afterAll(async () => {
    await deleteByPrefix(redis, prefix);
    redis.disconnect();
    temp.remove();
  });

  it('prints a per-source JSON summary and exits 0', async () => {
    const args = ['--db', temp.file, 'collect', '--redis', REDIS_URL, '--layout', 'emp', '--prefix', prefix, '--json'];
    const first = await almanac(...args);
    expect(first.code).toBe(0);
    const summary = JSON.parse(first.stdout) as { ok: boolean; sources: Record<string, unknown>[] };
    expect(summary.ok).toBe(true);
    expect(summary.sources).toEqual([
      expect.objectContaining({
        source: 'emp',
        layout: 'emp',
        status: 'ok',
        jobsNew: 1,
        jobsUpdated: 0,
        snapshots: 1,
        modelDownloads: 0,
        rejects: 0,
        gaps: 0,
        error: null,
      }),
    ]);
    expect(typeof summary.sources[0]!['seconds']).toBe('number');
    const again = JSON.parse((await almanac(...args)).stdout) as typeof summary;
    expect(again.sources[0]).toMatchObject({ jobsNew: 0, jobsUpdated: 0 });
    const sql = await almanac('--db', temp.file, 'sql', 'select name, status, queue from jobs', '--json');
    expect(JSON.parse(sql.stdout)).toEqual([{ name: 'ollama:llama3', status: 'waiting', queue: 'ollama' }]);
  });

  it('fails with exit 1, a clear message and no password when Redis is down', async () => {
    const r = await almanac('--db', temp.file, 'collect', '--redis', 'redis://admin:hunter2@127.0.0.1:1');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('error[RedisUnreachable]');
    expect(r.stdout + r.stderr).not.toContain('hunter2');
  });

  it('explains what to do when there is no source', async () => {
    const r = await almanac('--db', temp.file, 'collect');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('error[NoSources]');
  });
});
